package org.otklik.appeal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import org.bson.types.ObjectId;
import org.otklik.appeal.AppealInputs.ApproveAnswerInput;
import org.otklik.appeal.AppealInputs.AssignAppealInput;
import org.otklik.appeal.AppealInputs.CloseAppealInput;
import org.otklik.appeal.AppealInputs.ExtendAppealDeadlineInput;
import org.otklik.appeal.AppealInputs.IngestAppealInput;
import org.otklik.appeal.AppealInputs.PauseAppealInput;
import org.otklik.appeal.AppealInputs.RedirectAppealInput;
import org.otklik.appeal.AppealInputs.RejectAppealInput;
import org.otklik.appeal.AppealInputs.ReopenAppealInput;
import org.otklik.appeal.AppealInputs.ResumeAppealInput;
import org.otklik.appeal.AppealInputs.ReturnAnswerInput;
import org.otklik.appeal.AppealInputs.SubmitAnswerInput;
import org.otklik.appeal.AppealInputs.TakeAppealInput;
import org.otklik.appeal.AppealInputs.ReassignAppealInput;
import org.otklik.appeal.AppealInputs.ReclassifyAppealInput;
import org.otklik.appeal.AppealInputs.TakeOverAppealInput;
import org.otklik.appeal.AppealPayloads.AppealPayload;
import org.otklik.appeal.AppealPayloads.IngestAppealPayload;
import org.otklik.appeal.AppealPayloads.SubmitAnswerPayload;
import org.otklik.appeal.internal.AppealAction;
import org.otklik.appeal.internal.AppealChanges;
import org.otklik.appeal.internal.AppealCommand;
import org.otklik.appeal.internal.AppealImporter;
import org.otklik.appeal.internal.AppealLifecycle;
import org.otklik.appeal.internal.AppealValidation;
import org.otklik.graphql.UserError;
import org.otklik.quality.QualityReport;
import org.otklik.quality.QualityService;
import org.otklik.region.Category;
import org.otklik.region.RegionSettingsService;
import org.otklik.security.Caller;
import org.otklik.security.Role;
import org.otklik.text.RussianStems;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

/**
 * The appeal feature's entry point for every caller (GraphQL, channels, schedulers): checks the caller's
 * role against the lifecycle table, validates the input's shape, and hands the command to the lifecycle.
 * It holds no rules of its own.
 */
@Service
public class AppealService {

	private final AppealChanges changes;

	private final AppealAccess access;

	private final QualityService quality;

	private final AppealImporter importer;

	private final StaffDirectory staff;

	private final RegionSettingsService regionSettings;

	private final Settlements settlements;

	public AppealService(AppealChanges changes, AppealAccess access, QualityService quality, AppealImporter importer,
			StaffDirectory staff, RegionSettingsService regionSettings, Settlements settlements) {
		this.settlements = settlements;
		this.staff = staff;
		this.regionSettings = regionSettings;
		this.changes = changes;
		this.access = access;
		this.quality = quality;
		this.importer = importer;
	}

	/**
	 * Stores appeals whose story happened elsewhere (demo data, a migration), with their history as given;
	 * the system only. Appeals already stored (same channel and externalId) are skipped, so an interrupted
	 * import can be run again. Returns how many were stored now.
	 */
	public Mono<Long> importHistory(Caller caller, List<Appeal> appeals) {
		caller.requireAny(Role.CURATOR);
		return this.importer.importAll(appeals);
	}

	/**
	 * What the caller may do with each appeal now, by the lifecycle table.
	 */
	public Mono<Map<Appeal, AppealPermissions>> permissions(Caller caller, List<Appeal> appeals) {
		return this.changes.actor(caller).flatMap(actor -> this.changes.rules(appeals).map(rules -> {
			Map<Appeal, AppealPermissions> all = new LinkedHashMap<>();
			for (Appeal appeal : appeals) {
				Map<String, Boolean> can = new LinkedHashMap<>();
				for (AppealAction action : AppealAction.values()) {
					if (action.permission() != null) {
						can.put(action.permission(),
								AppealLifecycle.check(action, appeal, actor, rules.get(appeal)).isEmpty());
					}
				}
				all.put(appeal, AppealPermissions.of(can));
			}
			return all;
		}));
	}

	/** The sizes texts and pages may have. */
	public Limits limits(Caller caller) {
		caller.requireAny(Role.values());
		return Limits.CURRENT;
	}

	/** One appeal, or empty when it does not exist or the caller may not see it. */
	public Mono<Appeal> appeal(Caller caller, String id) {
		caller.requireAny(Role.values());
		return this.changes.visible(caller, id);
	}

	/** Accepts an appeal; a repeat of (channel, externalId) returns the stored one and changes nothing. */
	public Mono<IngestAppealPayload> ingest(Caller caller, IngestAppealInput input) {
		caller.requireAny(Role.INTEGRATOR, Role.CURATOR);
		List<UserError> errors = new ArrayList<>(AppealValidation.ingest(input));
		String settlement = null;
		if (errors.isEmpty() && !blank(input.settlement())) {
			settlement = (input.municipality() != null) ? this.settlements.settlementOf(input.municipality(), input.settlement())
					: null;
			if (settlement == null) {
				errors.add(AppealValidation.unknownSettlement(input.municipality(), input.settlement()));
			}
		}
		if (!errors.isEmpty()) {
			return Mono.just(new IngestAppealPayload(null, false, errors));
		}
		Appeal fresh = fresh(caller, input);
		return this.changes.receive(caller, (settlement != null) ? fresh.withSettlement(settlement) : fresh)
			.flatMap(ingested -> ingested.duplicate()
					? this.access.canRead(caller, ingested.appeal())
						.map(visible -> new IngestAppealPayload(visible ? ingested.appeal() : null, true, List.of()))
					: Mono.just(new IngestAppealPayload(ingested.appeal(), false, List.of())));
	}

	/**
	 * What happened to a message from a channel.
	 *
	 * @param appeal the appeal it created or joined
	 * @param created whether it became a new appeal
	 * @param duplicate whether the channel had delivered it before (nothing changed)
	 */
	public record ChannelIntake(Appeal appeal, boolean created, boolean duplicate) {
	}

	/**
	 * Takes a message from a channel adapter: a further message in the thread of an open appeal joins it
	 * (and ends a pause that waited for the citizen); anything else becomes a new appeal, idempotent on
	 * (channel, externalId) exactly as {@link #ingest} is. The system only.
	 */
	public Mono<ChannelIntake> receiveFromChannel(Caller caller, ChannelMessage message) {
		caller.requireAny(Role.CURATOR);
		String threadKey = message.source().threadKey();
		Mono<Appeal> open = (threadKey != null) ? this.changes.openInThread(message.channel(), threadKey) : Mono.empty();
		return open.flatMap(appeal -> followUp(caller, appeal, message))
			.switchIfEmpty(Mono.defer(() -> {
				IngestAppealInput input = new IngestAppealInput(message.channel(), message.externalId(), message.url(),
						message.text(), message.authorName(), message.authorProfileUrl(), message.postedAt(), null, null,
						null, null);
				List<UserError> errors = AppealValidation.ingest(input);
				if (!errors.isEmpty()) {
					return Mono.error(new IllegalArgumentException("A channel message that cannot be an appeal: " + errors));
				}
				return this.changes.receive(caller, fresh(caller, input).withSource(message.source()))
					.map(ingested -> new ChannelIntake(ingested.appeal(), !ingested.duplicate(), ingested.duplicate()));
			}));
	}

	private Mono<ChannelIntake> followUp(Caller caller, Appeal appeal, ChannelMessage message) {
		if (appeal.channel() == message.channel() && appeal.externalId().equals(message.externalId())) {
			// The message that opened this appeal, delivered again.
			return Mono.just(new ChannelIntake(appeal, false, true));
		}
		String text = message.text().strip();
		CitizenMessage added = new CitizenMessage(UUID.randomUUID().toString(), message.externalId(),
				(text.length() > AppealLimits.APPEAL_TEXT) ? text.substring(0, AppealLimits.APPEAL_TEXT) : text,
				message.url(), message.postedAt(), this.changes.now());
		return this.changes.apply(caller, appeal.id(), null, null, current -> new AppealCommand.AddCitizenMessage(added))
			.map(result -> new ChannelIntake((result.appeal() != null) ? result.appeal() : appeal, false, !result.changed()));
	}

	/** Records where a published answer stands in its channel (the channel delivery); the system only. */
	public Mono<AppealPayload> recordDelivery(Caller caller, String appealId, String answerId, Delivery delivery) {
		caller.requireAny(Role.CURATOR);
		return this.changes.apply(caller, appealId, null, null, appeal -> new AppealCommand.RecordDelivery(answerId, delivery))
			.map(result -> new AppealPayload(result.appeal(), result.errors()));
	}

	/** Someone published an answer by hand in its channel and says where. */
	public Mono<AppealPayload> markAnswerPublished(Caller caller, AppealInputs.MarkAnswerPublishedInput input) {
		List<UserError> invalid = new ArrayList<>();
		if (input.link() != null && !input.link().isBlank()) {
			invalid.addAll(AppealValidation.link("link", input.link()));
		}
		return change(caller, AppealAction.MARK_PUBLISHED, input.appealId(), input.expectedVersion(), null, invalid,
				appeal -> new AppealCommand.MarkPublished(input.answerId(),
						(input.link() != null && !input.link().isBlank()) ? input.link().trim() : null));
	}

	/**
	 * A new appeal as the input describes it, before the lifecycle receives it. Its settlement is the one
	 * the text names (what the routing suggestion shows) when that lies in the sender's municipality or the
	 * sender named none; a settlement the sender gave replaces it.
	 */
	private Appeal fresh(Caller caller, IngestAppealInput input) {
		Settlements.Place named = this.settlements.named(input.text());
		String settlement = (named != null && (input.municipality() == null || input.municipality() == named.municipality()))
				? named.settlement() : null;
		return received(caller, input).withSettlement(settlement);
	}

	private Appeal received(Caller caller, IngestAppealInput input) {
		Author author = (blank(input.authorName()) && blank(input.authorProfileUrl())) ? null
				: new Author(trimToNull(input.authorName()), trimToNull(input.authorProfileUrl()));
		Reach reach = (input.reach() != null) ? new Reach(orZero(input.reach().views()), orZero(input.reach().likes()),
				orZero(input.reach().comments())) : Reach.NONE;
		return new Appeal(new ObjectId().toHexString(), 0, AppealStatus.NEW, input.channel(), input.externalId().trim(),
				trimToNull(input.url()), input.postedAt(), input.text().strip(), author, input.municipality(),
				(input.category() != null) ? input.category() : Category.OTHER, Boolean.TRUE.equals(input.urgent()), reach,
				null, null, List.of(), List.of(), 0, 0, this.changes.now(), null, null, null, null,
				RussianStems.distinct(input.text()), caller.clientId(), null, null);
	}

	public Mono<AppealPayload> reject(Caller caller, RejectAppealInput input) {
		return change(caller, AppealAction.REJECT, input.appealId(), input.expectedVersion(), null,
				AppealValidation.reason("reason", input.reason(), "Укажите, почему это не обращение"),
				appeal -> new AppealCommand.Reject(input.reason().strip()));
	}

	public Mono<AppealPayload> assign(Caller caller, AssignAppealInput input) {
		return change(caller, AppealAction.ASSIGN, input.appealId(), input.expectedVersion(), input.agencyId(),
				AppealValidation.settlement(input.settlement()),
				appeal -> new AppealCommand.Assign(input.agencyId(), input.category(), input.municipality(),
						input.urgent(), input.settlement()));
	}

	/**
	 * Corrects the category, municipality, settlement or urgency of an appeal in work without routing it
	 * again (curators); a change of category or urgency puts it under the SLA policy for the new ones.
	 */
	public Mono<AppealPayload> reclassify(Caller caller, ReclassifyAppealInput input) {
		return change(caller, AppealAction.RECLASSIFY, input.appealId(), input.expectedVersion(), null,
				AppealValidation.settlement(input.settlement()),
				appeal -> new AppealCommand.Reclassify(input.category(), input.municipality(), input.settlement(),
						input.urgent()));
	}

	public Mono<AppealPayload> redirect(Caller caller, RedirectAppealInput input) {
		return change(caller, AppealAction.REDIRECT, input.appealId(), input.expectedVersion(), input.agencyId(),
				AppealValidation.reason("reason", input.reason(), "Укажите причину переадресации"),
				appeal -> new AppealCommand.Redirect(input.agencyId(), input.reason().strip()));
	}

	public Mono<AppealPayload> take(Caller caller, TakeAppealInput input) {
		return change(caller, AppealAction.TAKE, input.appealId(), input.expectedVersion(), null, List.of(),
				appeal -> new AppealCommand.Take());
	}

	/**
	 * Hands the appeal to another executor of its agency: curators and the head always, the executor who
	 * holds it with a comment. The directory says who the executor is; the lifecycle checks the rest.
	 */
	public Mono<AppealPayload> reassign(Caller caller, ReassignAppealInput input) {
		caller.requireAny(AppealAction.REASSIGN.roles().toArray(Role[]::new));
		List<UserError> invalid = new ArrayList<>();
		if (blank(input.executorId())) {
			invalid.add(UserError.required("executorId", "Выберите, кому передать обращение"));
		}
		if (!blank(input.comment())) {
			invalid.addAll(AppealValidation.reason("comment", input.comment(), ""));
		}
		if (!invalid.isEmpty()) {
			return Mono.just(new AppealPayload(null, invalid));
		}
		return this.staff.executor(input.executorId().strip())
			.map(member -> new AppealCommand.Reassign(member.person(), member.agencyId(), input.comment()))
			// Unknown to the directory: the lifecycle refuses it as not of the appeal's agency.
			.defaultIfEmpty(new AppealCommand.Reassign(new Person(input.executorId().strip(), ""), null, input.comment()))
			.flatMap(command -> change(caller, AppealAction.REASSIGN, input.appealId(), input.expectedVersion(), null,
					List.of(), appeal -> command));
	}

	/** The agency's head becomes the appeal's holder. */
	public Mono<AppealPayload> takeOver(Caller caller, TakeOverAppealInput input) {
		List<UserError> invalid = blank(input.comment()) ? List.of()
				: AppealValidation.reason("comment", input.comment(), "");
		return change(caller, AppealAction.TAKE_OVER, input.appealId(), input.expectedVersion(), null, invalid,
				appeal -> new AppealCommand.TakeOver(input.comment()));
	}

	/**
	 * An interim or final answer; the payload carries the answer it created. An interim answer the region's
	 * settings hold (a coach score under the threshold, or every one) waits for a curator like a final one.
	 */
	public Mono<SubmitAnswerPayload> submitAnswer(Caller caller, SubmitAnswerInput input) {
		String answerId = UUID.randomUUID().toString();
		return this.regionSettings.current().flatMap(settings -> change(caller, AppealAction.ANSWER, input.appealId(),
				input.expectedVersion(), null, AppealValidation.answer(input.kind(), input.text(), input.clientAnswerId()),
				appeal -> {
					String text = input.text().strip();
					QualityReport report = this.quality.check(text, appeal.text());
					boolean held = input.kind() == AnswerKind.INTERIM && settings.holdsInterim(report.score());
					return new AppealCommand.SubmitAnswer(answerId, input.kind(), text, input.clientAnswerId(),
							AnswerQuality.of(report, text), this.quality.properties().blocks(report), held);
				}))
			.map(payload -> new SubmitAnswerPayload(payload.appeal(), answerOf(payload.appeal(), answerId,
					input.clientAnswerId()), payload.errors()));
	}

	/** The answer a submission created, or the one it repeated (the same client answer id). */
	private static Answer answerOf(Appeal appeal, String answerId, String clientAnswerId) {
		if (appeal == null) {
			return null;
		}
		return appeal.answer(answerId)
			.or(() -> appeal.answers().stream()
				.filter(a -> clientAnswerId != null && clientAnswerId.equals(a.clientAnswerId()))
				.findFirst())
			.orElse(null);
	}

	/**
	 * Approves the answer under review; with {@code text}, the curator's edit is what gets published and the
	 * author's version stays on the answer.
	 */
	public Mono<AppealPayload> approveAnswer(Caller caller, ApproveAnswerInput input) {
		List<UserError> invalid = List.of();
		String edited = null;
		if (input.text() != null) {
			invalid = AppealValidation.answer(AnswerKind.FINAL, input.text(), null);
			edited = input.text().strip();
		}
		String text = edited;
		return change(caller, AppealAction.APPROVE, input.appealId(), input.expectedVersion(), null, invalid,
				appeal -> new AppealCommand.ApproveAnswer(input.answerId(), text));
	}

	public Mono<AppealPayload> returnAnswer(Caller caller, ReturnAnswerInput input) {
		return change(caller, AppealAction.RETURN, input.appealId(), input.expectedVersion(), null,
				AppealValidation.reason("comment", input.comment(), "Напишите, что исправить в ответе"),
				appeal -> new AppealCommand.ReturnAnswer(input.answerId(), input.comment().strip()));
	}

	public Mono<AppealPayload> close(Caller caller, CloseAppealInput input) {
		return change(caller, AppealAction.CLOSE, input.appealId(), input.expectedVersion(), null, List.of(),
				appeal -> new AppealCommand.Close());
	}

	public Mono<AppealPayload> reopen(Caller caller, ReopenAppealInput input) {
		return change(caller, AppealAction.REOPEN, input.appealId(), input.expectedVersion(), null,
				AppealValidation.reason("reason", input.reason(), "Укажите причину, например ответ жителя"),
				appeal -> new AppealCommand.Reopen(input.reason().strip()));
	}

	/** Stops both clocks while waiting for the citizen's clarification. */
	public Mono<AppealPayload> pause(Caller caller, PauseAppealInput input) {
		return change(caller, AppealAction.PAUSE, input.appealId(), input.expectedVersion(), null,
				AppealValidation.reason("reason", input.reason(), "Укажите, какого уточнения ждём от жителя"),
				appeal -> new AppealCommand.Pause(input.reason().strip()));
	}

	/** Restarts the clocks after a pause. */
	public Mono<AppealPayload> resume(Caller caller, ResumeAppealInput input) {
		return change(caller, AppealAction.RESUME, input.appealId(), input.expectedVersion(), null, List.of(),
				appeal -> new AppealCommand.Resume());
	}

	/** Extends the final-answer term once, where the policy allows it (59-ФЗ: by 30 days, with a reason). */
	public Mono<AppealPayload> extend(Caller caller, ExtendAppealDeadlineInput input) {
		return change(caller, AppealAction.EXTEND, input.appealId(), input.expectedVersion(), null,
				AppealValidation.reason("reason", input.reason(), "Укажите причину продления срока"),
				appeal -> new AppealCommand.Extend(input.reason().strip()));
	}

	private Mono<AppealPayload> change(Caller caller, AppealAction action, String appealId, Integer expectedVersion,
			String agencyId, List<UserError> invalid, Function<Appeal, AppealCommand> command) {
		caller.requireAny(action.roles().toArray(Role[]::new));
		if (!invalid.isEmpty()) {
			return Mono.just(new AppealPayload(null, invalid));
		}
		return this.changes.apply(caller, appealId, expectedVersion, agencyId, command)
			.map(result -> new AppealPayload(result.appeal(), result.errors()));
	}

	private static boolean blank(String s) {
		return s == null || s.isBlank();
	}

	private static int orZero(Integer n) {
		return (n != null) ? n : 0;
	}

	private static String trimToNull(String s) {
		return blank(s) ? null : s.trim();
	}

}
