package org.otklik.appeal.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import org.bson.Document;
import org.otklik.appeal.AppealEventType;
import org.otklik.appeal.AppealFigures;
import org.otklik.appeal.AppealStatus;
import org.otklik.appeal.Channel;
import org.otklik.region.Category;
import org.otklik.region.Municipality;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Component;

/**
 * The one aggregation behind every statistics query. It runs on real MongoDB and on the embedded
 * mongo-java-server alike, so it uses only the query language in {@code $match} and the stages both
 * support ({@code $match $facet $sort $group $unwind}, {@code $dateToString} with a {@code timezone}); no
 * {@code $dateDiff}, no {@code $percentile}.
 * <p>
 * Nothing but aggregated groups reaches the JVM: counts per bucket, per local day and per agency, and for
 * percentiles one ascending array of seconds per clock (and per agency for the ranking), made by
 * {@code $sort} then {@code $group}/{@code $push}. An array is one number per clock met in the period, a
 * few thousand at the region's scale (about 13,500 appeals a year), far below the 16 MB document limit;
 * MongoDB before 7.0 has no percentile accumulator, and the embedded server has none at all.
 * <p>
 * An indexed {@code $match} first narrows the collection to appeals that can matter: received, responded
 * to or answered in the period, open now, or with a redirect, rejection or review in the period. Each
 * branch of that {@code $or} has an index (see {@link FigureIndexes}); the {@code $facet} branches then work
 * on that small set only.
 */
@Component
public class AppealFiguresQuery implements AppealFigures {

	static final List<String> OPEN = Arrays.stream(AppealStatus.values())
		.filter(AppealStatus::isOpen)
		.map(Enum::name)
		.toList();

	static final String REDIRECTED = AppealEventType.REDIRECTED.name();

	/** History entries counted against the appeal's current agency. */
	static final List<String> AGENCY_EVENTS = List.of(AppealEventType.ANSWER_RETURNED.name(),
			AppealEventType.ANSWER_APPROVED.name(), AppealEventType.REJECTED.name());

	static final List<String> EVENTS = List.of(REDIRECTED, AppealEventType.ANSWER_RETURNED.name(),
			AppealEventType.ANSWER_APPROVED.name(), AppealEventType.REJECTED.name());

	private final ReactiveMongoTemplate mongo;

	public AppealFiguresQuery(ReactiveMongoTemplate mongo) {
		this.mongo = mongo;
	}

	/**
	 * Tallies one scope for a period.
	 * @param agencyId the agency whose appeals count, or null for the whole region
	 * @param period the period
	 * @param now the moment «open now» and «overdue now» refer to
	 * @param perAgency whether clocks, events and open counts are kept per agency (for the ranking)
	 */
	@Override
	public Mono<Tally> tally(String agencyId, Period period, Instant now, boolean perAgency) {
		List<Document> pipeline = pipeline(agencyId, period, now, perAgency);
		return this.mongo.getCollection(AppealStore.COLLECTION)
			.flatMap(collection -> Flux.from(collection.aggregate(pipeline)).next())
			.defaultIfEmpty(new Document())
			.map(result -> read(result, period, perAgency));
	}

	static List<Document> pipeline(String agencyId, Period period, Instant now, boolean perAgency) {
		Document range = range(period.from(), period.to());
		Function<Document, Document> scoped = (agencyId != null)
				? criteria -> new Document("agencyId", agencyId).append("$and", List.of(criteria))
				: Function.identity();
		Object key = perAgency ? "$agencyId" : null;

		Document facets = new Document();
		facets.append("received", List.of(match(scoped.apply(new Document("receivedAt", range))), bucketGroup()));
		facets.append("answered", List.of(match(scoped.apply(new Document("answeredAt", range))), bucketGroup()));
		facets.append("overdue", List.of(match(scoped.apply(overdue(now))), bucketGroup()));
		facets.append("open", List.of(match(scoped.apply(new Document("status", new Document("$in", OPEN)))),
				new Document("$group", new Document("_id", key).append("n", count()))));
		facets.append("receivedDays", List.of(match(scoped.apply(new Document("receivedAt", range))),
				dayGroup("$receivedAt", period)));
		facets.append("answeredDays", List.of(match(scoped.apply(new Document("answeredAt", range))),
				dayGroup("$answeredAt", period)));
		for (Clock clock : Clock.values()) {
			clock.facets(facets, scoped, range, period, now, key);
		}
		facets.append("events", events(agencyId, range));

		return List.of(match(relevant(agencyId, range)), new Document("$facet", facets));
	}

	@Override
	public Mono<AnswerTally> answers(String agencyId, Period period) {
		Document inPeriod = range(period.from(), period.to());
		Document first = new Document("answers.submittedAt", inPeriod);
		if (agencyId != null) {
			first.append("agencyId", agencyId);
		}
		String tz = period.zone().getId();
		Document day = new Document("$dateToString",
				new Document("format", "%Y-%m-%d").append("date", "$answers.submittedAt").append("timezone", tz));
		Document findingFields = new Document("answerId", "$answers._id")
			.append("author", "$answers.author")
			.append("rule", "$answers.quality.findings.rule")
			.append("fragment", "$answers.quality.findings.fragment")
			.append("day", day);
		List<Document> pipeline = List.of(match(first),
				new Document("$project", new Document("answers", 1)),
				new Document("$unwind", new Document("path", "$answers")),
				match(new Document("answers.submittedAt", inPeriod)),
				new Document("$facet", new Document()
					.append("answers", List.of(new Document("$group",
							new Document("_id", new Document("author", "$answers.author._id").append("day", day))
								.append("name", new Document("$first", "$answers.author.name"))
								.append("answers", count())
								.append("scoreSum", new Document("$sum", new Document("$ifNull",
										List.of("$answers.quality.score", 0))))
								.append("scored", new Document("$sum", new Document("$cond",
										List.of(new Document("$gt", Arrays.asList("$answers.quality.score", null)), 1, 0)))))))
					.append("findings", List.of(
							new Document("$unwind", new Document("path", "$answers.quality.findings")),
							new Document("$project", findingFields),
							// One count per answer and rule, however many fragments the rule marked.
							new Document("$group", new Document("_id", new Document("answerId", "$answerId")
								.append("rule", "$rule"))
								.append("author", new Document("$first", "$author"))
								.append("day", new Document("$first", "$day"))
								.append("fragments", new Document("$push", "$fragment")))))));
		return this.mongo.getCollection(AppealStore.COLLECTION)
			.flatMap(collection -> Flux.from(collection.aggregate(pipeline)).next())
			.defaultIfEmpty(new Document())
			.map(AppealFiguresQuery::readAnswers);
	}

	@SuppressWarnings("unchecked")
	static AnswerTally readAnswers(Document facets) {
		List<AnswerGroup> answers = new ArrayList<>();
		for (Document group : rows(facets, "answers")) {
			Document id = (Document) group.get("_id");
			String day = id.getString("day");
			answers.add(new AnswerGroup(new org.otklik.appeal.Person(java.util.Objects.toString(id.get("author"), "?"),
					group.getString("name")), (day != null) ? LocalDate.parse(day) : null, n(group, "answers"),
					((Number) group.getOrDefault("scoreSum", 0)).longValue(), n(group, "scored")));
		}
		List<FindingGroup> findings = new ArrayList<>();
		for (Document finding : rows(facets, "findings")) {
			Document id = (Document) finding.get("_id");
			org.otklik.quality.QualityRule rule = constant(org.otklik.quality.QualityRule.class, id.getString("rule"));
			if (rule == null) {
				continue;
			}
			Document author = (Document) finding.get("author");
			String day = finding.getString("day");
			List<String> fragments = new ArrayList<>();
			for (Object fragment : (List<Object>) finding.getOrDefault("fragments", List.of())) {
				if (fragment instanceof String text) {
					fragments.add(text);
				}
			}
			findings.add(new FindingGroup(id.getString("answerId"), rule,
					new org.otklik.appeal.Person((author != null) ? java.util.Objects.toString(author.get("_id"), "?") : "?",
							(author != null) ? author.getString("name") : null),
					(day != null) ? LocalDate.parse(day) : null, fragments));
		}
		return new AnswerTally(answers, findings);
	}

	private static int n(Document row, String key) {
		Object value = row.get(key);
		return (value instanceof Number number) ? number.intValue() : 0;
	}

	/** The first, index-backed narrowing: every branch starts with an indexed field. */
	static Document relevant(String agencyId, Document range) {
		List<Document> branches = new ArrayList<>();
		for (Document branch : List.of(new Document("receivedAt", range), new Document("answeredAt", range),
				new Document("firstRespondedAt", range), new Document("status", new Document("$in", OPEN)),
				historyIn(agencyId != null ? AGENCY_EVENTS : EVENTS, range))) {
			branches.add((agencyId != null) ? new Document("agencyId", agencyId).append("$and", List.of(branch)) : branch);
		}
		if (agencyId != null) {
			// Redirects count against the agency the appeal left, which is no longer its agencyId.
			branches.add(new Document("history", new Document("$elemMatch",
					new Document("type", REDIRECTED).append("fromAgencyId", agencyId).append("at", range))));
		}
		return new Document("$or", branches);
	}

	/**
	 * Open with a clock past due and unmet. A met clock has its «met at» field set ({@code firstRespondedAt},
	 * {@code answeredAt}), so those fields tell which clocks still run; old appeals without {@code sla} never match.
	 */
	static Document overdue(Instant now) {
		Date at = Date.from(now);
		return new Document("status", new Document("$in", OPEN)).append("$or",
				List.of(new Document("firstRespondedAt", null).append("sla.firstResponseDueAt", new Document("$lt", at)),
						new Document("answeredAt", null).append("sla.finalAnswerDueAt", new Document("$lt", at))));
	}

	/** History entries of the period, one row each after {@code $unwind}, grouped by type and attribution. */
	static List<Document> events(String agencyId, Document range) {
		Document entries = new Document("history.type", new Document("$in", EVENTS)).append("history.at", range);
		Document before;
		if (agencyId != null) {
			before = new Document("$or", List.of(
					new Document("agencyId", agencyId).append("history", historyIn(AGENCY_EVENTS, range).get("history")),
					new Document("history", new Document("$elemMatch",
							new Document("type", REDIRECTED).append("fromAgencyId", agencyId).append("at", range)))));
			entries.append("$or", List.of(
					new Document("history.type", REDIRECTED).append("history.fromAgencyId", agencyId),
					new Document("history.type", new Document("$in", AGENCY_EVENTS)).append("agencyId", agencyId)));
		}
		else {
			before = historyIn(EVENTS, range);
		}
		return List.of(match(before), new Document("$unwind", "$history"), match(entries),
				new Document("$group", new Document("_id", new Document("type", "$history.type")
					.append("agencyId", "$agencyId")
					.append("fromAgencyId", "$history.fromAgencyId")).append("n", count())));
	}

	static Document historyIn(List<String> types, Document range) {
		return new Document("history",
				new Document("$elemMatch", new Document("type", new Document("$in", types)).append("at", range)));
	}

	/** The two SLA clocks and the stored fields each is measured by. */
	enum Clock {

		FIRST_RESPONSE("firstResponse", "firstRespondedAt"), FINAL_ANSWER("finalAnswer", "answeredAt");

		final String name;

		final String metAt;

		Clock(String name, String metAt) {
			this.name = name;
			this.metAt = metAt;
		}

		String sla(String suffix) {
			return "sla." + this.name + suffix;
		}

		void facets(Document facets, Function<Document, Document> scoped, Document range, Period period,
				Instant now, Object key) {
			// Clocks met within the period, measured by the seconds stored when they were met.
			Document measured = new Document(this.metAt, range).append(sla("BusinessSeconds"), new Document("$ne", null))
				.append(sla("CalendarSeconds"), new Document("$ne", null));
			for (String unit : List.of("BusinessSeconds", "CalendarSeconds")) {
				// $sort then $push keeps the order, so each group's array arrives ascending for nearest-rank percentiles.
				facets.append(this.name + unit, List.of(match(scoped.apply(measured)),
						new Document("$sort", new Document(sla(unit), 1)),
						new Document("$group", new Document("_id", key).append("v", new Document("$push", "$" + sla(unit))))));
			}
			facets.append(this.name + "Met",
					List.of(match(scoped.apply(new Document(this.metAt, range).append(sla("Met"),
							new Document("$in", List.of(true, false))))),
							new Document("$group", new Document("_id", new Document("agencyId", key).append("met", "$" + sla("Met")))
								.append("n", count()))));
			// Missed: fell due in the period (before now) and still not met; the ranking counts them as misses.
			Instant until = now.isBefore(period.to()) ? now : period.to();
			Document due = new Document("$gte", Date.from(period.from())).append("$lt", Date.from(until));
			facets.append(this.name + "Missed", List.of(match(scoped.apply(new Document("status", new Document("$in", OPEN))
				.append(this.metAt, null)
				.append(sla("DueAt"), due))), new Document("$group", new Document("_id", key).append("n", count()))));
		}

	}

	static Document range(Instant from, Instant to) {
		return new Document("$gte", Date.from(from)).append("$lt", Date.from(to));
	}

	static Document match(Document criteria) {
		return new Document("$match", criteria);
	}

	static Document count() {
		return new Document("$sum", 1);
	}

	static Document bucketGroup() {
		return new Document("$group", new Document("_id", new Document("channel", "$channel").append("category", "$category")
			.append("municipality", "$municipality")
			.append("agencyId", "$agencyId")).append("n", count()));
	}

	/**
	 * Groups by local day with {@code $dateToString} in the period's zone. Both servers honour its
	 * {@code timezone} option (checked by StatsIntegrationTests across Magadan's midnight), so no fixed
	 * offset is subtracted.
	 */
	static Document dayGroup(String field, Period period) {
		return new Document("$group", new Document("_id", new Document("$dateToString",
				new Document("format", "%Y-%m-%d").append("date", field).append("timezone", period.zone().getId())))
			.append("n", count()));
	}

	// ---------------------------------------------------------------- reading the result

	static Tally read(Document result, Period period, boolean perAgency) {
		Map<BucketKey, int[]> buckets = new LinkedHashMap<>();
		for (Document row : rows(result, "received")) {
			buckets.computeIfAbsent(bucket(row), k -> new int[3])[0] += n(row);
		}
		for (Document row : rows(result, "answered")) {
			buckets.computeIfAbsent(bucket(row), k -> new int[3])[1] += n(row);
		}
		for (Document row : rows(result, "overdue")) {
			buckets.computeIfAbsent(bucket(row), k -> new int[3])[2] += n(row);
		}
		Map<String, Integer> open = new HashMap<>();
		for (Document row : rows(result, "open")) {
			open.merge(row.getString("_id"), n(row), Integer::sum);
		}
		Map<LocalDate, int[]> days = new TreeMap<>();
		for (LocalDate day = period.fromDate(); !day.isAfter(period.toDate()); day = day.plusDays(1)) {
			days.put(day, new int[2]);
		}
		for (Document row : rows(result, "receivedDays")) {
			days.computeIfAbsent(LocalDate.parse(row.getString("_id")), k -> new int[2])[0] += n(row);
		}
		for (Document row : rows(result, "answeredDays")) {
			days.computeIfAbsent(LocalDate.parse(row.getString("_id")), k -> new int[2])[1] += n(row);
		}
		Map<Clock, Map<String, ClockBuilder>> clocks = new EnumMap<>(Clock.class);
		for (Clock clock : Clock.values()) {
			Map<String, ClockBuilder> byAgency = new HashMap<>();
			clocks.put(clock, byAgency);
			for (Document row : rows(result, clock.name + "BusinessSeconds")) {
				byAgency.computeIfAbsent(row.getString("_id"), k -> new ClockBuilder()).business = seconds(row);
			}
			for (Document row : rows(result, clock.name + "CalendarSeconds")) {
				byAgency.computeIfAbsent(row.getString("_id"), k -> new ClockBuilder()).calendar = seconds(row);
			}
			for (Document row : rows(result, clock.name + "Met")) {
				Document id = row.get("_id", Document.class);
				ClockBuilder counts = byAgency.computeIfAbsent(id.getString("agencyId"), k -> new ClockBuilder());
				if (Boolean.TRUE.equals(id.getBoolean("met"))) {
					counts.onTime += n(row);
				}
				else {
					counts.late += n(row);
				}
			}
			for (Document row : rows(result, clock.name + "Missed")) {
				byAgency.computeIfAbsent(row.getString("_id"), k -> new ClockBuilder()).missed += n(row);
			}
		}
		Map<List<Object>, Integer> events = new LinkedHashMap<>();
		for (Document row : rows(result, "events")) {
			Document id = row.get("_id", Document.class);
			AppealEventType type = constant(AppealEventType.class, id.getString("type"));
			if (type == null) {
				continue;
			}
			String agency = perAgency
					? id.getString((type == AppealEventType.REDIRECTED) ? "fromAgencyId" : "agencyId") : null;
			events.merge(java.util.Arrays.asList(type, agency), n(row), Integer::sum);
		}
		return new Tally(
				buckets.entrySet().stream().map(e -> new Bucket(e.getKey().channel(), e.getKey().category(),
						e.getKey().municipality(), e.getKey().agencyId(), e.getValue()[0], e.getValue()[1], e.getValue()[2]))
					.toList(),
				open,
				days.entrySet().stream().map(e -> new Day(e.getKey(), e.getValue()[0], e.getValue()[1])).toList(),
				built(clocks.get(Clock.FIRST_RESPONSE)), built(clocks.get(Clock.FINAL_ANSWER)),
				events.entrySet().stream().map(e -> new EventCount((AppealEventType) e.getKey().get(0),
						(String) e.getKey().get(1), e.getValue())).toList());
	}

	private static Map<String, ClockTally> built(Map<String, ClockBuilder> byAgency) {
		Map<String, ClockTally> built = new HashMap<>();
		byAgency.forEach((agency, b) -> built.put(agency, new ClockTally(b.business, b.calendar, b.onTime, b.late, b.missed)));
		return built;
	}

	private record BucketKey(Channel channel, Category category, Municipality municipality, String agencyId) {
	}

	private static final class ClockBuilder {

		List<Long> business = List.of();

		List<Long> calendar = List.of();

		int onTime;

		int late;

		int missed;

	}

	private static List<Document> rows(Document result, String facet) {
		List<Document> rows = result.getList(facet, Document.class);
		return (rows != null) ? rows : List.of();
	}

	private static int n(Document row) {
		return ((Number) row.get("n")).intValue();
	}

	private static List<Long> seconds(Document row) {
		List<?> values = row.get("v", List.class);
		List<Long> seconds = new ArrayList<>(values.size());
		for (Object value : values) {
			seconds.add(((Number) value).longValue());
		}
		return seconds;
	}

	private static BucketKey bucket(Document row) {
		Document id = row.get("_id", Document.class);
		return new BucketKey(constant(Channel.class, id.getString("channel")),
				constant(Category.class, id.getString("category")),
				constant(Municipality.class, id.getString("municipality")), id.getString("agencyId"));
	}

	/** An enum constant, or null for a missing or unknown name (a value written by a newer release). */
	private static <E extends Enum<E>> E constant(Class<E> type, String name) {
		if (name == null) {
			return null;
		}
		try {
			return Enum.valueOf(type, name);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

}
