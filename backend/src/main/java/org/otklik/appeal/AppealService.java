package org.otklik.appeal;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import org.bson.types.ObjectId;
import org.otklik.agency.Agency;
import org.otklik.agency.AgencyService;
import org.otklik.audit.AuditService;
import org.otklik.appeal.AppealInputs.ApproveAnswerInput;
import org.otklik.appeal.AppealInputs.AssignAppealInput;
import org.otklik.appeal.AppealInputs.CloseAppealInput;
import org.otklik.appeal.AppealInputs.IngestAppealInput;
import org.otklik.appeal.AppealInputs.RedirectAppealInput;
import org.otklik.appeal.AppealInputs.RejectAppealInput;
import org.otklik.appeal.AppealInputs.ReopenAppealInput;
import org.otklik.appeal.AppealInputs.ReturnAnswerInput;
import org.otklik.appeal.AppealInputs.SubmitAnswerInput;
import org.otklik.appeal.AppealInputs.TakeAppealInput;
import org.otklik.appeal.AppealPayloads.AppealPayload;
import org.otklik.appeal.AppealPayloads.IngestAppealPayload;
import org.otklik.graphql.UserError;
import org.otklik.graphql.UserErrorCode;
import org.otklik.region.Category;
import org.otklik.quality.QualityReport;
import org.otklik.quality.QualityService;
import org.otklik.security.Caller;
import org.otklik.sla.SlaClockKind;
import org.otklik.sla.SlaPolicy;
import org.otklik.sla.SlaState;
import org.otklik.security.Role;
import org.otklik.text.RussianStems;
import reactor.core.publisher.Mono;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

import static org.otklik.appeal.AppealAccess.requireAny;

/**
 * The appeal lifecycle. Each change reads the appeal, checks the caller and the rule, then applies one
 * atomic update guarded by the version it read; a lost race is retried against the new state, so the
 * rule is always checked against what is actually stored.
 */
@Service
public class AppealService {

	static final int MAX_TEXT = 20_000;

	static final int MAX_ANSWER = 10_000;

	static final int MAX_REASON = 2_000;

	static final int MAX_SHORT = 500;

	static final int MAX_URL = 2_000;

	private static final int MAX_ATTEMPTS = 8;

	private final ReactiveMongoTemplate mongo;

	private final AppealRepository repository;

	private final AgencyService agencies;

	private final AppealAccess access;

	private final Clock clock;

	private final AppealSlaCalculator sla;

	private final QualityService quality;

	private final AuditService audit;

	public AppealService(ReactiveMongoTemplate mongo, AppealRepository repository, AgencyService agencies,
			AppealAccess access, Clock clock, AppealSlaCalculator sla, QualityService quality, AuditService audit) {
		this.audit = audit;
		this.quality = quality;
		this.mongo = mongo;
		this.repository = repository;
		this.agencies = agencies;
		this.access = access;
		this.clock = clock;
		this.sla = sla;
	}

	// ---------------------------------------------------------------- reads

	/** One appeal, or empty when it does not exist or the caller may not see it. */
	public Mono<Appeal> appeal(Caller caller, String id) {
		requireAny(caller, Role.values());
		return findVisible(caller, id);
	}

	Mono<Appeal> findVisible(Caller caller, String id) {
		if (id == null || id.isBlank()) {
			return Mono.empty();
		}
		return this.repository.findById(id)
			.onErrorResume(IllegalArgumentException.class, ex -> Mono.empty())
			.filterWhen(appeal -> this.access.canRead(caller, appeal));
	}

	// ---------------------------------------------------------------- ingest

	/** Accepts an appeal; a repeat of (channel, externalId) returns the stored one and changes nothing. */
	public Mono<IngestAppealPayload> ingest(Caller caller, IngestAppealInput input) {
		requireAny(caller, Role.INTEGRATOR, Role.CURATOR);
		List<UserError> errors = validate(input);
		if (!errors.isEmpty()) {
			return Mono.just(new IngestAppealPayload(null, false, errors));
		}
		Instant now = now();
		String externalId = input.externalId().trim();
		Person actor = Person.of(caller);
		Author author = (blank(input.authorName()) && blank(input.authorProfileUrl())) ? null
				: new Author(trimToNull(input.authorName()), trimToNull(input.authorProfileUrl()));
		Reach reach = (input.reach() != null) ? new Reach(orZero(input.reach().views()), orZero(input.reach().likes()),
				orZero(input.reach().comments())) : Reach.NONE;
		String id = new ObjectId().toHexString();
		Appeal appeal = new Appeal(id, 1, AppealStatus.NEW, input.channel(), externalId, trimToNull(input.url()),
				input.postedAt(), input.text().strip(), author, input.municipality(),
				(input.category() != null) ? input.category() : Category.OTHER, Boolean.TRUE.equals(input.urgent()),
				reach, null, null, List.of(),
				List.of(new HistoryEntry(now, AppealEventType.RECEIVED, actor, null, AppealStatus.NEW, null, null, null)),
				0, 0, now, null, null, null, null, RussianStems.distinct(input.text()), caller.clientId(),
				new LastEvent(id, AppealEventType.RECEIVED, now, null, null, 1, null), null);
		return this.sla.policyOf(appeal)
			.map(policy -> appeal.withSla(this.sla.snapshot(policy, appeal, now, List.of())))
			.flatMap(this.mongo::insert)
			.flatMap(saved -> this.audit.recordChange(caller, saved.id(), "RECEIVED").thenReturn(saved))
			.map(saved -> new IngestAppealPayload(saved, false, List.of()))
			// The unique (channel, externalId) index decides races: exactly one insert wins.
			.onErrorResume(DuplicateKeyException.class, ex -> this.repository
				.findByChannelAndExternalId(input.channel(), externalId)
				.flatMap(existing -> this.access.canRead(caller, existing)
					.map(visible -> new IngestAppealPayload(visible ? existing : null, true, List.of()))));
	}

	private static List<UserError> validate(IngestAppealInput input) {
		List<UserError> errors = new ArrayList<>();
		if (input.channel() == null) {
			errors.add(UserError.required("channel", "Укажите канал"));
		}
		if (blank(input.externalId())) {
			errors.add(UserError.required("externalId", "Укажите идентификатор сообщения в источнике"));
		}
		else if (input.externalId().length() > MAX_SHORT) {
			errors.add(UserError.of(UserErrorCode.TOO_LONG, "externalId", "Идентификатор длиннее " + MAX_SHORT + " символов"));
		}
		if (blank(input.text())) {
			errors.add(UserError.required("text", "Текст обращения пуст"));
		}
		else if (input.text().length() > MAX_TEXT) {
			errors.add(UserError.of(UserErrorCode.TOO_LONG, "text", "Текст длиннее " + MAX_TEXT + " символов"));
		}
		checkUrl(errors, "url", input.url());
		checkUrl(errors, "authorProfileUrl", input.authorProfileUrl());
		if (input.authorName() != null && input.authorName().length() > MAX_SHORT) {
			errors.add(UserError.of(UserErrorCode.TOO_LONG, "authorName", "Имя длиннее " + MAX_SHORT + " символов"));
		}
		if (input.reach() != null && (negative(input.reach().views()) || negative(input.reach().likes())
				|| negative(input.reach().comments()))) {
			errors.add(UserError.of(UserErrorCode.INVALID, "reach", "Охват не может быть отрицательным"));
		}
		return errors;
	}

	private static void checkUrl(List<UserError> errors, String field, String url) {
		if (blank(url)) {
			return;
		}
		if (url.length() > MAX_URL) {
			errors.add(UserError.of(UserErrorCode.TOO_LONG, field, "Ссылка длиннее " + MAX_URL + " символов"));
			return;
		}
		try {
			URI uri = new URI(url.trim());
			String scheme = uri.getScheme();
			if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
					|| uri.getHost() == null) {
				errors.add(UserError.of(UserErrorCode.INVALID, field, "Ссылка должна начинаться с http:// или https://"));
			}
		}
		catch (java.net.URISyntaxException ex) {
			errors.add(UserError.of(UserErrorCode.INVALID, field, "Неверная ссылка"));
		}
	}

	// ---------------------------------------------------------------- moderation

	public Mono<AppealPayload> reject(Caller caller, RejectAppealInput input) {
		requireAny(caller, Role.CURATOR);
		if (blank(input.reason())) {
			return refused(UserError.required("reason", "Укажите, почему это не обращение"));
		}
		if (tooLong("reason", input.reason()).isPresent()) {
			return refused(tooLong("reason", input.reason()).get());
		}
		return change(caller, input.appealId(), input.expectedVersion(), appeal -> {
			if (appeal.status() != AppealStatus.NEW && appeal.status() != AppealStatus.ASSIGNED) {
				return Mono.just(illegal(appeal, "Отклонить можно только новое или ещё не взятое в работу обращение"));
			}
			return Mono.just(Outcome.apply(AppealEventType.REJECTED, AppealStatus.REJECTED)
				.set("closedAt", now())
				.because(limit(input.reason())));
		});
	}

	public Mono<AppealPayload> assign(Caller caller, AssignAppealInput input) {
		requireAny(caller, Role.CURATOR);
		return change(caller, input.appealId(), input.expectedVersion(), appeal -> {
			if (appeal.status() != AppealStatus.NEW) {
				return Mono.just(illegal(appeal, (appeal.status() == AppealStatus.ASSIGNED
						|| appeal.status() == AppealStatus.IN_PROGRESS)
								? "Обращение уже направлено в ведомство; используйте переадресацию"
								: "Назначить можно только новое обращение"));
			}
			return activeAgency(input.agencyId()).map(found -> found
				.<Outcome>map(agency -> Outcome.apply(AppealEventType.ASSIGNED, AppealStatus.ASSIGNED)
					.set("agencyId", agency.id())
					.agency(agency.id(), null))
				.orElseGet(() -> Outcome.refuse(UserError.notFound("agencyId"))));
		});
	}

	public Mono<AppealPayload> redirect(Caller caller, RedirectAppealInput input) {
		requireAny(caller, Role.CURATOR, Role.EXECUTOR);
		if (blank(input.reason())) {
			return refused(UserError.required("reason", "Укажите причину переадресации"));
		}
		if (tooLong("reason", input.reason()).isPresent()) {
			return refused(tooLong("reason", input.reason()).get());
		}
		return change(caller, input.appealId(), input.expectedVersion(), appeal -> {
			if (appeal.status() != AppealStatus.ASSIGNED && appeal.status() != AppealStatus.IN_PROGRESS) {
				return Mono.just(illegal(appeal, "Переадресовать можно только назначенное обращение, пока ответ не отправлен"));
			}
			if (input.agencyId() != null && input.agencyId().equals(appeal.agencyId())) {
				return Mono.just(Outcome.refuse(UserError.of(UserErrorCode.NO_CHANGE, "agencyId",
						"Обращение уже находится в этом ведомстве")));
			}
			return activeAgency(input.agencyId()).map(found -> found
				.<Outcome>map(agency -> Outcome.apply(AppealEventType.REDIRECTED, AppealStatus.ASSIGNED)
					.set("agencyId", agency.id())
					.unset("executor")
					.inc("redirectCount")
					.agency(agency.id(), appeal.agencyId())
					.because(limit(input.reason())))
				.orElseGet(() -> Outcome.refuse(UserError.notFound("agencyId"))));
		});
	}

	// ---------------------------------------------------------------- work

	public Mono<AppealPayload> take(Caller caller, TakeAppealInput input) {
		requireAny(caller, Role.EXECUTOR);
		return change(caller, input.appealId(), input.expectedVersion(), appeal -> this.access.isExecutorOf(caller, appeal)
			.map(isExecutor -> {
				if (!isExecutor) {
					return Outcome.refuse(UserError.of(UserErrorCode.FORBIDDEN, "appealId",
							"Взять в работу может только исполнитель ответственного ведомства"));
				}
				if (appeal.status() == AppealStatus.IN_PROGRESS && appeal.executor() != null) {
					if (appeal.executor().id().equals(caller.id())) {
						return Outcome.unchanged();
					}
					return illegal(appeal, "Обращение уже взял в работу " + appeal.executor().name());
				}
				if (appeal.status() != AppealStatus.ASSIGNED) {
					return illegal(appeal, "Взять в работу можно только назначенное обращение");
				}
				return Outcome.apply(AppealEventType.TAKEN, AppealStatus.IN_PROGRESS).set("executor", Person.of(caller));
			}));
	}

	public Mono<AppealPayload> submitAnswer(Caller caller, SubmitAnswerInput input) {
		requireAny(caller, Role.EXECUTOR);
		List<UserError> errors = new ArrayList<>();
		if (input.kind() == null) {
			errors.add(UserError.required("kind", "Укажите вид ответа"));
		}
		if (blank(input.text())) {
			errors.add(UserError.required("text", "Ответ пуст"));
		}
		else if (input.text().length() > MAX_ANSWER) {
			errors.add(UserError.of(UserErrorCode.TOO_LONG, "text", "Ответ длиннее " + MAX_ANSWER + " символов"));
		}
		if (input.clientAnswerId() != null && input.clientAnswerId().length() > 100) {
			errors.add(UserError.of(UserErrorCode.TOO_LONG, "clientAnswerId", "Идентификатор длиннее 100 символов"));
		}
		if (!errors.isEmpty()) {
			return refused(errors.toArray(UserError[]::new));
		}
		return change(caller, input.appealId(), input.expectedVersion(), appeal -> this.access.isExecutorOf(caller, appeal)
			.map(isExecutor -> {
				if (!isExecutor) {
					return Outcome.refuse(UserError.of(UserErrorCode.FORBIDDEN, "appealId",
							"Ответить может только исполнитель ответственного ведомства"));
				}
				if (input.clientAnswerId() != null && appeal.answers().stream()
					.anyMatch(a -> input.clientAnswerId().equals(a.clientAnswerId()))) {
					// A retried submission from an offline queue: the answer is already stored.
					return Outcome.unchanged();
				}
				if (appeal.status() != AppealStatus.IN_PROGRESS && appeal.status() != AppealStatus.ASSIGNED) {
					return illegal(appeal, (appeal.status() == AppealStatus.ON_REVIEW)
							? "Окончательный ответ уже на проверке в ЦУР" : "Ответить на обращение в этом статусе нельзя");
				}
				Instant now = now();
				boolean last = input.kind() == AnswerKind.FINAL;
				String text = input.text().strip();
				QualityReport report = this.quality.check(text, appeal.text());
				if (this.quality.properties().blocks(report)) {
					return Outcome.refuse(UserError.of(UserErrorCode.LOW_QUALITY, "text", "Ответ не отправлен: оценка "
							+ report.score() + " ниже порога региона. Исправьте замечания помощника и отправьте снова"));
				}
				Answer answer = new Answer(UUID.randomUUID().toString(), input.kind(), text, Person.of(caller), now,
						last ? ReviewState.PENDING : ReviewState.NOT_REQUIRED, null, null, null, input.clientAnswerId(),
						AnswerQuality.of(report, text));
				List<Answer> answers = new ArrayList<>(appeal.answers());
				answers.add(answer);
				Outcome.Apply apply = Outcome
					.apply(last ? AppealEventType.FINAL_SUBMITTED : AppealEventType.INTERIM_ANSWERED,
							last ? AppealStatus.ON_REVIEW : AppealStatus.IN_PROGRESS)
					.set("answers", answers);
				if (appeal.executor() == null) {
					apply.set("executor", Person.of(caller));
				}
				if (!last && appeal.firstRespondedAt() == null) {
					apply.set("firstRespondedAt", now);
				}
				return apply;
			}));
	}

	// ---------------------------------------------------------------- review

	public Mono<AppealPayload> approveAnswer(Caller caller, ApproveAnswerInput input) {
		requireAny(caller, Role.CURATOR);
		return change(caller, input.appealId(), input.expectedVersion(), appeal -> Mono.just(review(caller, appeal,
				input.answerId(), ReviewState.APPROVED, null)));
	}

	public Mono<AppealPayload> returnAnswer(Caller caller, ReturnAnswerInput input) {
		requireAny(caller, Role.CURATOR);
		if (blank(input.comment())) {
			return refused(UserError.required("comment", "Напишите, что исправить в ответе"));
		}
		if (tooLong("comment", input.comment()).isPresent()) {
			return refused(tooLong("comment", input.comment()).get());
		}
		return change(caller, input.appealId(), input.expectedVersion(), appeal -> Mono.just(review(caller, appeal,
				input.answerId(), ReviewState.RETURNED, limit(input.comment()))));
	}

	private Outcome review(Caller caller, Appeal appeal, String answerId, ReviewState verdict, String comment) {
		if (appeal.status() != AppealStatus.ON_REVIEW) {
			return illegal(appeal, "На проверке нет ответа");
		}
		Optional<Answer> pending = appeal.pendingFinalAnswer();
		if (pending.isEmpty() || !pending.get().id().equals(answerId)) {
			return Outcome.refuse(UserError.of(UserErrorCode.NOT_FOUND, "answerId", "Этот ответ не ожидает проверки"));
		}
		Instant now = now();
		List<Answer> answers = appeal.answers()
			.stream()
			.map(a -> a.id().equals(answerId) ? a.reviewed(verdict, Person.of(caller), now, comment) : a)
			.toList();
		if (verdict == ReviewState.APPROVED) {
			Outcome.Apply apply = Outcome.apply(AppealEventType.ANSWER_APPROVED, AppealStatus.ANSWERED)
				.set("answers", answers)
				.set("answeredAt", now);
			if (appeal.firstRespondedAt() == null) {
				apply.set("firstRespondedAt", now);
			}
			return apply;
		}
		return Outcome.apply(AppealEventType.ANSWER_RETURNED, AppealStatus.IN_PROGRESS)
			.set("answers", answers)
			.inc("returnCount")
			.because(comment);
	}

	public Mono<AppealPayload> close(Caller caller, CloseAppealInput input) {
		requireAny(caller, Role.CURATOR);
		return change(caller, input.appealId(), input.expectedVersion(), appeal -> {
			if (appeal.status() != AppealStatus.ANSWERED) {
				return Mono.just(illegal(appeal, "Закрыть можно только обращение с одобренным ответом"));
			}
			return Mono.just(Outcome.apply(AppealEventType.CLOSED, AppealStatus.CLOSED).set("closedAt", now()));
		});
	}

	public Mono<AppealPayload> reopen(Caller caller, ReopenAppealInput input) {
		requireAny(caller, Role.CURATOR);
		if (blank(input.reason())) {
			return refused(UserError.required("reason", "Укажите причину, например ответ жителя"));
		}
		if (tooLong("reason", input.reason()).isPresent()) {
			return refused(tooLong("reason", input.reason()).get());
		}
		return change(caller, input.appealId(), input.expectedVersion(), appeal -> {
			Instant now = now();
			return Mono.just(switch (appeal.status()) {
				case ANSWERED, CLOSED -> Outcome
					.apply(AppealEventType.REOPENED,
							(appeal.executor() != null) ? AppealStatus.IN_PROGRESS : AppealStatus.ASSIGNED)
					.set("reopenedAt", now)
					.unset("closedAt")
					.unset("answeredAt")
					.because(limit(input.reason()));
				// A mistaken rejection goes back to moderation.
				case REJECTED -> Outcome.apply(AppealEventType.REOPENED, AppealStatus.NEW)
					.unset("closedAt")
					.unset("agencyId")
					.unset("executor")
					.because(limit(input.reason()));
				default -> illegal(appeal, "Обращение ещё не закрыто");
			});
		});
	}

	// ---------------------------------------------------------------- deadlines

	/** Stops both clocks while waiting for the citizen's clarification. */
	public Mono<AppealPayload> pause(Caller caller, AppealInputs.PauseAppealInput input) {
		requireAny(caller, Role.EXECUTOR, Role.CURATOR);
		if (blank(input.reason())) {
			return refused(UserError.required("reason", "Укажите, какого уточнения ждём от жителя"));
		}
		if (tooLong("reason", input.reason()).isPresent()) {
			return refused(tooLong("reason", input.reason()).get());
		}
		return change(caller, input.appealId(), input.expectedVersion(), appeal -> mayWorkOn(caller, appeal).map(allowed -> {
			if (!allowed) {
				return forbiddenToWork();
			}
			if (appeal.status() != AppealStatus.ASSIGNED && appeal.status() != AppealStatus.IN_PROGRESS) {
				return illegal(appeal, "Приостановить срок можно только у обращения в работе");
			}
			if (appeal.openPause().isPresent()) {
				return illegal(appeal, "Срок уже приостановлен");
			}
			List<SlaSnapshot.Pause> pauses = new ArrayList<>(pausesOf(appeal));
			pauses.add(new SlaSnapshot.Pause(now(), null, input.reason().strip(), Person.of(caller)));
			return Outcome.apply(AppealEventType.PAUSED, appeal.status())
				.set("sla", baseSla(appeal).withPauses(pauses))
				.because(input.reason().strip());
		}));
	}

	/** Restarts the clocks after a pause. */
	public Mono<AppealPayload> resume(Caller caller, AppealInputs.ResumeAppealInput input) {
		requireAny(caller, Role.EXECUTOR, Role.CURATOR);
		return change(caller, input.appealId(), input.expectedVersion(), appeal -> mayWorkOn(caller, appeal).map(allowed -> {
			if (!allowed) {
				return forbiddenToWork();
			}
			if (appeal.openPause().isEmpty()) {
				return illegal(appeal, "Срок не приостановлен");
			}
			Instant now = now();
			List<SlaSnapshot.Pause> pauses = pausesOf(appeal).stream()
				.map(p -> (p.to() == null) ? new SlaSnapshot.Pause(p.from(), now, p.reason(), p.by()) : p)
				.toList();
			return Outcome.apply(AppealEventType.RESUMED, appeal.status()).set("sla", baseSla(appeal).withPauses(pauses));
		}));
	}

	/** Extends the final-answer term once, where the policy allows it (59-ФЗ: by 30 days, with a reason). */
	public Mono<AppealPayload> extend(Caller caller, AppealInputs.ExtendAppealDeadlineInput input) {
		requireAny(caller, Role.EXECUTOR, Role.CURATOR);
		if (blank(input.reason())) {
			return refused(UserError.required("reason", "Укажите причину продления срока"));
		}
		if (tooLong("reason", input.reason()).isPresent()) {
			return refused(tooLong("reason", input.reason()).get());
		}
		return change(caller, input.appealId(), input.expectedVersion(), appeal -> mayWorkOn(caller, appeal)
			.zipWith(this.sla.policyOf(appeal))
			.map(checks -> {
				if (!checks.getT1()) {
					return forbiddenToWork();
				}
				if (!appeal.status().isOpen() || appeal.status() == AppealStatus.NEW) {
					return illegal(appeal, "Продлить срок можно только у обращения в работе");
				}
				if (!checks.getT2().extensionAllowed()) {
					return illegal(appeal, "Для обращений этого вида продление срока не предусмотрено");
				}
				if (appeal.sla() != null && appeal.sla().extendedAt() != null) {
					return illegal(appeal, "Срок уже продлевался; продлить можно только один раз");
				}
				return Outcome.apply(AppealEventType.EXTENDED, appeal.status())
					.set("sla", baseSla(appeal).withExtension(input.reason().strip(), now()))
					.because(input.reason().strip());
			}));
	}

	/**
	 * Announces the next SLA threshold an appeal has crossed, if any: one guarded update per threshold, so
	 * with any number of instances checking, each threshold is announced exactly once.
	 *
	 * @return whether a threshold was announced
	 */
	public Mono<Boolean> announceNextAlert(String appealId) {
		// The key the last run of the rule decided to announce; the rule runs again after a lost race.
		AtomicReference<String> announcing = new AtomicReference<>();
		return attempt(Caller.SYSTEM, appealId, null, appeal -> this.sla.policyOf(appeal).map(policy -> {
			announcing.set(null);
			if (!appeal.status().isOpen()) {
				return Outcome.unchanged();
			}
			List<String> announced = (appeal.sla() != null) ? appeal.sla().announced() : List.of();
			List<String> due = AppealSlaCalculator.due(this.sla.evaluate(policy, appeal, now()), now(), announced);
			if (due.isEmpty()) {
				return Outcome.unchanged();
			}
			String key = due.get(0);
			announcing.set(key);
			AppealEventType type = key.endsWith(":" + SlaState.BREACHED.name()) ? AppealEventType.SLA_BREACHED
					: AppealEventType.SLA_AT_RISK;
			return Outcome.apply(type, appeal.status()).detail(key).because(key);
		}), 1).map(payload -> payload.errors().isEmpty() && announcing.get() != null);
	}

	/**
	 * Recomputes the stored SLA of an appeal whose alert time has come but that has nothing to announce
	 * (for example after its policy changed), so that the alert query does not find it again and again.
	 * It changes no fact and raises no event.
	 */
	public Mono<Void> refreshSla(String appealId) {
		return this.repository.findById(appealId).flatMap(appeal -> this.sla.policyOf(appeal).flatMap(policy -> {
			SlaSnapshot fresh = this.sla.snapshot(policy, appeal, now(),
					(appeal.sla() != null) ? appeal.sla().announced() : List.of());
			Query guard = Query.query(Criteria.where("_id").is(appeal.id()).and("version").is(appeal.version()));
			return this.mongo.updateFirst(guard, new Update().set("sla", fresh), Appeal.class).then();
		}));
	}

	private Mono<Boolean> mayWorkOn(Caller caller, Appeal appeal) {
		return caller.isCurator() ? Mono.just(true) : this.access.isExecutorOf(caller, appeal);
	}

	private static Outcome forbiddenToWork() {
		return Outcome.refuse(UserError.of(UserErrorCode.FORBIDDEN, "appealId",
				"Это может сделать исполнитель ответственного ведомства или куратор ЦУР"));
	}

	private static List<SlaSnapshot.Pause> pausesOf(Appeal appeal) {
		return (appeal.sla() != null) ? appeal.sla().pauses() : List.of();
	}

	private SlaSnapshot baseSla(Appeal appeal) {
		return (appeal.sla() != null) ? appeal.sla()
				: new SlaSnapshot(null, null, null, null, null, null, null, null, null, null, List.of(), null, List.of(),
						null, null, SlaSnapshot.NOTHING_DUE);
	}

	// ---------------------------------------------------------------- machinery

	private Mono<AppealPayload> change(Caller caller, String appealId, Integer expectedVersion,
			Function<Appeal, Mono<Outcome>> rule) {
		return attempt(caller, appealId, expectedVersion, rule, 1);
	}

	private Mono<AppealPayload> attempt(Caller caller, String appealId, Integer expectedVersion,
			Function<Appeal, Mono<Outcome>> rule, int attempt) {
		return findVisible(caller, appealId).flatMap(appeal -> {
			if (expectedVersion != null && appeal.version() != expectedVersion) {
				return Mono.just(stale(appeal));
			}
			return rule.apply(appeal).flatMap(outcome -> {
				if (outcome instanceof Outcome.Refused refused) {
					return Mono.just(AppealPayload.failed(appeal, refused.errors()));
				}
				if (outcome instanceof Outcome.Unchanged) {
					return Mono.just(AppealPayload.ok(appeal));
				}
				Outcome.Apply apply = (Outcome.Apply) outcome;
				return write(caller, appeal, apply)
					.flatMap(written -> this.audit.recordChange(caller, written.id(),
							apply.type().name() + ((apply.reason() != null) ? ": " + apply.reason() : ""))
						.thenReturn(written))
					.map(AppealPayload::ok)
					.switchIfEmpty(Mono.defer(() -> {
						// Someone changed the appeal between our read and write.
						if (expectedVersion != null || attempt >= MAX_ATTEMPTS) {
							return this.repository.findById(appeal.id()).map(this::stale);
						}
						return attempt(caller, appealId, null, rule, attempt + 1);
					}));
			});
		}).switchIfEmpty(Mono.fromSupplier(() -> AppealPayload.failed(null, UserError.notFound("appealId"))));
	}

	private Mono<Appeal> write(Caller caller, Appeal appeal, Outcome.Apply apply) {
		return this.sla.policyOf(appeal).flatMap(policy -> write(caller, appeal, apply, policy));
	}

	private Mono<Appeal> write(Caller caller, Appeal appeal, Outcome.Apply apply, SlaPolicy policy) {
		Instant now = now();
		apply.set("sla", this.sla.snapshot(policy, projected(appeal, apply), now, announced(appeal, apply)));
		long next = appeal.version() + 1;
		String agencyAfter = (apply.agencyId() != null) ? apply.agencyId()
				: apply.unsets("agencyId") ? null : appeal.agencyId();
		Update update = apply.update()
			.set("status", apply.to())
			.set("version", next)
			.set("lastEvent", new LastEvent(appeal.id(), apply.type(), now, agencyAfter, apply.fromAgencyId(), next, apply.detail()))
			.push("history", new HistoryEntry(now, apply.type(), Person.of(caller), appeal.status(), apply.to(),
					apply.fromAgencyId(), apply.agencyId(), apply.reason()));
		Query guard = Query.query(Criteria.where("_id").is(appeal.id()).and("version").is(appeal.version()));
		// A plain guarded update, not findAndModify: the embedded server leaves findAndModify out of its
		// oplog, and live events are read from the oplog. The re-read returns the version we wrote, or a
		// later one if someone changed the appeal in between.
		return this.mongo.updateFirst(guard, update, Appeal.class)
			.filter(result -> result.getModifiedCount() == 1)
			.flatMap(result -> this.repository.findById(appeal.id()));
	}

	/** The appeal as this change will leave it, as far as its deadlines are concerned. */
	private static Appeal projected(Appeal appeal, Outcome.Apply apply) {
		SlaSnapshot base = apply.sets("sla") ? (SlaSnapshot) apply.setting("sla") : appeal.sla();
		return appeal.withSlaFacts(apply.to(), fact(apply, "firstRespondedAt", appeal.firstRespondedAt()),
				fact(apply, "answeredAt", appeal.answeredAt()), fact(apply, "reopenedAt", appeal.reopenedAt()), base);
	}

	private static Instant fact(Outcome.Apply apply, String key, Instant current) {
		if (apply.unsets(key)) {
			return null;
		}
		return apply.sets(key) ? (Instant) apply.setting(key) : current;
	}

	/** Thresholds stay announced, except that a reopening starts a new final-answer clock. */
	private static List<String> announced(Appeal appeal, Outcome.Apply apply) {
		List<String> announced = new ArrayList<>((appeal.sla() != null) ? appeal.sla().announced() : List.of());
		if (apply.detail() != null && (apply.type() == AppealEventType.SLA_AT_RISK || apply.type() == AppealEventType.SLA_BREACHED)) {
			announced.add(apply.detail());
		}
		if (apply.type() == AppealEventType.REOPENED) {
			announced.removeIf(key -> key.startsWith(SlaClockKind.FINAL_ANSWER.name() + ":"));
		}
		return announced;
	}

	private Mono<Optional<Agency>> activeAgency(String agencyId) {
		return this.agencies.byId(agencyId).filter(Agency::active).map(Optional::of).defaultIfEmpty(Optional.empty());
	}

	private AppealPayload stale(Appeal current) {
		return AppealPayload.failed(current, UserError.of(UserErrorCode.STALE_VERSION, "expectedVersion",
				"Обращение изменено другим пользователем; обновите его и повторите"));
	}

	private static Outcome illegal(Appeal appeal, String message) {
		return Outcome.refuse(UserError.of(UserErrorCode.ILLEGAL_TRANSITION, null,
				message + " (текущий статус: " + appeal.status() + ")"));
	}

	private static Mono<AppealPayload> refused(UserError... errors) {
		return Mono.just(AppealPayload.failed(null, errors));
	}

	private Instant now() {
		// Millisecond precision: what MongoDB stores, so cursors and comparisons round-trip exactly.
		return this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
	}

	private static boolean blank(String s) {
		return s == null || s.isBlank();
	}

	private static boolean negative(Integer n) {
		return n != null && n < 0;
	}

	private static int orZero(Integer n) {
		return (n != null) ? n : 0;
	}

	private static String trimToNull(String s) {
		return blank(s) ? null : s.trim();
	}

	private static String limit(String s) {
		return s.strip();
	}

	private static Optional<UserError> tooLong(String field, String value) {
		if (value != null && value.length() > MAX_REASON) {
			return Optional.of(UserError.of(UserErrorCode.TOO_LONG, field, "Текст длиннее " + MAX_REASON + " символов"));
		}
		return Optional.empty();
	}

}
