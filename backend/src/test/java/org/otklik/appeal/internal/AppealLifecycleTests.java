package org.otklik.appeal.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.otklik.appeal.AnswerKind;
import org.otklik.appeal.AnswerQuality;
import org.otklik.appeal.Appeal;
import org.otklik.appeal.AppealEventType;
import org.otklik.appeal.AppealStatus;
import org.otklik.appeal.Channel;
import org.otklik.appeal.Reach;
import org.otklik.appeal.ReviewState;
import org.otklik.graphql.UserError;
import org.otklik.graphql.UserErrorCode;
import org.otklik.region.Category;
import org.otklik.security.Role;
import org.otklik.sla.ProductionCalendarRegistry;
import org.otklik.sla.SlaClockKind;
import org.otklik.sla.SlaEngine;
import org.otklik.sla.SlaPolicy;
import org.otklik.sla.SlaPolicyMatcher;
import org.otklik.sla.SlaPolicyYaml;
import org.otklik.sla.SlaProperties;
import org.otklik.sla.SlaState;

import static org.assertj.core.api.Assertions.assertThat;
import static org.otklik.appeal.AppealStatus.ANSWERED;
import static org.otklik.appeal.AppealStatus.ASSIGNED;
import static org.otklik.appeal.AppealStatus.CLOSED;
import static org.otklik.appeal.AppealStatus.IN_PROGRESS;
import static org.otklik.appeal.AppealStatus.NEW;
import static org.otklik.appeal.AppealStatus.ON_REVIEW;
import static org.otklik.appeal.AppealStatus.REJECTED;

/** The lifecycle table and rules as a pure function: no Spring, no database. */
class AppealLifecycleTests {

	static final SlaPolicyMatcher POLICIES = new SlaPolicyMatcher(SlaPolicyYaml.defaults());

	static final AppealSlaCalculator CALCULATOR = new AppealSlaCalculator(
			new SlaEngine(ProductionCalendarRegistry.withBuiltInYears(), SlaProperties.defaults()), null);

	static final SlaPolicy SOCIAL = POLICIES.require("VK", false, "HOUSING_UTILITIES");

	static final SlaPolicy FORMAL = POLICIES.require("EMAIL", false, "SOCIAL_PROTECTION");

	static final Instant T0 = Instant.parse("2026-03-10T00:00:00Z");

	static final String HEALTH = "agency-health";

	static final String TENKA = "agency-tenka";

	static final Actor CURATOR = new Actor("curator", "Куратор", Set.of(Role.CURATOR), null, "otklik-pwa");

	static final Actor EXECUTOR = new Actor("exec.health", "Исполнитель", Set.of(Role.EXECUTOR), HEALTH, "otklik-pwa");

	static final Actor COLLEAGUE = new Actor("exec.other", "Пётр", Set.of(Role.EXECUTOR), HEALTH, "otklik-pwa");

	static final Actor FOREIGN = new Actor("exec.tenka", "Чужой", Set.of(Role.EXECUTOR), TENKA, "otklik-pwa");

	static final Actor HEAD = new Actor("head.health", "Руководитель", Set.of(Role.HEAD), HEALTH, "otklik-pwa");

	/** Statuses each action is legal from, written out here independently of the table. */
	static final Map<AppealAction, Set<AppealStatus>> LEGAL = Map.ofEntries(
			Map.entry(AppealAction.REJECT, EnumSet.of(NEW, ASSIGNED)),
			Map.entry(AppealAction.ASSIGN, EnumSet.of(NEW)),
			Map.entry(AppealAction.REDIRECT, EnumSet.of(ASSIGNED, IN_PROGRESS)),
			Map.entry(AppealAction.TAKE, EnumSet.of(ASSIGNED)),
			Map.entry(AppealAction.ANSWER, EnumSet.of(ASSIGNED, IN_PROGRESS)),
			Map.entry(AppealAction.APPROVE, EnumSet.of(ON_REVIEW)),
			Map.entry(AppealAction.RETURN, EnumSet.of(ON_REVIEW)),
			Map.entry(AppealAction.CLOSE, EnumSet.of(ANSWERED)),
			Map.entry(AppealAction.REOPEN, EnumSet.of(ANSWERED, CLOSED, REJECTED)),
			Map.entry(AppealAction.PAUSE, EnumSet.of(ASSIGNED, IN_PROGRESS)),
			Map.entry(AppealAction.EXTEND, EnumSet.of(ASSIGNED, IN_PROGRESS, ON_REVIEW)),
			Map.entry(AppealAction.REASSIGN, EnumSet.of(ASSIGNED, IN_PROGRESS, ON_REVIEW)),
			Map.entry(AppealAction.TAKE_OVER, EnumSet.of(ASSIGNED, IN_PROGRESS, ON_REVIEW)),
			Map.entry(AppealAction.RECLASSIFY, EnumSet.of(NEW, ASSIGNED, IN_PROGRESS, ON_REVIEW, ANSWERED)));

	/** The status each legal action leads to (from the appeals {@link #inStatus} builds). */
	static final Map<AppealAction, AppealEventType> EVENTS = Map.ofEntries(
			Map.entry(AppealAction.REJECT, AppealEventType.REJECTED),
			Map.entry(AppealAction.ASSIGN, AppealEventType.ASSIGNED),
			Map.entry(AppealAction.REDIRECT, AppealEventType.REDIRECTED),
			Map.entry(AppealAction.TAKE, AppealEventType.TAKEN),
			Map.entry(AppealAction.ANSWER, AppealEventType.FINAL_SUBMITTED),
			Map.entry(AppealAction.APPROVE, AppealEventType.ANSWER_APPROVED),
			Map.entry(AppealAction.RETURN, AppealEventType.ANSWER_RETURNED),
			Map.entry(AppealAction.CLOSE, AppealEventType.CLOSED),
			Map.entry(AppealAction.REOPEN, AppealEventType.REOPENED),
			Map.entry(AppealAction.PAUSE, AppealEventType.PAUSED),
			Map.entry(AppealAction.EXTEND, AppealEventType.EXTENDED),
			Map.entry(AppealAction.REASSIGN, AppealEventType.REASSIGNED),
			Map.entry(AppealAction.TAKE_OVER, AppealEventType.REASSIGNED),
			Map.entry(AppealAction.RECLASSIFY, AppealEventType.RECLASSIFIED));

	static Stream<Arguments> everyActionFromEveryStatus() {
		List<Arguments> all = new ArrayList<>();
		for (AppealAction action : LEGAL.keySet()) {
			for (AppealStatus status : AppealStatus.values()) {
				all.add(Arguments.of(action, status));
			}
		}
		return all.stream();
	}

	@ParameterizedTest(name = "{0} from {1}")
	@MethodSource("everyActionFromEveryStatus")
	void everyActionIsAllowedFromExactlyItsStatuses(AppealAction action, AppealStatus status) {
		Appeal appeal = inStatus(status);
		Actor actor = actorFor(action, appeal);
		Decision decision = decide(appeal, command(action, appeal), actor, FORMAL);
		if (action == AppealAction.TAKE && status == IN_PROGRESS) {
			// The executor who holds it takes it again: harmless, nothing changes.
			assertThat(decision).isInstanceOf(Decision.Unchanged.class);
			return;
		}
		if (LEGAL.get(action).contains(status)) {
			assertThat(decision).as(action + " from " + status).isInstanceOf(Decision.Changed.class);
			Appeal after = ((Decision.Changed) decision).after();
			assertThat(after.version()).isEqualTo(appeal.version() + 1);
			assertThat(after.lastEvent().type()).isEqualTo(EVENTS.get(action));
			assertThat(after.lastEvent().version()).isEqualTo(after.version());
			assertThat(after.history()).hasSize(appeal.history().size() + 1);
			assertThat(after.history().get(after.history().size() - 1).fromStatus()).isEqualTo(status);
			assertThat(after.history().get(after.history().size() - 1).toStatus()).isEqualTo(after.status());
			assertThat(after.sla()).isNotNull();
		}
		else {
			assertThat(decision).as(action + " from " + status).isInstanceOf(Decision.Refused.class);
			UserError error = ((Decision.Refused) decision).errors().get(0);
			UserErrorCode expected = (action == AppealAction.ANSWER && status == ON_REVIEW) ? UserErrorCode.ILLEGAL_TRANSITION
					: (actor != CURATOR && appeal.agencyId() == null) ? UserErrorCode.FORBIDDEN
							: UserErrorCode.ILLEGAL_TRANSITION;
			assertThat(error.code()).isEqualTo(expected);
			if (expected == UserErrorCode.ILLEGAL_TRANSITION) {
				assertThat(error.message()).contains("текущий статус: " + status);
			}
		}
	}

	@Test
	void theTableNamesExactlyTheLegalStatuses() {
		LEGAL.forEach((action, statuses) -> assertThat(action.from()).as(action.name()).isEqualTo(statuses));
	}

	@Test
	void statusesAfterEachChange() {
		assertThat(after(inStatus(NEW), new AppealCommand.Assign(HEALTH), CURATOR).status()).isEqualTo(ASSIGNED);
		assertThat(after(inStatus(NEW), new AppealCommand.Reject("Спам"), CURATOR).status()).isEqualTo(REJECTED);
		Appeal redirected = after(inStatus(IN_PROGRESS), new AppealCommand.Redirect(TENKA, "Не наш вопрос"), EXECUTOR);
		assertThat(redirected.status()).isEqualTo(ASSIGNED);
		assertThat(redirected.agencyId()).isEqualTo(TENKA);
		assertThat(redirected.executor()).isNull();
		assertThat(redirected.redirectCount()).isEqualTo(1);
		assertThat(redirected.lastEvent().fromAgencyId()).isEqualTo(HEALTH);
		assertThat(after(inStatus(ASSIGNED), new AppealCommand.Take(), EXECUTOR).executor().id()).isEqualTo("exec.health");
		Appeal interim = after(inStatus(IN_PROGRESS), answer(AnswerKind.INTERIM, null), EXECUTOR);
		assertThat(interim.status()).isEqualTo(IN_PROGRESS);
		assertThat(interim.firstRespondedAt()).isEqualTo(T0.plus(Duration.ofHours(1)));
		assertThat(interim.lastEvent().type()).isEqualTo(AppealEventType.INTERIM_ANSWERED);
		Appeal approved = after(inStatus(ON_REVIEW), new AppealCommand.ApproveAnswer("final-1"), CURATOR);
		assertThat(approved.status()).isEqualTo(ANSWERED);
		assertThat(approved.answeredAt()).isNotNull();
		assertThat(approved.answer("final-1").orElseThrow().review()).isEqualTo(ReviewState.APPROVED);
		Appeal returned = after(inStatus(ON_REVIEW), new AppealCommand.ReturnAnswer("final-1", "Добавьте срок"), CURATOR);
		assertThat(returned.status()).isEqualTo(IN_PROGRESS);
		assertThat(returned.returnCount()).isEqualTo(1);
		assertThat(returned.lastEvent().reason()).isEqualTo("Добавьте срок");
		assertThat(after(inStatus(CLOSED), new AppealCommand.Reopen("Житель ответил"), CURATOR).status()).isEqualTo(IN_PROGRESS);
		Appeal unrejected = after(inStatus(REJECTED), new AppealCommand.Reopen("Ошибка"), CURATOR);
		assertThat(unrejected.status()).isEqualTo(NEW);
		assertThat(unrejected.agencyId()).isNull();
		assertThat(unrejected.closedAt()).isNull();
	}

	@Test
	void onlyTheAgencysExecutorsTakeAndAnswer() {
		Appeal assigned = inStatus(ASSIGNED);
		assertThat(refusal(assigned, new AppealCommand.Take(), FOREIGN).code()).isEqualTo(UserErrorCode.FORBIDDEN);
		assertThat(refusal(assigned, answer(AnswerKind.FINAL, null), FOREIGN).code()).isEqualTo(UserErrorCode.FORBIDDEN);
		assertThat(refusal(assigned, new AppealCommand.Take(), HEAD).code()).isEqualTo(UserErrorCode.FORBIDDEN);
		assertThat(refusal(assigned, new AppealCommand.Pause("Ждём"), FOREIGN).code()).isEqualTo(UserErrorCode.FORBIDDEN);
		assertThat(refusal(assigned, new AppealCommand.Assign(HEALTH), EXECUTOR).code()).isEqualTo(UserErrorCode.FORBIDDEN);
	}

	@Test
	void onlyTheHolderAnswersAnAppealAColleagueHolds() {
		Appeal held = inStatus(IN_PROGRESS);
		UserError error = refusal(held, answer(AnswerKind.INTERIM, null), COLLEAGUE);
		assertThat(error.code()).isEqualTo(UserErrorCode.NOT_HOLDER);
		assertThat(error.message()).contains("Исполнитель");
		assertThat(after(held, answer(AnswerKind.INTERIM, null), EXECUTOR).answers()).hasSize(1);
		// The head answers any of the agency's appeals; while nobody holds one, any executor of the agency may.
		assertThat(after(held, answer(AnswerKind.INTERIM, null), HEAD).answers()).hasSize(1);
		assertThat(after(inStatus(ASSIGNED), answer(AnswerKind.INTERIM, null), COLLEAGUE).executor().id())
			.isEqualTo("exec.other");
	}

	@Test
	void theHolderHandsOverToAColleagueWithACommentAndTheHistorySaysFromWhomToWhom() {
		Appeal held = inStatus(IN_PROGRESS);
		AppealCommand.Reassign handOver = new AppealCommand.Reassign(COLLEAGUE.person(), HEALTH, "Ухожу в отпуск");
		Appeal after = after(held, handOver, EXECUTOR);
		assertThat(after.executor().id()).isEqualTo("exec.other");
		assertThat(after.status()).isEqualTo(IN_PROGRESS);
		var entry = after.history().get(after.history().size() - 1);
		assertThat(entry.type()).isEqualTo(AppealEventType.REASSIGNED);
		assertThat(entry.actor().id()).isEqualTo("exec.health");
		assertThat(entry.fromExecutor().id()).isEqualTo("exec.health");
		assertThat(entry.toExecutor().id()).isEqualTo("exec.other");
		assertThat(entry.reason()).isEqualTo("Ухожу в отпуск");
		// The previous holder may no longer answer it; the new one may.
		assertThat(refusal(after, answer(AnswerKind.INTERIM, null), EXECUTOR).code()).isEqualTo(UserErrorCode.NOT_HOLDER);
		assertThat(after(after, answer(AnswerKind.INTERIM, null), COLLEAGUE).answers()).hasSize(1);
	}

	@Test
	void reassignmentRules() {
		Appeal held = inStatus(IN_PROGRESS);
		// An executor must say why.
		assertThat(refusal(held, new AppealCommand.Reassign(COLLEAGUE.person(), HEALTH, " "), EXECUTOR).code())
			.isEqualTo(UserErrorCode.REQUIRED);
		// A colleague who does not hold it may not hand it on; another agency's executor may not at all.
		assertThat(refusal(held, new AppealCommand.Reassign(FOREIGN.person(), HEALTH, "x"), COLLEAGUE).code())
			.isEqualTo(UserErrorCode.NOT_HOLDER);
		assertThat(refusal(held, new AppealCommand.Reassign(COLLEAGUE.person(), HEALTH, "x"), FOREIGN).code())
			.isEqualTo(UserErrorCode.FORBIDDEN);
		// Nobody holds an assigned appeal: an executor takes it rather than handing it on.
		assertThat(refusal(inStatus(ASSIGNED), new AppealCommand.Reassign(COLLEAGUE.person(), HEALTH, "x"), EXECUTOR)
			.code()).isEqualTo(UserErrorCode.NOT_HOLDER);
		// Only to an executor of the appeal's agency, and not to the holder.
		assertThat(refusal(held, new AppealCommand.Reassign(FOREIGN.person(), TENKA, null), CURATOR).code())
			.isEqualTo(UserErrorCode.NOT_FOUND);
		assertThat(refusal(held, new AppealCommand.Reassign(FOREIGN.person(), null, null), HEAD).code())
			.isEqualTo(UserErrorCode.NOT_FOUND);
		assertThat(refusal(held, new AppealCommand.Reassign(EXECUTOR.person(), HEALTH, null), CURATOR).code())
			.isEqualTo(UserErrorCode.NO_CHANGE);
		// The head and curators need no comment; an assigned appeal goes into work with its new holder.
		Appeal byHead = after(inStatus(ASSIGNED), new AppealCommand.Reassign(COLLEAGUE.person(), HEALTH, null), HEAD);
		assertThat(byHead.status()).isEqualTo(IN_PROGRESS);
		assertThat(byHead.executor().id()).isEqualTo("exec.other");
		assertThat(byHead.history().get(byHead.history().size() - 1).fromExecutor()).isNull();
		assertThat(after(held, new AppealCommand.Reassign(COLLEAGUE.person(), HEALTH, null), CURATOR).executor().id())
			.isEqualTo("exec.other");
	}

	@Test
	void theHeadTakesOverAndOnlyTheHead() {
		Appeal held = inStatus(IN_PROGRESS);
		Appeal taken = after(held, new AppealCommand.TakeOver("Исполнитель на больничном"), HEAD);
		assertThat(taken.executor().id()).isEqualTo("head.health");
		assertThat(taken.lastEvent().type()).isEqualTo(AppealEventType.REASSIGNED);
		assertThat(refusal(taken, new AppealCommand.TakeOver(null), HEAD).code()).isEqualTo(UserErrorCode.NO_CHANGE);
		assertThat(refusal(held, new AppealCommand.TakeOver(null), EXECUTOR).code()).isEqualTo(UserErrorCode.FORBIDDEN);
		assertThat(refusal(held, new AppealCommand.TakeOver(null), CURATOR).code()).isEqualTo(UserErrorCode.FORBIDDEN);
		Actor foreignHead = new Actor("head.tenka", "Глава", Set.of(Role.HEAD), TENKA, "otklik-pwa");
		assertThat(refusal(held, new AppealCommand.TakeOver(null), foreignHead).code()).isEqualTo(UserErrorCode.FORBIDDEN);
	}

	@Test
	void aColleaguesAppealIsTakenByOther() {
		UserError error = refusal(inStatus(IN_PROGRESS), new AppealCommand.Take(), COLLEAGUE);
		assertThat(error.code()).isEqualTo(UserErrorCode.TAKEN_BY_OTHER);
		assertThat(error.message()).contains("Исполнитель");
	}

	@Test
	void repeatsChangeNothing() {
		assertThat(decide(inStatus(IN_PROGRESS), new AppealCommand.Take(), EXECUTOR, SOCIAL)).isInstanceOf(Decision.Unchanged.class);
		Appeal answered = after(inStatus(IN_PROGRESS), answer(AnswerKind.FINAL, "offline-1"), EXECUTOR);
		// The retry arrives after the appeal moved on to review: still a no-op, not an illegal transition.
		assertThat(decide(answered, answer(AnswerKind.FINAL, "offline-1"), EXECUTOR, SOCIAL)).isInstanceOf(Decision.Unchanged.class);
	}

	@Test
	void redirectAndAssignCheckTheAgency() {
		assertThat(refusal(inStatus(ASSIGNED), new AppealCommand.Redirect(HEALTH, "x"), CURATOR).code())
			.isEqualTo(UserErrorCode.NO_CHANGE);
		assertThat(refusal(inStatus(ASSIGNED), new AppealCommand.Redirect("gone", "x"), CURATOR).code())
			.isEqualTo(UserErrorCode.NOT_FOUND);
		assertThat(refusal(inStatus(NEW), new AppealCommand.Assign("gone"), CURATOR).code()).isEqualTo(UserErrorCode.NOT_FOUND);
	}

	@Test
	void reviewNeedsThePendingAnswer() {
		UserError error = refusal(inStatus(ON_REVIEW), new AppealCommand.ApproveAnswer("other"), CURATOR);
		assertThat(error.code()).isEqualTo(UserErrorCode.NOT_FOUND);
		assertThat(error.field()).containsExactly("input", "answerId");
	}

	@Test
	void lowQualityIsRefusedOnlyWhereTheRegionBlocks() {
		Appeal appeal = inStatus(IN_PROGRESS);
		AppealCommand blocked = new AppealCommand.SubmitAnswer("a-2", AnswerKind.FINAL, "Ответ", null,
				new AnswerQuality(10, List.of(), null), true);
		assertThat(refusal(appeal, blocked, EXECUTOR).code()).isEqualTo(UserErrorCode.LOW_QUALITY);
	}

	@Test
	void pauseResumeAndExtendGuardTheirState() {
		Appeal paused = after(inStatus(IN_PROGRESS), new AppealCommand.Pause("Ждём фото"), EXECUTOR);
		assertThat(paused.openPause()).isPresent();
		assertThat(refusal(paused, new AppealCommand.Pause("Ещё"), EXECUTOR).code()).isEqualTo(UserErrorCode.ILLEGAL_TRANSITION);
		Appeal resumed = after(paused, new AppealCommand.Resume(), CURATOR);
		assertThat(resumed.openPause()).isEmpty();
		assertThat(resumed.sla().pauses()).hasSize(1);
		assertThat(refusal(resumed, new AppealCommand.Resume(), CURATOR).code()).isEqualTo(UserErrorCode.ILLEGAL_TRANSITION);

		assertThat(refusal(inStatus(IN_PROGRESS), new AppealCommand.Extend("Нужна экспертиза"), EXECUTOR, SOCIAL).code())
			.isEqualTo(UserErrorCode.INVALID);
		Appeal extended = after(inStatus(IN_PROGRESS), new AppealCommand.Extend("Нужна экспертиза"), EXECUTOR);
		assertThat(extended.sla().extendedAt()).isNotNull();
		assertThat(refusal(extended, new AppealCommand.Extend("Ещё"), EXECUTOR).code()).isEqualTo(UserErrorCode.ILLEGAL_TRANSITION);
	}

	@Test
	void slaThresholdsAreAnnouncedOneByOneAndOnlyOnce() {
		Appeal appeal = inStatus(IN_PROGRESS);
		Actor system = Actor.SYSTEM;
		// Long past both clocks of the social policy: four thresholds, announced oldest first.
		Instant late = T0.plus(Duration.ofDays(30));
		List<String> announced = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			Decision decision = AppealLifecycle.decide(appeal, new AppealCommand.AnnounceSla(), system, context(late, SOCIAL));
			assertThat(decision).isInstanceOf(Decision.Changed.class);
			appeal = ((Decision.Changed) decision).after();
			announced.add(appeal.lastEvent().clock() + ":" + appeal.lastEvent().state());
		}
		assertThat(announced).containsExactly("FIRST_RESPONSE:AT_RISK", "FIRST_RESPONSE:BREACHED", "FINAL_ANSWER:AT_RISK",
				"FINAL_ANSWER:BREACHED");
		assertThat(appeal.lastEvent().type()).isEqualTo(AppealEventType.SLA_BREACHED);
		assertThat(appeal.lastEvent().clock()).isEqualTo(SlaClockKind.FINAL_ANSWER);
		assertThat(appeal.lastEvent().state()).isEqualTo(SlaState.BREACHED);
		assertThat(AppealLifecycle.decide(appeal, new AppealCommand.AnnounceSla(), system, context(late, SOCIAL)))
			.isInstanceOf(Decision.Unchanged.class);
		// A closed appeal announces nothing.
		assertThat(AppealLifecycle.decide(inStatus(CLOSED), new AppealCommand.AnnounceSla(), system, context(late, SOCIAL)))
			.isInstanceOf(Decision.Unchanged.class);
	}

	@Test
	void reopeningStartsANewFinalAnswerClock() {
		Appeal appeal = inStatus(ANSWERED);
		Instant late = T0.plus(Duration.ofDays(60));
		for (int i = 0; i < 4; i++) {
			Decision d = AppealLifecycle.decide(appeal, new AppealCommand.AnnounceSla(), Actor.SYSTEM, context(late, SOCIAL));
			if (d instanceof Decision.Changed changed) {
				appeal = changed.after();
			}
		}
		Appeal reopened = ((Decision.Changed) AppealLifecycle.decide(appeal, new AppealCommand.Reopen("Ответ жителя"), CURATOR,
				context(late, SOCIAL))).after();
		assertThat(reopened.reopenedAt()).isEqualTo(late);
		assertThat(reopened.sla().announced()).noneMatch(key -> key.startsWith("FINAL_ANSWER:"));
	}

	@Test
	void viewerCanFollowsTheTable() {
		Appeal assigned = inStatus(ASSIGNED);
		assertThat(AppealLifecycle.check(AppealAction.TAKE, assigned, EXECUTOR, CALCULATOR.rules(SOCIAL))).isEmpty();
		assertThat(AppealLifecycle.check(AppealAction.TAKE, assigned, CURATOR, CALCULATOR.rules(SOCIAL))).isPresent();
		assertThat(AppealLifecycle.check(AppealAction.REDIRECT, assigned, CURATOR, CALCULATOR.rules(SOCIAL))).isEmpty();
		assertThat(AppealLifecycle.check(AppealAction.EXTEND, assigned, CURATOR, CALCULATOR.rules(SOCIAL))).isPresent();
		assertThat(AppealLifecycle.check(AppealAction.EXTEND, assigned, CURATOR, CALCULATOR.rules(FORMAL))).isEmpty();
		assertThat(AppealLifecycle.check(AppealAction.CLOSE, assigned, CURATOR, CALCULATOR.rules(SOCIAL))).isPresent();
	}

	@Test
	void aFurtherMessageJoinsTheAppealAndEndsAPauseThatWaitedForTheCitizen() {
		Appeal paused = after(inStatus(IN_PROGRESS), new AppealCommand.Pause("Пришлите фото"), EXECUTOR);
		Decision decision = decide(paused, new AppealCommand.AddCitizenMessage(message("m-1")), Actor.SYSTEM, FORMAL);
		Appeal replied = ((Decision.Changed) decision).after();
		assertThat(replied.messages()).extracting(org.otklik.appeal.CitizenMessage::externalId).containsExactly("m-1");
		assertThat(replied.openPause()).isEmpty();
		assertThat(replied.lastEvent().type()).isEqualTo(AppealEventType.CITIZEN_REPLIED);
		assertThat(replied.lastEvent().messageId()).isEqualTo("id-m-1");
		// The same message again changes nothing; a closed appeal takes no further message.
		assertThat(decide(replied, new AppealCommand.AddCitizenMessage(message("m-1")), Actor.SYSTEM, FORMAL))
			.isInstanceOf(Decision.Unchanged.class);
		assertThat(refusal(inStatus(CLOSED), new AppealCommand.AddCitizenMessage(message("m-2")), Actor.SYSTEM).code())
			.isEqualTo(UserErrorCode.ILLEGAL_TRANSITION);
		// Not anyone's to send: only the system's intake adds messages.
		assertThat(refusal(paused, new AppealCommand.AddCitizenMessage(message("m-3")), EXECUTOR).code())
			.isEqualTo(UserErrorCode.FORBIDDEN);
	}

	@Test
	void aPublishedAnswerGoesToItsChannelOrWaitsToBePublishedByHand() {
		Appeal withoutAccount = after(inStatus(IN_PROGRESS), answer(AnswerKind.INTERIM, null), EXECUTOR);
		assertThat(withoutAccount.answers().get(0).delivery().state()).isEqualTo(org.otklik.appeal.Delivery.DeliveryState.MANUAL);
		Appeal fromChannel = inStatus(IN_PROGRESS).withSource(new org.otklik.appeal.ChannelSource("account-1",
				new org.otklik.appeal.ChannelSource.ReplyTarget(org.otklik.appeal.ChannelSource.ReplyKind.COMMENT, "-1", "2", "3"),
				"vk:-1:2:3"));
		Appeal interim = after(fromChannel, answer(AnswerKind.INTERIM, null), EXECUTOR);
		assertThat(interim.answers().get(0).delivery().state()).isEqualTo(org.otklik.appeal.Delivery.DeliveryState.PENDING);
		// A final answer is published when approved, not when submitted.
		Appeal review = inStatus(ON_REVIEW);
		assertThat(review.answer("final-1").orElseThrow().delivery()).isNull();
		Appeal approved = after(review, new AppealCommand.ApproveAnswer("final-1"), CURATOR);
		assertThat(approved.answer("final-1").orElseThrow().delivery().state())
			.isEqualTo(org.otklik.appeal.Delivery.DeliveryState.MANUAL);

		// Published by hand: only an answer that waits for it, and only by those who work on the appeal.
		assertThat(refusal(approved, new AppealCommand.MarkPublished("final-1", null), FOREIGN).code())
			.isEqualTo(UserErrorCode.FORBIDDEN);
		Appeal published = after(approved, new AppealCommand.MarkPublished("final-1", "https://vk.com/wall-1_2"), EXECUTOR);
		org.otklik.appeal.Delivery delivery = published.answer("final-1").orElseThrow().delivery();
		assertThat(delivery.state()).isEqualTo(org.otklik.appeal.Delivery.DeliveryState.SENT);
		assertThat(delivery.by().id()).isEqualTo("exec.health");
		assertThat(delivery.link()).isEqualTo("https://vk.com/wall-1_2");
		assertThat(refusal(published, new AppealCommand.MarkPublished("final-1", null), EXECUTOR).code())
			.isEqualTo(UserErrorCode.ILLEGAL_TRANSITION);

		// The channel delivery records what happened; a repeat of the same state changes nothing.
		org.otklik.appeal.Delivery sent = new org.otklik.appeal.Delivery(org.otklik.appeal.Delivery.DeliveryState.SENT, "c-9",
				"https://vk.com/wall-1_2?reply=9", null, null, T0, null);
		Appeal delivered = after(interim, new AppealCommand.RecordDelivery(interim.answers().get(0).id(), sent), Actor.SYSTEM);
		assertThat(delivered.lastEvent().type()).isEqualTo(AppealEventType.DELIVERY_UPDATED);
		assertThat(decide(delivered, new AppealCommand.RecordDelivery(interim.answers().get(0).id(), sent), Actor.SYSTEM, FORMAL))
			.isInstanceOf(Decision.Unchanged.class);
	}

	static org.otklik.appeal.CitizenMessage message(String externalId) {
		return new org.otklik.appeal.CitizenMessage("id-" + externalId, externalId, "Вот фото", null, null, T0);
	}

	// ------------------------------------------------------------ fixtures

	static Decision decide(Appeal appeal, AppealCommand command, Actor actor, SlaPolicy policy) {
		return AppealLifecycle.decide(appeal, command, actor, context(T0.plus(Duration.ofHours(1)), policy));
	}

	static AppealLifecycle.Context context(Instant now, SlaPolicy policy) {
		return new AppealLifecycle.Context(now, id -> HEALTH.equals(id) || TENKA.equals(id), CALCULATOR.rules(policy));
	}

	static Appeal after(Appeal appeal, AppealCommand command, Actor actor) {
		Decision decision = decide(appeal, command, actor, FORMAL);
		assertThat(decision).as(command.toString()).isInstanceOf(Decision.Changed.class);
		return ((Decision.Changed) decision).after();
	}

	static UserError refusal(Appeal appeal, AppealCommand command, Actor actor) {
		return refusal(appeal, command, actor, FORMAL);
	}

	static UserError refusal(Appeal appeal, AppealCommand command, Actor actor, SlaPolicy policy) {
		Decision decision = decide(appeal, command, actor, policy);
		assertThat(decision).as(command.toString()).isInstanceOf(Decision.Refused.class);
		return ((Decision.Refused) decision).errors().get(0);
	}

	static AppealCommand.SubmitAnswer answer(AnswerKind kind, String clientAnswerId) {
		return new AppealCommand.SubmitAnswer("a-" + kind, kind, "Здравствуйте! Бригада приедет 12 марта.", clientAnswerId,
				new AnswerQuality(100, List.of(), null), false);
	}

	/** A representative command for an action; executors do the executors' work, curators the rest. */
	static AppealCommand command(AppealAction action, Appeal appeal) {
		return switch (action) {
			case REJECT -> new AppealCommand.Reject("Спам");
			case ASSIGN -> new AppealCommand.Assign(HEALTH);
			case REDIRECT -> new AppealCommand.Redirect(TENKA, "Не наш вопрос");
			case TAKE -> new AppealCommand.Take();
			case ANSWER -> answer(AnswerKind.FINAL, null);
			case APPROVE -> new AppealCommand.ApproveAnswer("final-1");
			case RETURN -> new AppealCommand.ReturnAnswer("final-1", "Добавьте срок");
			case CLOSE -> new AppealCommand.Close();
			case REOPEN -> new AppealCommand.Reopen("Житель ответил");
			case PAUSE -> new AppealCommand.Pause("Ждём фото");
			case RESUME -> new AppealCommand.Resume();
			case EXTEND -> new AppealCommand.Extend("Нужна экспертиза");
			case ANNOUNCE_SLA -> new AppealCommand.AnnounceSla();
			case ADD_MESSAGE -> new AppealCommand.AddCitizenMessage(message("m-1"));
			case RECORD_DELIVERY -> new AppealCommand.RecordDelivery("final-1", org.otklik.appeal.Delivery.pending(T0));
			case MARK_PUBLISHED -> new AppealCommand.MarkPublished("final-1", "https://vk.com/wall-1_2");
			case REASSIGN -> new AppealCommand.Reassign(COLLEAGUE.person(), HEALTH, "Ухожу в отпуск");
			case TAKE_OVER -> new AppealCommand.TakeOver(null);
			case RECLASSIFY -> new AppealCommand.Reclassify(null, null, null, !appeal.urgent());
		};
	}

	static Actor actorFor(AppealAction action, Appeal appeal) {
		if (action == AppealAction.TAKE_OVER) {
			return HEAD;
		}
		return (action == AppealAction.TAKE || action == AppealAction.ANSWER) ? EXECUTOR : CURATOR;
	}

	/** An appeal of the formal channel (extendable) in a status, as the lifecycle would have left it. */
	static Appeal inStatus(AppealStatus status) {
		Appeal fresh = new Appeal("65f000000000000000000001", 0, NEW, Channel.EMAIL, "mail-1", null, null,
				"Прошу отремонтировать крышу", null, null, Category.HOUSING_UTILITIES, false, Reach.NONE, null, null,
				List.of(), List.of(), 0, 0, null, null, null, null, null, List.of(), "test", null, null);
		Appeal appeal = AppealLifecycle.receive(fresh, CURATOR, T0, CALCULATOR.rules(FORMAL));
		if (status == NEW) {
			return appeal;
		}
		if (status == REJECTED) {
			return step(appeal, new AppealCommand.Reject("Спам"), CURATOR);
		}
		appeal = step(appeal, new AppealCommand.Assign(HEALTH), CURATOR);
		if (status == ASSIGNED) {
			return appeal;
		}
		appeal = step(appeal, new AppealCommand.Take(), EXECUTOR);
		if (status == IN_PROGRESS) {
			return appeal;
		}
		appeal = step(appeal, new AppealCommand.SubmitAnswer("final-1", AnswerKind.FINAL, "Ответ", null,
				new AnswerQuality(90, List.of(), null), false), EXECUTOR);
		if (status == ON_REVIEW) {
			return appeal;
		}
		appeal = step(appeal, new AppealCommand.ApproveAnswer("final-1"), CURATOR);
		if (status == ANSWERED) {
			return appeal;
		}
		return step(appeal, new AppealCommand.Close(), CURATOR);
	}

	private static Appeal step(Appeal appeal, AppealCommand command, Actor actor) {
		Decision decision = AppealLifecycle.decide(appeal, command, actor, context(T0.plus(Duration.ofMinutes(10)), FORMAL));
		return ((Decision.Changed) decision).after();
	}

}
