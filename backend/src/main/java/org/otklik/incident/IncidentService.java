package org.otklik.incident;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.bson.types.ObjectId;
import org.jspecify.annotations.Nullable;
import org.otklik.agency.AgencyService;
import org.otklik.appeal.Answer;
import org.otklik.appeal.AnswerKind;
import org.otklik.appeal.Appeal;
import org.otklik.appeal.AppealInputs.SubmitAnswerInput;
import org.otklik.appeal.AppealSearch;
import org.otklik.appeal.AppealService;
import org.otklik.graphql.Connection;
import org.otklik.graphql.Cursors;
import org.otklik.graphql.ErrorDetail;
import org.otklik.graphql.OtklikException;
import org.otklik.graphql.UserError;
import org.otklik.graphql.UserErrorCode;
import org.otklik.incident.internal.IncidentGrouping;
import org.otklik.incident.internal.IncidentStore;
import org.otklik.region.Municipality;
import org.otklik.security.Caller;
import org.otklik.security.Role;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

/**
 * Incidents for curators, executors and heads: lists and pages, the curators' corrections of grouping
 * (confirm, merge, split, detach, close), one answer for every member appeal, and live updates. Every
 * entry point checks the caller here. Curators see every incident; executors and heads those with an
 * appeal of their agency (and of its members only those appeals); integrators none, as an incident mixes
 * appeals from every sender.
 */
@Service
public class IncidentService {

	/** The longest list {@code incidents} sorts (the open incidents of a region are far fewer). */
	static final int LIST_LIMIT = 500;

	static final int MAX_PAGE = 100;

	private final IncidentStore store;

	private final IncidentGrouping grouping;

	private final AppealService appeals;

	private final AppealSearch search;

	private final AgencyService agencies;

	private final IncidentProperties properties;

	private final Clock clock;

	private final Flux<Incident> changes;

	public IncidentService(IncidentStore store, IncidentGrouping grouping, AppealService appeals, AppealSearch search,
			AgencyService agencies, IncidentProperties properties, Clock clock) {
		this.store = store;
		this.grouping = grouping;
		this.appeals = appeals;
		this.search = search;
		this.agencies = agencies;
		this.properties = properties;
		this.clock = clock;
		this.changes = poll().publish().refCount();
	}

	/** Criteria of the {@code incidents} list. */
	public record IncidentFilter(@Nullable List<IncidentStatus> statuses, @Nullable Municipality municipality) {
	}

	/** Orderings of the {@code incidents} list. */
	public enum IncidentOrder {

		SIZE_DESC, LAST_AT_DESC

	}

	public record ConfirmIncidentInput(String incidentId, @Nullable String title) {
	}

	public record MergeIncidentsInput(String incidentId, List<String> otherIncidentIds) {
	}

	public record SplitIncidentInput(String incidentId, List<String> appealIds, @Nullable String title) {
	}

	public record DetachAppealFromIncidentInput(String incidentId, String appealId) {
	}

	public record CloseIncidentInput(String incidentId) {
	}

	public record AnswerIncidentInput(String incidentId, AnswerKind kind, String text, @Nullable String clientAnswerId) {
	}

	/** Payload of confirm, merge, detach and close. */
	public record IncidentPayload(@Nullable Incident incident, List<UserError> errors) {
	}

	/** Payload of {@code splitIncident}: the incident left and the new one. */
	public record SplitIncidentPayload(@Nullable Incident incident, @Nullable Incident newIncident,
			List<UserError> errors) {
	}

	/** What one member appeal made of an incident answer. */
	public record IncidentAnswerResult(Appeal appeal, @Nullable Answer answer, List<UserError> errors) {
	}

	/**
	 * Payload of {@code answerIncident}.
	 *
	 * @param skipped members the caller may not answer because they are with another agency
	 */
	public record AnswerIncidentPayload(@Nullable Incident incident, List<IncidentAnswerResult> results, int skipped,
			List<UserError> errors) {
	}

	// ---- reads

	public Mono<Connection<Incident>> incidents(Caller caller, @Nullable IncidentFilter filter,
			@Nullable IncidentOrder order, @Nullable Integer first, @Nullable String after) {
		caller.requireAny(Role.CURATOR, Role.EXECUTOR, Role.HEAD);
		int size = size(first);
		int offset = offset(after);
		IncidentFilter criteria = (filter != null) ? filter : new IncidentFilter(null, null);
		return agencyScope(caller).flatMap(scope -> {
			if (scope.isPresent() && scope.get().isEmpty()) {
				return Mono.just(page(List.<Incident>of(), 0, size));
			}
			return this.store.list(criteria.statuses(), criteria.municipality(), scope.orElse(null), LIST_LIMIT)
				.collectList()
				.map(found -> {
					List<Incident> sorted = new ArrayList<>(found);
					Comparator<Incident> recency = Comparator.comparing(Incident::lastAt).reversed();
					sorted.sort((order == IncidentOrder.LAST_AT_DESC) ? recency.thenComparing(Incident::id)
							: Comparator.comparingInt(Incident::size).reversed().thenComparing(recency)
								.thenComparing(Incident::id));
					return page(sorted, offset, size);
				});
		});
	}

	/** One incident, or empty when it does not exist or the caller may not see it. */
	public Mono<Incident> incident(Caller caller, String id) {
		caller.requireAny(Role.CURATOR, Role.EXECUTOR, Role.HEAD);
		return this.store.byId(id).filterWhen(incident -> visible(caller, incident));
	}

	/** The incident of each appeal of a page the caller already reads; integrators get none. */
	public Mono<Map<Appeal, Incident>> incidentsOf(Caller caller, List<Appeal> page) {
		if (!(caller.isCurator() || caller.has(Role.EXECUTOR) || caller.has(Role.HEAD)) || page.isEmpty()) {
			return Mono.just(Map.of());
		}
		return this.store.holding(page.stream().map(Appeal::id).distinct().toList()).collectList().map(found -> {
			Map<Appeal, Incident> result = new LinkedHashMap<>();
			for (Appeal appeal : page) {
				found.stream().filter(i -> i.contains(appeal.id())).findFirst().ifPresent(i -> result.put(appeal, i));
			}
			return result;
		});
	}

	/** The member appeals the caller may read, oldest first. */
	public Mono<Connection<Appeal>> members(Caller caller, Incident incident, @Nullable Integer first,
			@Nullable String after) {
		int size = size(first);
		int offset = offset(after);
		return this.search.visible(caller, incident.appealIds()).collectList().map(found -> page(found, offset, size));
	}

	// ---- curators' corrections

	public Mono<IncidentPayload> confirm(Caller caller, ConfirmIncidentInput input) {
		caller.requireAny(Role.CURATOR);
		String title = trimmed(input.title());
		if (title != null && title.length() > 200) {
			return Mono.just(new IncidentPayload(null, List.of(UserError.of(UserErrorCode.TOO_LONG, "title",
					"Название длиннее 200 символов"))));
		}
		return change(input.incidentId(), incident -> {
			if (!incident.status().isOpen()) {
				return refuse(incident, "Подтвердить можно только открытый инцидент");
			}
			if (incident.status() == IncidentStatus.CONFIRMED && (title == null || title.equals(incident.title()))) {
				return Mono.just(new IncidentPayload(incident, List.of(UserError.of(UserErrorCode.NO_CHANGE,
						"incidentId", "Инцидент уже подтверждён"))));
			}
			IncidentStatus status = (incident.status() == IncidentStatus.SUGGESTED) ? IncidentStatus.CONFIRMED
					: incident.status();
			Incident changed = this.grouping.changed(incident, incident.members(), status,
					(title != null) ? title : incident.title());
			changed = with(changed, caller.id(), changed.mergedIntoId(), changed.replies());
			return save(changed, incident.version()).map(saved -> new IncidentPayload(saved, List.of()));
		});
	}

	public Mono<IncidentPayload> merge(Caller caller, MergeIncidentsInput input) {
		caller.requireAny(Role.CURATOR);
		List<String> others = (input.otherIncidentIds() != null)
				? input.otherIncidentIds().stream().distinct().filter(id -> !id.equals(input.incidentId())).toList()
				: List.of();
		if (others.isEmpty()) {
			return Mono.just(new IncidentPayload(null, List.of(UserError.required("otherIncidentIds",
					"Укажите инциденты, которые нужно объединить с этим"))));
		}
		return change(input.incidentId(), target -> {
			if (!target.status().isOpen()) {
				return refuse(target, "Объединять можно только открытые инциденты");
			}
			return Flux.fromIterable(others).concatMap(this.store::byId).collectList().flatMap(found -> {
				if (found.size() != others.size()) {
					return Mono.just(new IncidentPayload(target, List.of(UserError.notFound("otherIncidentIds"))));
				}
				if (found.stream().anyMatch(i -> i.status() == IncidentStatus.MERGED)) {
					return refuse(target, "Один из инцидентов уже объединён с другим");
				}
				List<Incident.Member> members = new ArrayList<>(target.members());
				Set<String> ids = new HashSet<>(target.appealIds());
				for (Incident other : found) {
					other.members().stream().filter(m -> ids.add(m.appealId())).forEach(members::add);
				}
				members.sort(Comparator.comparing(Incident.Member::at).thenComparing(Incident.Member::appealId));
				IncidentStatus status = (target.status() == IncidentStatus.SUGGESTED) ? IncidentStatus.CONFIRMED
						: target.status();
				Incident merged = with(this.grouping.changed(target, members, status, target.title()), caller.id(),
						null, target.replies());
				return save(merged, target.version())
					.flatMap(saved -> Flux.fromIterable(found)
						.concatMap(other -> save(with(this.grouping.changed(other, List.of(), IncidentStatus.MERGED,
								other.title()), other.confirmedBy(), saved.id(), other.replies()), other.version()))
						.then(this.store.assign(saved.appealIds(), saved.id(), false))
						.thenReturn(new IncidentPayload(saved, List.of())));
			});
		});
	}

	public Mono<SplitIncidentPayload> split(Caller caller, SplitIncidentInput input) {
		caller.requireAny(Role.CURATOR);
		List<String> moving = (input.appealIds() != null) ? input.appealIds().stream().distinct().toList() : List.of();
		if (moving.isEmpty()) {
			return Mono.just(new SplitIncidentPayload(null, null,
					List.of(UserError.required("appealIds", "Выберите обращения для нового инцидента"))));
		}
		String title = trimmed(input.title());
		return this.store.exclusively(() -> this.store.byId(input.incidentId()).flatMap(incident -> {
			if (!incident.status().isOpen()) {
				return Mono.just(new SplitIncidentPayload(incident, null, List.of(UserError.of(
						UserErrorCode.ILLEGAL_TRANSITION, "incidentId", "Разделить можно только открытый инцидент"))));
			}
			if (!moving.stream().allMatch(incident::contains)) {
				return Mono.just(new SplitIncidentPayload(incident, null, List.of(UserError.of(UserErrorCode.INVALID,
						"appealIds", "Не все выбранные обращения входят в этот инцидент"))));
			}
			if (moving.size() == incident.size()) {
				return Mono.just(new SplitIncidentPayload(incident, null, List.of(UserError.of(UserErrorCode.INVALID,
						"appealIds", "В инциденте должно остаться хотя бы одно обращение"))));
			}
			List<Incident.Member> staying = incident.members().stream().filter(m -> !moving.contains(m.appealId())).toList();
			List<Incident.Member> moved = incident.members()
				.stream()
				.filter(m -> moving.contains(m.appealId()))
				.map(m -> new Incident.Member(m.appealId(), m.at(), m.agencyId(), caller.id(), 1.0))
				.toList();
			Instant now = this.clock.instant();
			Incident created = new Incident(new ObjectId().toHexString(), 0,
					(title != null) ? title : incident.title() + " (2)", incident.category(), incident.municipality(),
					incident.settlement(), IncidentStatus.CONFIRMED, List.of(), moved, moved.get(0).at(),
					moved.get(moved.size() - 1).at(), now, now, caller.id(), null, List.of());
			Incident left = this.grouping.changed(incident, staying, incident.status(), incident.title());
			return save(left, incident.version()).flatMap(saved -> this.store.insert(created)
				.flatMap(inserted -> this.store.assign(moving, inserted.id(), false)
					.thenReturn(new SplitIncidentPayload(saved, inserted, List.of()))));
		}).switchIfEmpty(Mono.fromSupplier(() -> new SplitIncidentPayload(null, null,
				List.of(UserError.notFound("incidentId"))))));
	}

	public Mono<IncidentPayload> detach(Caller caller, DetachAppealFromIncidentInput input) {
		caller.requireAny(Role.CURATOR);
		return change(input.incidentId(), incident -> {
			if (!incident.contains(input.appealId())) {
				return Mono.just(new IncidentPayload(incident, List.of(UserError.of(UserErrorCode.INVALID, "appealId",
						"Обращение не входит в этот инцидент"))));
			}
			if (incident.status() == IncidentStatus.MERGED) {
				return refuse(incident, "Инцидент объединён с другим");
			}
			List<Incident.Member> staying = incident.members()
				.stream()
				.filter(m -> !m.appealId().equals(input.appealId()))
				.toList();
			return save(this.grouping.changed(incident, staying, incident.status(), incident.title()),
					incident.version())
				.flatMap(saved -> this.store.assign(List.of(input.appealId()), null, true)
					.thenReturn(new IncidentPayload(saved, List.of())));
		});
	}

	public Mono<IncidentPayload> close(Caller caller, CloseIncidentInput input) {
		caller.requireAny(Role.CURATOR);
		return change(input.incidentId(), incident -> {
			if (!incident.status().isOpen()) {
				return refuse(incident, "Инцидент уже закрыт");
			}
			return save(this.grouping.changed(incident, incident.members(), IncidentStatus.CLOSED, incident.title()),
					incident.version())
				.map(saved -> new IncidentPayload(saved, List.of()));
		});
	}

	// ---- one answer for all

	/**
	 * Submits the same answer to every member appeal the caller may answer, through the appeal module's own
	 * command, so each appeal keeps its clocks, its review (a final answer goes to the ЦУР's review) and its
	 * channel. The appeal's idempotency key is derived from the incident and the answer, so a retry or a
	 * second run answers each member once; members that joined since get it on the second run.
	 */
	public Mono<AnswerIncidentPayload> answer(Caller caller, AnswerIncidentInput input) {
		caller.requireAny(Role.EXECUTOR, Role.HEAD);
		List<UserError> invalid = new ArrayList<>();
		if (input.kind() == null) {
			invalid.add(UserError.required("kind", "Укажите вид ответа"));
		}
		if (input.text() == null || input.text().isBlank()) {
			invalid.add(UserError.required("text", "Напишите ответ"));
		}
		if (input.clientAnswerId() != null && input.clientAnswerId().length() > 60) {
			invalid.add(UserError.of(UserErrorCode.TOO_LONG, "clientAnswerId", "Идентификатор длиннее 60 символов"));
		}
		if (!invalid.isEmpty()) {
			return Mono.just(new AnswerIncidentPayload(null, List.of(), 0, invalid));
		}
		String text = input.text().strip();
		String key = (input.clientAnswerId() != null && !input.clientAnswerId().isBlank()) ? input.clientAnswerId()
				: digest(input.kind() + "\n" + text);
		return incident(caller, input.incidentId()).flatMap(incident -> {
			String clientAnswerId = "incident:" + incident.id() + ":" + key;
			return this.search.visible(caller, incident.appealIds())
				.concatMap(appeal -> this.appeals
					.submitAnswer(caller, new SubmitAnswerInput(appeal.id(), input.kind(), text, clientAnswerId, null))
					.map(p -> new IncidentAnswerResult((p.appeal() != null) ? p.appeal() : appeal, p.answer(),
							p.errors())))
				.collectList()
				.flatMap(results -> {
					int skipped = incident.size() - results.size();
					boolean any = results.stream().anyMatch(r -> r.errors().isEmpty());
					if (!any) {
						return Mono.just(new AnswerIncidentPayload(incident, results, skipped, List.of()));
					}
					return recordReply(incident.id(), new Incident.Reply(key, input.kind(), text, caller.id(),
							caller.name(), this.clock.instant()))
						.defaultIfEmpty(incident)
						.map(saved -> new AnswerIncidentPayload(saved, results, skipped, List.of()));
				});
		}).switchIfEmpty(Mono.fromSupplier(() -> new AnswerIncidentPayload(null, List.of(), 0,
				List.of(UserError.notFound("incidentId")))));
	}

	private Mono<Incident> recordReply(String incidentId, Incident.Reply reply) {
		return this.store.exclusively(() -> this.store.byId(incidentId).flatMap(incident -> {
			if (incident.replies().stream().anyMatch(r -> r.key().equals(reply.key()))) {
				return Mono.just(incident);
			}
			List<Incident.Reply> replies = new ArrayList<>(incident.replies());
			replies.add(reply);
			IncidentStatus status = incident.status().isOpen() ? IncidentStatus.ANSWERED : incident.status();
			Incident changed = with(this.grouping.changed(incident, incident.members(), status, incident.title()),
					incident.confirmedBy(), incident.mergedIntoId(), replies);
			return save(changed, incident.version());
		}));
	}

	// ---- live

	/** Incidents as they change on any instance, within the caller's scope; optionally one incident. */
	public Flux<Incident> updates(Caller caller, @Nullable String incidentId) {
		caller.requireAny(Role.CURATOR, Role.EXECUTOR, Role.HEAD);
		return agencyScope(caller).flatMapMany(scope -> this.changes
			.filter(incident -> incidentId == null || incident.id().equals(incidentId))
			.filter(incident -> scope.isEmpty()
					|| incident.members().stream().anyMatch(m -> scope.get().equals(m.agencyId())))
			// Counted once the shared poll is subscribed (it looks back from that moment), so a test, or a
			// metric, can tell when a change is surely seen without waiting an arbitrary time.
			.doOnSubscribe(s -> this.subscribers.incrementAndGet())
			.doFinally(signal -> this.subscribers.decrementAndGet()));
	}

	private final java.util.concurrent.atomic.AtomicInteger subscribers = new java.util.concurrent.atomic.AtomicInteger();

	/** Subscriptions to {@code incidentUpdated} open on this instance now. */
	public int subscriberCount() {
		return this.subscribers.get();
	}

	/**
	 * Every instance polls the incidents changed since it last looked, so a change made on any instance
	 * reaches subscribers on all of them without a change stream on this collection; one poll serves every
	 * subscriber of the instance, and it runs only while somebody is subscribed.
	 */
	private Flux<Incident> poll() {
		return Flux.defer(() -> {
			Map<String, Long> seen = new ConcurrentHashMap<>();
			Instant[] since = { this.clock.instant() };
			return Flux.interval(this.properties.pollInterval()).onBackpressureDrop().concatMap(tick -> {
				// Look back a little: updates of another instance whose clock runs behind are still found.
				Instant from = since[0].minus(Duration.ofSeconds(5));
				since[0] = this.clock.instant();
				return this.store.changedSince(from)
					.filter(incident -> {
						Long before = seen.put(incident.id(), incident.version());
						return before == null || before < incident.version();
					})
					.onErrorResume(ex -> Flux.empty());
			});
		});
	}

	// ---- helpers

	/** Empty for the whole region; the agency's id for executors and heads ("" when it is unknown). */
	private Mono<Optional<String>> agencyScope(Caller caller) {
		if (caller.isCurator()) {
			return Mono.just(Optional.empty());
		}
		return this.agencies.agencyIdOf(caller).map(Optional::of).defaultIfEmpty(Optional.of(""));
	}

	private Mono<Boolean> visible(Caller caller, Incident incident) {
		return agencyScope(caller).map(scope -> scope.isEmpty()
				|| incident.members().stream().anyMatch(m -> scope.get().equals(m.agencyId())));
	}

	private Mono<IncidentPayload> change(String incidentId,
			java.util.function.Function<Incident, Mono<IncidentPayload>> work) {
		return this.store.exclusively(() -> this.store.byId(incidentId).flatMap(work))
			.switchIfEmpty(Mono.fromSupplier(() -> new IncidentPayload(null, List.of(UserError.notFound("incidentId")))));
	}

	private static Mono<IncidentPayload> refuse(Incident incident, String message) {
		return Mono.just(new IncidentPayload(incident,
				List.of(UserError.of(UserErrorCode.ILLEGAL_TRANSITION, "incidentId", message))));
	}

	private Mono<Incident> save(Incident incident, long readVersion) {
		return this.store.replace(incident, readVersion)
			.switchIfEmpty(Mono.error(() -> new IllegalStateException("incident " + incident.id() + " changed meanwhile")));
	}

	private static Incident with(Incident i, @Nullable String confirmedBy, @Nullable String mergedIntoId,
			List<Incident.Reply> replies) {
		return new Incident(i.id(), i.version(), i.title(), i.category(), i.municipality(), i.settlement(), i.status(),
				i.topics(), i.members(), i.firstAt(), i.lastAt(), i.createdAt(), i.updatedAt(), confirmedBy,
				mergedIntoId, replies);
	}

	private static @Nullable String trimmed(@Nullable String s) {
		return (s == null || s.isBlank()) ? null : s.strip();
	}

	private static String digest(String text) {
		try {
			byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(hash, 0, 16);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static int size(@Nullable Integer first) {
		int size = (first != null) ? first : 20;
		if (size < 0 || size > MAX_PAGE) {
			throw OtklikException.invalidArgument("first must be between 0 and " + MAX_PAGE);
		}
		return size;
	}

	private static int offset(@Nullable String after) {
		if (after == null || after.isBlank()) {
			return 0;
		}
		try {
			String raw = Cursors.decode(after);
			if (raw.startsWith("i1:")) {
				return Integer.parseInt(raw.substring(3)) + 1;
			}
		}
		catch (RuntimeException ex) {
			// falls through to the error below
		}
		throw new OtklikException(ErrorDetail.INVALID_CURSOR, "Неверный курсор");
	}

	private static <T> Connection<T> page(List<T> all, int offset, int size) {
		List<Connection.Edge<T>> edges = new ArrayList<>();
		for (int i = offset; i < Math.min(all.size(), offset + size); i++) {
			edges.add(new Connection.Edge<>(Cursors.encode("i1:" + i), all.get(i)));
		}
		boolean more = all.size() > offset + size;
		return new Connection<>(edges, new Connection.PageInfo(more, false, edges.isEmpty() ? null : edges.get(0).cursor(),
				edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor()));
	}

}
