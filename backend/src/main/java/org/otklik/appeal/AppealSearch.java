package org.otklik.appeal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.bson.types.ObjectId;
import org.jspecify.annotations.Nullable;
import org.otklik.appeal.AppealAccess.Scope;
import org.otklik.appeal.AppealInputs.AppealFilter;
import org.otklik.appeal.AppealInputs.AppealOrder;
import org.otklik.appeal.AppealInputs.AppealSlaState;
import org.otklik.graphql.Connection;
import org.otklik.graphql.Cursors;
import org.otklik.graphql.ErrorDetail;
import org.otklik.graphql.OtklikException;
import org.otklik.security.Caller;
import org.otklik.security.Role;
import org.otklik.text.RussianStems;
import reactor.core.publisher.Mono;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;


/**
 * Lists appeals with keyset pagination on (receivedAt, id), so that no item is skipped or repeated
 * while new appeals arrive. Text search matches Russian stems stored with each appeal, because
 * {@code $text} is not available on the embedded server.
 */
@Service
public class AppealSearch {

	/** The largest page a client may ask for. */
	public static final int MAX_PAGE_SIZE = AppealLimits.PAGE_SIZE;

	private final ReactiveMongoTemplate mongo;

	private final AppealAccess access;

	private final Clock clock;

	private final AppealSummaryReader summaries;

	public AppealSearch(ReactiveMongoTemplate mongo, AppealAccess access, Clock clock) {
		this.mongo = mongo;
		this.access = access;
		this.clock = clock;
		this.summaries = new AppealSummaryReader(mongo);
	}

	public Mono<Connection<Appeal>> appeals(Caller caller, AppealFilter filter, AppealOrder order, Integer first,
			String after) {
		return appeals(caller, filter, order, first, after, false);
	}

	/**
	 * As {@link #appeals(Caller, AppealFilter, AppealOrder, Integer, String)}; with {@code summary} the
	 * appeals come without their answers, history, citizen messages and search terms (empty lists), for
	 * selections that read none of them ({@link #isSummary}): a queue page then decodes and maps a fraction
	 * of each document.
	 */
	public Mono<Connection<Appeal>> appeals(Caller caller, AppealFilter filter, AppealOrder order, Integer first,
			String after, boolean summary) {
		return appeals(caller, filter, order, first, after, summary ? SUMMARY_FIELDS : null);
	}

	/**
	 * As {@link #appeals(Caller, AppealFilter, AppealOrder, Integer, String)} for a selection of the given
	 * appeal fields (null: any): a selection of {@link #SUMMARY_FIELDS} gets summary appeals holding only the
	 * stored fields those fields read ({@link #SUMMARY_READS}); the other components are empty. A queue page
	 * then neither encodes, decodes nor maps an appeal's last event, author, reach and the like it never shows.
	 */
	public Mono<Connection<Appeal>> appeals(Caller caller, AppealFilter filter, AppealOrder order, Integer first,
			String after, @Nullable Collection<String> selectedFields) {
		caller.requireAny(Role.values());
		boolean summary = selectedFields != null && isSummary(selectedFields);
		int size = (first != null) ? first : 20;
		if (size < 0 || size > MAX_PAGE_SIZE) {
			return Mono.error(OtklikException.invalidArgument("first must be between 0 and " + MAX_PAGE_SIZE));
		}
		AppealOrder direction = (order != null) ? order : AppealOrder.RECEIVED_DESC;
		Position position = (after != null && !after.isBlank()) ? Position.decode(after) : null;
		AppealFilter criteria = (filter != null) ? filter : AppealFilter.NONE;
		if (criteria.author() != null && !criteria.author().isBlank() && !maySearchAuthors(caller)) {
			// Author names are personal data (152-ФЗ): a head must not learn who wrote by probing names.
			throw new org.springframework.security.access.AccessDeniedException(
					"Searching by author needs access to personal data");
		}
		Instant now = this.clock.instant();
		return this.access.scope(caller).flatMap(scope -> {
			if (scope.isNothing()) {
				return Mono.just(page(List.of(), size, direction));
			}
			Query query = query(criteria, scope, direction, position, now).limit(size + 1);
			if (summary) {
				// Named inclusions, not exclusions: the embedded server answers an exclusion by cloning each
				// whole document deeply (answers and history included) before removing them, a tenth of a queue
				// page's CPU; an inclusion copies references to the named fields only. Real MongoDB is indifferent.
				query.fields().include(summaryInclusions(selectedFields, direction));
				return this.summaries.find(query).collectList().map(found -> page(found, size, direction));
			}
			return this.mongo.find(query, Appeal.class).collectList().map(found -> page(found, size, direction));
		});
	}

	/** What a summary page leaves out of each appeal: the lists that grow with its story. */
	static final List<String> SUMMARY_OMITS = List.of("answers", "history", "messages", "searchTerms");

	private volatile String @Nullable [] summaryInclusions;

	/**
	 * The stored fields of an appeal other than {@link #SUMMARY_OMITS}, from the mapping (so a component added
	 * to {@link Appeal} later is fetched without anyone remembering this list).
	 */
	String[] summaryInclusions() {
		String[] known = this.summaryInclusions;
		if (known == null) {
			List<String> fields = new ArrayList<>();
			this.mongo.getConverter().getMappingContext().getRequiredPersistentEntity(Appeal.class).forEach(property -> {
				if (!SUMMARY_OMITS.contains(property.getFieldName())) {
					fields.add(property.getFieldName());
				}
			});
			known = fields.toArray(String[]::new);
			this.summaryInclusions = known;
		}
		return known;
	}

	/**
	 * {@code Appeal} fields that read none of {@link #SUMMARY_OMITS}, directly or through their resolvers.
	 * Deliberately a list of what is known to be safe: a field added later (or another module's, such as
	 * {@code routing}, or {@code viewerCan}, which the lifecycle decides from answers and history) makes a
	 * selection read full appeals until it is added here.
	 */
	static final Set<String> SUMMARY_FIELDS = Set.of("__typename", "id", "version", "status", "channel", "number",
			"externalId", "url", "postedAt", "text", "author", "municipality", "settlement", "category", "urgent", "reach", "agency",
			"executor", "redirectCount", "returnCount", "receivedAt", "firstRespondedAt", "answeredAt", "closedAt",
			"reopenedAt", "sla", "source");

	/**
	 * The stored fields each of {@link #SUMMARY_FIELDS} reads, directly or through its data fetcher (the SLA
	 * clocks: the policy's keys and the lifecycle's instants). {@code author} is not here: its fetcher applies
	 * the personal-data rule, which may read other fields, so a selection with it gets the whole summary.
	 */
	static final Map<String, List<String>> SUMMARY_READS = Map.ofEntries(Map.entry("__typename", List.of()),
			Map.entry("id", List.of("_id")), Map.entry("version", List.of("version")), Map.entry("status", List.of("status")),
			Map.entry("channel", List.of("channel")), Map.entry("number", List.of("number")),
			Map.entry("externalId", List.of("externalId")), Map.entry("url", List.of("url")),
			Map.entry("postedAt", List.of("postedAt")), Map.entry("text", List.of("text")),
			Map.entry("municipality", List.of("municipality")), Map.entry("settlement", List.of("settlement")),
			Map.entry("category", List.of("category")), Map.entry("urgent", List.of("urgent")), Map.entry("reach", List.of("reach")),
			Map.entry("agency", List.of("agencyId")), Map.entry("executor", List.of("executor")),
			Map.entry("redirectCount", List.of("redirectCount")), Map.entry("returnCount", List.of("returnCount")),
			Map.entry("receivedAt", List.of("receivedAt")), Map.entry("firstRespondedAt", List.of("firstRespondedAt")),
			Map.entry("answeredAt", List.of("answeredAt")), Map.entry("closedAt", List.of("closedAt")),
			Map.entry("reopenedAt", List.of("reopenedAt")), Map.entry("sla", List.of("sla", "channel", "urgent", "category",
					"receivedAt", "firstRespondedAt", "answeredAt", "reopenedAt")),
			Map.entry("source", List.of("source")));

	/**
	 * The stored fields a summary page of the selected fields needs: what they read ({@link #SUMMARY_READS}),
	 * the id and the sort key its cursors are made of; the whole summary when one of them is not known there.
	 */
	String[] summaryInclusions(Collection<String> selectedFields, AppealOrder order) {
		Set<String> read = storedFieldsRead(selectedFields, order);
		return (read != null) ? read.toArray(String[]::new) : summaryInclusions();
	}

	/** The stored fields of {@link #summaryInclusions(Collection, AppealOrder)}, or null for the whole summary. */
	static @Nullable Set<String> storedFieldsRead(Collection<String> selectedFields, AppealOrder order) {
		Set<String> fields = new LinkedHashSet<>();
		fields.add("_id");
		fields.add((order == AppealOrder.DUE_ASC) ? "sla" : "receivedAt");
		for (String field : selectedFields) {
			List<String> reads = SUMMARY_READS.get(field);
			if (reads == null) {
				return null;
			}
			fields.addAll(reads);
		}
		return fields;
	}

	/** Whether a selection of appeal fields may be answered from summary appeals. */
	public static boolean isSummary(Collection<String> appealFields) {
		return SUMMARY_FIELDS.containsAll(appealFields);
	}

	/**
	 * The appeals among the given ids that the caller may read, oldest first: one query for a whole list
	 * another module keeps ids of (an incident's members).
	 */
	public reactor.core.publisher.Flux<Appeal> visible(Caller caller, java.util.Collection<String> ids) {
		caller.requireAny(Role.values());
		if (ids.isEmpty()) {
			return reactor.core.publisher.Flux.empty();
		}
		return this.access.scope(caller).flatMapMany(scope -> {
			if (scope.isNothing()) {
				return reactor.core.publisher.Flux.empty();
			}
			List<Criteria> all = new ArrayList<>();
			all.add(Criteria.where("_id").in(ids));
			if (!scope.all()) {
				all.add((scope.agencyId() != null) ? Criteria.where("agencyId").is(scope.agencyId())
						: Criteria.where("ingestedBy").is(scope.ingestedBy()));
			}
			return this.mongo.find(Query.query(new Criteria().andOperator(all.toArray(Criteria[]::new)))
				.with(Sort.by("receivedAt", "_id")), Appeal.class);
		});
	}

	/**
	 * Who may search by author: those who see the authors of every appeal in their scope (curators, the
	 * agency's executors, an integrator for what it sent), as {@link AppealAccess#canSeePersonalData} decides.
	 */
	static boolean maySearchAuthors(Caller caller) {
		return caller.isCurator() || caller.has(Role.EXECUTOR) || caller.has(Role.INTEGRATOR);
	}

	static Query query(AppealFilter filter, Scope scope, AppealOrder order, Position after, Instant now) {
		List<Criteria> all = new ArrayList<>();
		if (!scope.all()) {
			all.add((scope.agencyId() != null) ? Criteria.where("agencyId").is(scope.agencyId())
					: Criteria.where("ingestedBy").is(scope.ingestedBy()));
		}
		if (filter.statuses() != null && !filter.statuses().isEmpty()) {
			all.add(Criteria.where("status").in(filter.statuses()));
		}
		if (filter.agencyId() != null) {
			all.add(Criteria.where("agencyId").is(filter.agencyId()));
		}
		if (filter.category() != null) {
			all.add(Criteria.where("category").is(filter.category()));
		}
		if (filter.channel() != null) {
			all.add(Criteria.where("channel").is(filter.channel()));
		}
		if (filter.municipality() != null) {
			all.add(Criteria.where("municipality").is(filter.municipality()));
		}
		if (filter.settlement() != null && !filter.settlement().isBlank()) {
			// The whole name in any letter case: the stored one is the gazetteer's spelling.
			all.add(Criteria.where("settlement").regex(Pattern.compile("^" + Pattern.quote(filter.settlement().strip()) + "$",
					Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE)));
		}
		if (filter.urgent() != null) {
			all.add(Criteria.where("urgent").is(filter.urgent()));
		}
		if (filter.receivedFrom() != null) {
			all.add(Criteria.where("receivedAt").gte(filter.receivedFrom()));
		}
		if (filter.receivedTo() != null) {
			all.add(Criteria.where("receivedAt").lt(filter.receivedTo()));
		}
		if (filter.answeredFrom() != null) {
			all.add(Criteria.where("answeredAt").gte(filter.answeredFrom()));
		}
		if (filter.answeredTo() != null) {
			all.add(Criteria.where("answeredAt").lt(filter.answeredTo()));
		}
		if (filter.slaStates() != null && !filter.slaStates().isEmpty()) {
			all.add(new Criteria().orOperator(filter.slaStates().stream().distinct().map(state -> sla(state, now)).toList()));
		}
		if (filter.author() != null && !filter.author().isBlank()) {
			// A case-insensitive part of the name: only curators and executors may ask, and the other criteria
			// (scope, status, period) narrow the scan first.
			all.add(Criteria.where("author.name")
				.regex(Pattern.compile(Pattern.quote(filter.author().strip()), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE)));
		}
		if (filter.text() != null && !filter.text().isBlank()) {
			List<String> stems = RussianStems.distinct(filter.text());
			if (!stems.isEmpty()) {
				all.add(Criteria.where("searchTerms").all(stems));
			}
		}
		if (filter.number() != null && !filter.number().isBlank()) {
			Criteria number = org.otklik.appeal.internal.AppealNumbers.criteria(filter.number());
			// Text that cannot be a number matches no appeal rather than being ignored.
			all.add((number != null) ? number : Criteria.where("_id").exists(false));
		}
		boolean descending = order == AppealOrder.RECEIVED_DESC;
		String key = sortKey(order);
		if (order == AppealOrder.DUE_ASC) {
			// Appeals stored before SLA tracking have no due time; they cannot be ordered by it.
			all.add(Criteria.where(key).exists(true));
		}
		if (after != null) {
			ObjectId id = after.objectId();
			all.add(descending
					? new Criteria().orOperator(Criteria.where(key).lt(after.key()),
							new Criteria().andOperator(Criteria.where(key).is(after.key()), Criteria.where("_id").lt(id)))
					: new Criteria().orOperator(Criteria.where(key).gt(after.key()),
							new Criteria().andOperator(Criteria.where(key).is(after.key()), Criteria.where("_id").gt(id))));
		}
		Query query = all.isEmpty() ? new Query() : new Query(new Criteria().andOperator(all));
		Sort.Direction direction = descending ? Sort.Direction.DESC : Sort.Direction.ASC;
		return query.with(Sort.by(direction, key).and(Sort.by(direction, "_id")));
	}

	private static final List<String> OPEN = Arrays.stream(AppealStatus.values())
		.filter(AppealStatus::isOpen)
		.map(Enum::name)
		.toList();

	/**
	 * One SLA state as a criterion. «Overdue» is the figures' {@code overdueNow} (open, a clock not met and past
	 * due), so a tap on that figure lists exactly the appeals it counts. «At risk» uses the thresholds the SLA
	 * check announced, as the stored facts hold no at-risk instant; it can lag the check's interval.
	 */
	static Criteria sla(AppealSlaState state, Instant now) {
		Date at = Date.from(now);
		Criteria open = Criteria.where("status").in(OPEN);
		Criteria[] overdue = { new Criteria().andOperator(Criteria.where("firstRespondedAt").is(null),
				Criteria.where("sla.firstResponseDueAt").lt(at)),
				new Criteria().andOperator(Criteria.where("answeredAt").is(null), Criteria.where("sla.finalAnswerDueAt").lt(at)) };
		Criteria[] atRisk = { new Criteria().andOperator(Criteria.where("firstRespondedAt").is(null),
				Criteria.where("sla.announced").is("FIRST_RESPONSE:AT_RISK")),
				new Criteria().andOperator(Criteria.where("answeredAt").is(null), Criteria.where("sla.announced").is("FINAL_ANSWER:AT_RISK")) };
		return switch (state) {
			case OVERDUE -> new Criteria().andOperator(open, new Criteria().orOperator(overdue));
			case AT_RISK -> new Criteria().andOperator(open, new Criteria().norOperator(overdue),
					new Criteria().orOperator(atRisk));
			case ON_TRACK -> new Criteria().andOperator(open, Criteria.where("sla").exists(true),
					new Criteria().norOperator(overdue), new Criteria().norOperator(atRisk));
		};
	}

	static String sortKey(AppealOrder order) {
		return (order == AppealOrder.DUE_ASC) ? "sla.nextDueAt" : "receivedAt";
	}

	private static Connection<Appeal> page(List<Appeal> found, int size, AppealOrder order) {
		boolean more = found.size() > size;
		List<Appeal> items = more ? found.subList(0, size) : found;
		List<Connection.Edge<Appeal>> edges = items.stream()
			.map(appeal -> new Connection.Edge<>(Position.of(appeal, order).encode(), appeal))
			.toList();
		String start = edges.isEmpty() ? null : edges.get(0).cursor();
		String end = edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor();
		return new Connection<>(edges, new Connection.PageInfo(more, false, start, end));
	}

	/** Where a page ends: the sort key (receipt or due time) and id of its last appeal. */
	record Position(Instant key, String id) {

		static Position of(Appeal appeal, AppealOrder order) {
			Instant key = (order == AppealOrder.DUE_ASC)
					? ((appeal.sla() != null) ? appeal.sla().nextDueAt() : SlaSnapshot.NOTHING_DUE) : appeal.receivedAt();
			return new Position(key, appeal.id());
		}

		String encode() {
			return Cursors.encode("a1:" + this.key.toEpochMilli() + ":" + this.id);
		}

		static Position decode(String cursor) {
			String[] parts = Cursors.decode(cursor).split(":");
			try {
				if (parts.length == 3 && parts[0].equals("a1") && ObjectId.isValid(parts[2])) {
					return new Position(Instant.ofEpochMilli(Long.parseLong(parts[1])), parts[2]);
				}
			}
			catch (NumberFormatException ex) {
				// reported below
			}
			throw new OtklikException(ErrorDetail.INVALID_CURSOR, "Неверный курсор страницы");
		}

		ObjectId objectId() {
			return new ObjectId(this.id);
		}

	}

}
