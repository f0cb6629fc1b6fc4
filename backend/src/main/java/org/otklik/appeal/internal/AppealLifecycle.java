package org.otklik.appeal.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Predicate;

import org.otklik.appeal.Answer;
import org.otklik.appeal.AnswerKind;
import org.otklik.appeal.Appeal;
import org.otklik.appeal.AppealEventType;
import org.otklik.appeal.ChannelSource;
import org.otklik.appeal.ClassificationChange;
import org.otklik.appeal.Delivery;
import org.otklik.appeal.Delivery.DeliveryState;
import org.otklik.appeal.AppealStatus;
import org.otklik.appeal.HistoryEntry;
import org.otklik.appeal.LastEvent;
import org.otklik.appeal.ReviewState;
import org.otklik.appeal.SlaSnapshot;
import org.otklik.appeal.internal.AppealCommand.AddCitizenMessage;
import org.otklik.appeal.internal.AppealCommand.AnnounceSla;
import org.otklik.appeal.internal.AppealCommand.MarkPublished;
import org.otklik.appeal.internal.AppealCommand.RecordDelivery;
import org.otklik.appeal.internal.AppealCommand.ApproveAnswer;
import org.otklik.appeal.internal.AppealCommand.Assign;
import org.otklik.appeal.internal.AppealCommand.Close;
import org.otklik.appeal.internal.AppealCommand.Extend;
import org.otklik.appeal.internal.AppealCommand.Pause;
import org.otklik.appeal.internal.AppealCommand.Redirect;
import org.otklik.appeal.internal.AppealCommand.Reject;
import org.otklik.appeal.internal.AppealCommand.Reopen;
import org.otklik.appeal.internal.AppealCommand.Resume;
import org.otklik.appeal.internal.AppealCommand.ReturnAnswer;
import org.otklik.appeal.internal.AppealCommand.SubmitAnswer;
import org.otklik.appeal.internal.AppealCommand.Take;
import org.otklik.appeal.internal.AppealCommand.Reassign;
import org.otklik.appeal.internal.AppealCommand.Reclassify;
import org.otklik.appeal.internal.AppealCommand.TakeOver;
import org.otklik.graphql.UserError;
import org.otklik.graphql.UserErrorCode;
import org.otklik.region.Municipality;
import org.otklik.sla.SlaClockKind;
import org.otklik.sla.SlaState;

/**
 * The appeal's rules as one pure function: (appeal, command, actor, context) → the appeal after the
 * change, or a refusal, or "already done". It reads nothing and writes nothing; the service resolves
 * what the rules need (the actor's agency, the SLA policy, which agencies are active) beforehand, and
 * the writer stores the result. Who may do what from which status is the {@link AppealAction} table.
 */
public final class AppealLifecycle {

	private AppealLifecycle() {
	}

	/**
	 * What the rules need besides the appeal and the actor.
	 *
	 * @param now the moment of the change, in milliseconds (what MongoDB stores)
	 * @param activeAgency whether an agency id names an active agency
	 * @param sla the SLA rules of the appeal's policy
	 * @param settlementOf the gazetteer's spelling of a settlement of a municipality, or null when it has none
	 *                     by that name
	 */
	public record Context(Instant now, Predicate<String> activeAgency, SlaRules sla,
			BiFunction<Municipality, String, String> settlementOf) {

		/** Rules that know no settlement. */
		public Context(Instant now, Predicate<String> activeAgency, SlaRules sla) {
			this(now, activeAgency, sla, (municipality, name) -> null);
		}

	}

	/**
	 * Whether the table lets the actor perform the action on the appeal as it stands, ignoring the
	 * command's own arguments: the refusal, or empty when allowed. This is what {@code viewerCan} shows.
	 */
	public static Optional<UserError> check(AppealAction action, Appeal appeal, Actor actor, SlaRules sla) {
		if (!action.roles().stream().anyMatch(actor::has) || !action.who().admits(actor, appeal)) {
			return Optional.of(UserError.of(UserErrorCode.FORBIDDEN, "appealId", action.who().refusal(action)));
		}
		if (action == AppealAction.TAKE && appeal.status() == AppealStatus.IN_PROGRESS && appeal.executor() != null
				&& !appeal.executor().id().equals(actor.id())) {
			return Optional.of(UserError.of(UserErrorCode.TAKEN_BY_OTHER, "appealId",
					"Обращение уже взял в работу " + appeal.executor().name()));
		}
		if (!action.from().contains(appeal.status())) {
			return Optional.of(illegal(appeal, action.refusal(appeal.status())));
		}
		return switch (action) {
			case PAUSE -> appeal.openPause().isPresent() ? Optional.of(illegal(appeal, "Срок уже приостановлен"))
					: Optional.empty();
			case RESUME -> appeal.openPause().isEmpty() ? Optional.of(illegal(appeal, action.refusal(appeal.status())))
					: Optional.empty();
			case EXTEND -> {
				if (!sla.extensionAllowed()) {
					yield Optional.of(UserError.of(UserErrorCode.INVALID, null,
							"Для обращений этого вида продление срока не предусмотрено"));
				}
				yield (appeal.sla() != null && appeal.sla().extendedAt() != null)
						? Optional.of(illegal(appeal, "Срок уже продлевался; продлить можно только один раз"))
						: Optional.empty();
			}
			case MARK_PUBLISHED -> appeal.answers().stream().anyMatch(AppealLifecycle::awaitsManualPublication)
					? Optional.empty() : Optional.of(illegal(appeal, action.refusal(appeal.status())));
			// An executor answers only what nobody else holds: a colleague's draft answer is not theirs to send.
			case ANSWER -> (!actor.isHeadOf(appeal) && appeal.executor() != null && !actor.holds(appeal))
					? Optional.of(notHolder(appeal, "ответить может он или руководитель ведомства; попросите передать обращение вам"))
					: Optional.empty();
			case REASSIGN -> (!actor.isCurator() && !actor.isHeadOf(appeal) && !actor.holds(appeal))
					? Optional.of((appeal.executor() != null)
							? notHolder(appeal, "передать его может он, руководитель ведомства или куратор ЦУР")
							: UserError.of(UserErrorCode.NOT_HOLDER, "appealId",
									"Передать можно только обращение, которое вы ведёте; сначала возьмите его в работу"))
					: Optional.empty();
			case TAKE_OVER -> actor.holds(appeal)
					? Optional.of(UserError.of(UserErrorCode.NO_CHANGE, "appealId", "Вы уже ведёте это обращение"))
					: Optional.empty();
			default -> Optional.empty();
		};
	}

	private static UserError notHolder(Appeal appeal, String who) {
		return UserError.of(UserErrorCode.NOT_HOLDER, "appealId",
				"Обращение ведёт " + appeal.executor().name() + ": " + who);
	}

	/** An answer published in Otklik that no channel account could send, or that failed for good. */
	static boolean awaitsManualPublication(Answer answer) {
		return answer.delivery() != null && (answer.delivery().state() == DeliveryState.MANUAL
				|| answer.delivery().state() == DeliveryState.FAILED);
	}

	/** How a newly published answer starts on its way: sent by its channel account, or by hand. */
	static Delivery onPublication(Appeal appeal, Instant now) {
		ChannelSource source = appeal.source();
		return (source != null && source.accountId() != null && source.replyTarget() != null) ? Delivery.pending(now)
				: Delivery.manual(now);
	}

	/** Applies a command to an appeal. */
	public static Decision decide(Appeal appeal, AppealCommand command, Actor actor, Context context) {
		AppealAction action = command.action();
		if (!action.roles().stream().anyMatch(actor::has) || !action.who().admits(actor, appeal)) {
			return Decision.refuse(UserError.of(UserErrorCode.FORBIDDEN, "appealId", action.who().refusal(action)));
		}
		// Repeats of what is already done, before the status check: the status has moved on since.
		if (command instanceof Take && appeal.status() == AppealStatus.IN_PROGRESS && appeal.executor() != null
				&& appeal.executor().id().equals(actor.id())) {
			return Decision.unchanged();
		}
		if (command instanceof SubmitAnswer submit && submit.clientAnswerId() != null
				&& appeal.answers().stream().anyMatch(a -> submit.clientAnswerId().equals(a.clientAnswerId()))) {
			// A retried submission from an offline queue: the answer is already stored.
			return Decision.unchanged();
		}
		if (command instanceof AnnounceSla && !action.from().contains(appeal.status())) {
			return Decision.unchanged();
		}
		if (command instanceof AddCitizenMessage add
				&& appeal.messages().stream().anyMatch(m -> m.externalId().equals(add.message().externalId()))) {
			// The channel delivered the same message again.
			return Decision.unchanged();
		}
		Optional<UserError> refusal = check(action, appeal, actor, context.sla());
		if (refusal.isPresent()) {
			return Decision.refuse(refusal.get());
		}
		AppealDraft draft = new AppealDraft(appeal);
		Instant now = context.now();
		if (command instanceof Reject reject) {
			draft.status = AppealStatus.REJECTED;
			draft.closedAt = now;
			return changed(appeal, draft, actor, context, AppealEventType.REJECTED, event().reason(reject.reason()));
		}
		if (command instanceof Assign assign) {
			if (!context.activeAgency().test(assign.agencyId())) {
				return Decision.refuse(UserError.notFound("agencyId"));
			}
			Classified classified = classify(appeal, assign, context);
			if (classified.refusal() != null) {
				return Decision.refuse(classified.refusal());
			}
			draft.status = AppealStatus.ASSIGNED;
			draft.agencyId = assign.agencyId();
			apply(classified.change(), draft);
			return changed(appeal, draft, actor, context, AppealEventType.ASSIGNED,
					event().toAgency(assign.agencyId()).classification(classified.change()));
		}
		if (command instanceof Reclassify reclassify) {
			Classified classified = classify(appeal, reclassify, context);
			if (classified.refusal() != null) {
				return Decision.refuse(classified.refusal());
			}
			if (classified.change() == null) {
				return Decision.refuse(UserError.of(UserErrorCode.NO_CHANGE, null,
						"Классификация обращения уже такая"));
			}
			apply(classified.change(), draft);
			return changed(appeal, draft, actor, context, AppealEventType.RECLASSIFIED,
					event().classification(classified.change()));
		}
		if (command instanceof Redirect redirect) {
			if (redirect.agencyId() != null && redirect.agencyId().equals(appeal.agencyId())) {
				return Decision.refuse(UserError.of(UserErrorCode.NO_CHANGE, "agencyId",
						"Обращение уже находится в этом ведомстве"));
			}
			if (!context.activeAgency().test(redirect.agencyId())) {
				return Decision.refuse(UserError.notFound("agencyId"));
			}
			draft.status = AppealStatus.ASSIGNED;
			draft.agencyId = redirect.agencyId();
			draft.executor = null;
			draft.redirectCount++;
			return changed(appeal, draft, actor, context, AppealEventType.REDIRECTED,
					event().fromAgency(appeal.agencyId()).toAgency(redirect.agencyId()).reason(redirect.reason()));
		}
		if (command instanceof Take) {
			draft.status = AppealStatus.IN_PROGRESS;
			draft.executor = actor.person();
			return changed(appeal, draft, actor, context, AppealEventType.TAKEN, event());
		}
		if (command instanceof SubmitAnswer submit) {
			return submit(appeal, submit, draft, actor, context);
		}
		if (command instanceof Reassign reassign) {
			if (appeal.executor() != null && appeal.executor().id().equals(reassign.to().id())) {
				return Decision.refuse(UserError.of(UserErrorCode.NO_CHANGE, "executorId",
						"Обращение уже ведёт " + appeal.executor().name()));
			}
			if (reassign.toAgencyId() == null || !reassign.toAgencyId().equals(appeal.agencyId())) {
				return Decision.refuse(UserError.of(UserErrorCode.NOT_FOUND, "executorId",
						"В ведомстве обращения нет такого исполнителя"));
			}
			if (!actor.isCurator() && !actor.isHeadOf(appeal) && (reassign.comment() == null || reassign.comment().isBlank())) {
				return Decision.refuse(UserError.required("comment", "Напишите коллеге, что уже сделано и почему передаёте"));
			}
			return handOver(appeal, draft, reassign.to(), reassign.comment(), actor, context);
		}
		if (command instanceof TakeOver takeOver) {
			return handOver(appeal, draft, actor.person(), takeOver.comment(), actor, context);
		}
		if (command instanceof ApproveAnswer approve) {
			return review(appeal, approve.answerId(), ReviewState.APPROVED, null, approve.editedText(), draft, actor, context);
		}
		if (command instanceof ReturnAnswer returned) {
			return review(appeal, returned.answerId(), ReviewState.RETURNED, returned.comment(), null, draft, actor, context);
		}
		if (command instanceof Close) {
			draft.status = AppealStatus.CLOSED;
			draft.closedAt = now;
			return changed(appeal, draft, actor, context, AppealEventType.CLOSED, event());
		}
		if (command instanceof Reopen reopen) {
			if (appeal.status() == AppealStatus.REJECTED) {
				// A mistaken rejection goes back to moderation.
				draft.status = AppealStatus.NEW;
				draft.agencyId = null;
				draft.executor = null;
			}
			else {
				draft.status = (appeal.executor() != null) ? AppealStatus.IN_PROGRESS : AppealStatus.ASSIGNED;
				draft.reopenedAt = now;
				draft.answeredAt = null;
			}
			draft.closedAt = null;
			return changed(appeal, draft, actor, context, AppealEventType.REOPENED, event().reason(reopen.reason()));
		}
		if (command instanceof Pause pause) {
			List<SlaSnapshot.Pause> pauses = new ArrayList<>(pausesOf(appeal));
			pauses.add(new SlaSnapshot.Pause(now, null, pause.reason(), actor.person()));
			draft.sla = baseSla(appeal).withPauses(pauses);
			return changed(appeal, draft, actor, context, AppealEventType.PAUSED, event().reason(pause.reason()));
		}
		if (command instanceof Resume) {
			draft.sla = baseSla(appeal).withPauses(pausesOf(appeal).stream()
				.map(p -> (p.to() == null) ? new SlaSnapshot.Pause(p.from(), now, p.reason(), p.by()) : p)
				.toList());
			return changed(appeal, draft, actor, context, AppealEventType.RESUMED, event());
		}
		if (command instanceof Extend extend) {
			draft.sla = baseSla(appeal).withExtension(extend.reason(), now);
			return changed(appeal, draft, actor, context, AppealEventType.EXTENDED, event().reason(extend.reason()));
		}
		if (command instanceof AnnounceSla) {
			return announce(appeal, draft, actor, context);
		}
		if (command instanceof AddCitizenMessage add) {
			draft.messages.add(add.message());
			boolean resumes = appeal.openPause().isPresent();
			if (resumes) {
				// The awaited clarification came: the clocks run again without anyone pressing a button.
				draft.sla = baseSla(appeal).withPauses(pausesOf(appeal).stream()
					.map(p -> (p.to() == null) ? new SlaSnapshot.Pause(p.from(), now, p.reason(), p.by()) : p)
					.toList());
			}
			return changed(appeal, draft, actor, context, AppealEventType.CITIZEN_REPLIED, event()
				.message(add.message().id())
				.reason(resumes ? "Житель ответил; сроки возобновлены" : "Житель написал ещё"));
		}
		if (command instanceof RecordDelivery record) {
			Optional<Answer> answer = appeal.answer(record.answerId());
			if (answer.isEmpty()) {
				return Decision.refuse(UserError.notFound("answerId"));
			}
			if (record.delivery().equals(answer.get().delivery())) {
				return Decision.unchanged();
			}
			draft.answers.replaceAll(a -> a.id().equals(record.answerId()) ? a.withDelivery(record.delivery()) : a);
			return changed(appeal, draft, actor, context, AppealEventType.DELIVERY_UPDATED,
					event().answer(record.answerId()).reason(describe(record.delivery())));
		}
		if (command instanceof MarkPublished mark) {
			Optional<Answer> answer = appeal.answer(mark.answerId());
			if (answer.isEmpty() || !awaitsManualPublication(answer.get())) {
				return Decision.refuse(UserError.of(UserErrorCode.NOT_FOUND, "answerId",
						"Этот ответ не ждёт ручной публикации"));
			}
			Delivery published = new Delivery(DeliveryState.SENT, null, mark.link(), null, null, now, actor.person());
			draft.answers.replaceAll(a -> a.id().equals(mark.answerId()) ? a.withDelivery(published) : a);
			return changed(appeal, draft, actor, context, AppealEventType.DELIVERY_UPDATED,
					event().answer(mark.answerId()).reason(describe(published)));
		}
		throw new IllegalArgumentException("Unknown command " + command);
	}

	/**
	 * A new appeal as received: version 1, status NEW, its RECEIVED history entry and last event, and its
	 * first SLA snapshot.
	 */
	public static Appeal receive(Appeal fresh, Actor actor, Instant now, SlaRules sla) {
		HistoryEntry received = new HistoryEntry(now, AppealEventType.RECEIVED, actor.person(), null, AppealStatus.NEW,
				null, null, null);
		Appeal appeal = new Appeal(fresh.id(), 1, AppealStatus.NEW, fresh.channel(), fresh.externalId(), fresh.url(),
				fresh.postedAt(), fresh.text(), fresh.author(), fresh.municipality(), fresh.category(), fresh.urgent(),
				fresh.reach(), null, null, List.of(), List.of(received), 0, 0, now, null, null, null, null,
				fresh.searchTerms(), fresh.ingestedBy(), new LastEvent(fresh.id(), AppealEventType.RECEIVED, now, null,
						null, 1, null, actor.recorded(), null, null, null, null, null),
				null, fresh.source(), List.of(), fresh.number(), fresh.settlement());
		return appeal.withSla(sla.snapshot(appeal, now, List.of()));
	}

	private static Decision submit(Appeal appeal, SubmitAnswer submit, AppealDraft draft, Actor actor, Context context) {
		if (submit.blocked()) {
			return Decision.refuse(UserError.of(UserErrorCode.LOW_QUALITY, "text", "Ответ не отправлен: оценка "
					+ submit.quality().score() + " ниже порога региона. Исправьте замечания помощника и отправьте снова"));
		}
		Instant now = context.now();
		boolean last = submit.kind() == AnswerKind.FINAL;
		// A final answer, and an interim one the region's settings hold, wait for a curator: nothing is published
		// and the first-response clock runs on until the approval. Any other interim answer is published at once.
		boolean reviewed = last || submit.held();
		draft.answers.add(new Answer(submit.answerId(), submit.kind(), submit.text(), actor.person(), now,
				reviewed ? ReviewState.PENDING : ReviewState.NOT_REQUIRED, null, null, null, submit.clientAnswerId(),
				submit.quality(), reviewed ? null : onPublication(appeal, now)));
		draft.status = reviewed ? AppealStatus.ON_REVIEW : AppealStatus.IN_PROGRESS;
		if (appeal.executor() == null) {
			draft.executor = actor.person();
		}
		if (!reviewed && appeal.firstRespondedAt() == null) {
			draft.firstRespondedAt = now;
		}
		AppealEventType type = last ? AppealEventType.FINAL_SUBMITTED
				: submit.held() ? AppealEventType.ANSWER_HELD : AppealEventType.INTERIM_ANSWERED;
		return changed(appeal, draft, actor, context, type, event().answer(submit.answerId()));
	}

	/** A classification asked for, checked: what it changes (null for nothing), or why it is refused. */
	private record Classified(@org.jspecify.annotations.Nullable ClassificationChange change,
			@org.jspecify.annotations.Nullable UserError refusal) {
	}

	/**
	 * Checks the classification a command asks for. A named settlement must be one of the municipality the
	 * appeal has after the change and is stored in the gazetteer's spelling; a blank one removes it. A new
	 * municipality keeps the appeal's settlement only when the settlement belongs to it.
	 */
	private static Classified classify(Appeal appeal, AppealCommand.Classifying asked, Context context) {
		Municipality municipality = (asked.municipality() != null) ? asked.municipality() : appeal.municipality();
		String settlement = appeal.settlement();
		if (asked.settlement() != null && asked.settlement().isBlank()) {
			settlement = null;
		}
		else if (asked.settlement() != null) {
			settlement = (municipality != null) ? context.settlementOf().apply(municipality, asked.settlement()) : null;
			if (settlement == null) {
				return new Classified(null, AppealValidation.unknownSettlement(municipality, asked.settlement()));
			}
		}
		else if (settlement != null && municipality != appeal.municipality()) {
			settlement = (municipality != null) ? context.settlementOf().apply(municipality, settlement) : null;
		}
		return new Classified(ClassificationChange.between(appeal, asked.category(), asked.municipality(), settlement,
				asked.urgent()), null);
	}

	/** Writes a checked classification change into the draft. */
	private static void apply(@org.jspecify.annotations.Nullable ClassificationChange change, AppealDraft draft) {
		if (change == null) {
			return;
		}
		draft.category = change.categoryOr(draft.category);
		if (change.toMunicipality() != null) {
			draft.municipality = change.toMunicipality();
		}
		if (change.toUrgent() != null) {
			draft.urgent = change.toUrgent();
		}
		if (change.changesSettlement()) {
			draft.settlement = change.toSettlement();
		}
	}

	/** The appeal changes hands within its agency; one taken by nobody yet goes into work with its new holder. */
	private static Decision handOver(Appeal appeal, AppealDraft draft, org.otklik.appeal.Person to, String comment,
			Actor actor, Context context) {
		draft.executor = to;
		if (appeal.status() == AppealStatus.ASSIGNED) {
			draft.status = AppealStatus.IN_PROGRESS;
		}
		String why = (comment != null && !comment.isBlank()) ? comment.strip() : null;
		return changed(appeal, draft, actor, context, AppealEventType.REASSIGNED,
				event().reason(why).executors(appeal.executor(), to));
	}

	/** The history's note on a delivery: what happened and where. */
	private static String describe(Delivery delivery) {
		String where = (delivery.link() != null) ? " " + delivery.link() : "";
		return switch (delivery.state()) {
			case SENT -> ((delivery.by() != null) ? "Опубликован вручную" : "Отправлен в канал") + where;
			case FAILED -> "Не удалось отправить: " + delivery.error();
			case MANUAL -> "Нужно опубликовать вручную";
			case PENDING -> (delivery.error() != null) ? "Повторная попытка: " + delivery.error() : "Ожидает отправки";
		};
	}

	private static Decision review(Appeal appeal, String answerId, ReviewState verdict, String comment,
			String editedText, AppealDraft draft, Actor actor, Context context) {
		Optional<Answer> pending = appeal.pendingAnswer();
		if (pending.isEmpty() || !pending.get().id().equals(answerId)) {
			return Decision.refuse(UserError.of(UserErrorCode.NOT_FOUND, "answerId", "Этот ответ не ожидает проверки"));
		}
		Instant now = context.now();
		boolean last = pending.get().kind() == AnswerKind.FINAL;
		boolean edits = editedText != null && !editedText.equals(pending.get().text());
		draft.answers.replaceAll(a -> a.id().equals(answerId)
				? (edits ? a.edited(editedText, actor.person(), now) : a).reviewed(verdict, actor.person(), now, comment) : a);
		if (verdict == ReviewState.APPROVED) {
			Delivery delivery = onPublication(appeal, now);
			draft.answers.replaceAll(a -> a.id().equals(answerId) ? a.withDelivery(delivery) : a);
			if (appeal.firstRespondedAt() == null) {
				draft.firstRespondedAt = now;
			}
			String why = edits ? "Куратор исправил текст ответа перед одобрением" : null;
			if (!last) {
				// A held interim answer, now published: the appeal goes back to work.
				draft.status = AppealStatus.IN_PROGRESS;
				return changed(appeal, draft, actor, context, AppealEventType.INTERIM_ANSWERED,
						event().answer(answerId).reason(why));
			}
			draft.status = AppealStatus.ANSWERED;
			draft.answeredAt = now;
			return changed(appeal, draft, actor, context, AppealEventType.ANSWER_APPROVED,
					event().answer(answerId).reason(why));
		}
		draft.status = AppealStatus.IN_PROGRESS;
		if (last) {
			draft.returnCount++;
		}
		return changed(appeal, draft, actor, context, AppealEventType.ANSWER_RETURNED,
				event().answer(answerId).reason(comment));
	}

	private static Decision announce(Appeal appeal, AppealDraft draft, Actor actor, Context context) {
		List<String> announced = (appeal.sla() != null) ? appeal.sla().announced() : List.of();
		List<String> due = context.sla().dueThresholds(appeal, context.now(), announced);
		if (due.isEmpty()) {
			return Decision.unchanged();
		}
		String key = due.get(0);
		SlaClockKind clock = SlaClockKind.valueOf(key.substring(0, key.indexOf(':')));
		SlaState state = SlaState.valueOf(key.substring(key.indexOf(':') + 1));
		return changed(appeal, draft, actor, context,
				(state == SlaState.BREACHED) ? AppealEventType.SLA_BREACHED : AppealEventType.SLA_AT_RISK,
				event().alert(clock, state).reason(key));
	}

	/** Finishes a change: history entry, last event, version and a fresh SLA snapshot. */
	private static Decision changed(Appeal appeal, AppealDraft draft, Actor actor, Context context,
			AppealEventType type, EventDetail detail) {
		Instant now = context.now();
		long version = appeal.version() + 1;
		draft.version = version;
		draft.history.add(new HistoryEntry(now, type, actor.person(), appeal.status(), draft.status, detail.fromAgencyId,
				detail.toAgencyId, detail.reason, detail.fromExecutor, detail.toExecutor, detail.classification));
		draft.lastEvent = new LastEvent(appeal.id(), type, now, draft.agencyId, detail.fromAgencyId, version, null,
				actor.recorded(), detail.reason, detail.answerId, detail.clock, detail.state, detail.messageId);
		List<String> announced = new ArrayList<>((appeal.sla() != null) ? appeal.sla().announced() : List.of());
		if (detail.clock != null) {
			announced.add(SlaKeys.key(detail.clock, detail.state));
		}
		if (type == AppealEventType.REOPENED) {
			// A reopening starts a new final-answer clock, whose thresholds are announced anew.
			announced.removeIf(key -> key.startsWith(SlaClockKind.FINAL_ANSWER.name() + ":"));
		}
		Appeal projected = draft.build();
		draft.sla = context.sla().snapshot(projected, now, announced);
		return new Decision.Changed(appeal, draft.build());
	}

	private static UserError illegal(Appeal appeal, String message) {
		return UserError.of(UserErrorCode.ILLEGAL_TRANSITION, null, message + " (текущий статус: " + appeal.status() + ")");
	}

	private static List<SlaSnapshot.Pause> pausesOf(Appeal appeal) {
		return (appeal.sla() != null) ? appeal.sla().pauses() : List.of();
	}

	private static SlaSnapshot baseSla(Appeal appeal) {
		return (appeal.sla() != null) ? appeal.sla()
				: new SlaSnapshot(null, null, null, null, null, null, null, null, null, null, List.of(), null, List.of(),
						null, null, SlaSnapshot.NOTHING_DUE);
	}

	private static EventDetail event() {
		return new EventDetail();
	}

	/** The particulars of a change that go into its history entry and last event. */
	private static final class EventDetail {

		String fromAgencyId;

		String toAgencyId;

		String reason;

		String answerId;

		SlaClockKind clock;

		SlaState state;

		String messageId;

		org.otklik.appeal.Person fromExecutor;

		org.otklik.appeal.Person toExecutor;

		ClassificationChange classification;

		EventDetail classification(ClassificationChange change) {
			this.classification = change;
			return this;
		}

		EventDetail executors(org.otklik.appeal.Person from, org.otklik.appeal.Person to) {
			this.fromExecutor = from;
			this.toExecutor = to;
			return this;
		}

		EventDetail message(String id) {
			this.messageId = id;
			return this;
		}

		EventDetail fromAgency(String id) {
			this.fromAgencyId = id;
			return this;
		}

		EventDetail toAgency(String id) {
			this.toAgencyId = id;
			return this;
		}

		EventDetail reason(String why) {
			this.reason = why;
			return this;
		}

		EventDetail answer(String id) {
			this.answerId = id;
			return this;
		}

		EventDetail alert(SlaClockKind kind, SlaState reached) {
			this.clock = kind;
			this.state = reached;
			return this;
		}

	}

}
