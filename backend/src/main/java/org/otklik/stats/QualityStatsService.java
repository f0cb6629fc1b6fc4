package org.otklik.stats;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.bson.Document;
import org.otklik.agency.Agency;
import org.otklik.agency.AgencyService;
import org.otklik.appeal.Person;
import org.otklik.graphql.OtklikException;
import org.otklik.quality.QualityRule;
import org.otklik.security.Caller;
import org.otklik.security.Role;
import org.otklik.sla.SlaProperties;
import reactor.core.publisher.Mono;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.aggregation.AggregationOperation;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

import static org.otklik.appeal.AppealAccess.requireAny;

/**
 * The agency's "growth zones": how often each mistake of the quality coach occurs in the answers
 * submitted in a period, per agency and per executor, by day, with example fragments. It answers
 * "what should our next training cover". Counting happens in MongoDB; only the groups come back.
 */
@Service
public class QualityStatsService {

	static final int EXAMPLES = 3;

	private final ReactiveMongoTemplate mongo;

	private final AgencyService agencies;

	private final ZoneId zone;

	private final Clock clock;

	public QualityStatsService(ReactiveMongoTemplate mongo, AgencyService agencies, SlaProperties sla, Clock clock) {
		this.mongo = mongo;
		this.agencies = agencies;
		this.zone = sla.zone();
		this.clock = clock;
	}

	/** One agency's growth zones (curators: any agency or, with no agency, the region). */
	public Mono<QualityStats> qualityStats(Caller caller, String agencyId, StatsPeriodInput input) {
		return Mono.defer(() -> {
			requireAny(caller, Role.CURATOR, Role.HEAD, Role.EXECUTOR);
			Mono<Boolean> allowed = caller.isCurator() ? Mono.just(true)
					: (agencyId == null) ? Mono.just(false)
							: this.agencies.agencyIdOf(caller).map(own -> own.equals(agencyId)).defaultIfEmpty(false);
			return allowed.flatMap(ok -> {
				if (!ok) {
					return Mono.error(new AccessDeniedException("Quality figures of another agency"));
				}
				ResolvedPeriod period = ResolvedPeriod.resolve(input, LocalDate.now(this.clock.withZone(this.zone)), this.zone);
				Mono<Agency> agency = (agencyId == null) ? Mono.empty()
						: this.agencies.byId(agencyId)
							.switchIfEmpty(Mono.error(() -> OtklikException.invalidArgument("Ведомство не найдено")));
				return agency.map(java.util.Optional::of)
					.defaultIfEmpty(java.util.Optional.empty())
					.flatMap(found -> aggregate(agencyId, period)
						.map(facets -> build(found.orElse(null), period, facets)));
			});
		});
	}

	private Mono<Document> aggregate(String agencyId, ResolvedPeriod period) {
		Document inPeriod = new Document("$gte", java.util.Date.from(period.from())).append("$lt",
				java.util.Date.from(period.to()));
		Document match = new Document("answers.submittedAt", inPeriod);
		if (agencyId != null) {
			match.append("agencyId", agencyId);
		}
		String tz = this.zone.getId();
		Document findingFields = new Document("answerId", "$answers._id")
			.append("author", "$answers.author")
			.append("rule", "$answers.quality.findings.rule")
			.append("fragment", "$answers.quality.findings.fragment")
			.append("day", new Document("$dateToString",
					new Document("format", "%Y-%m-%d").append("date", "$answers.submittedAt").append("timezone", tz)));
		List<AggregationOperation> stages = List.of(
				stage("$match", match),
				stage("$project", new Document("answers", 1)),
				stage("$unwind", new Document("path", "$answers")),
				stage("$match", new Document("answers.submittedAt", inPeriod)),
				stage("$facet", new Document()
					.append("answers", List.of(
							new Document("$group", new Document("_id", new Document("author", "$answers.author._id")
								.append("day", new Document("$dateToString", new Document("format", "%Y-%m-%d")
									.append("date", "$answers.submittedAt").append("timezone", tz))))
								.append("name", new Document("$first", "$answers.author.name"))
								.append("answers", new Document("$sum", 1))
								.append("scoreSum", new Document("$sum", new Document("$ifNull",
										List.of("$answers.quality.score", 0))))
								.append("scored", new Document("$sum", new Document("$cond",
										List.of(new Document("$gt", java.util.Arrays.asList("$answers.quality.score", null)), 1, 0)))))))
					.append("findings", List.of(
							new Document("$unwind", new Document("path", "$answers.quality.findings")),
							new Document("$project", findingFields),
							// One count per answer and rule, however many fragments the rule marked.
							new Document("$group", new Document("_id", new Document("answerId", "$answerId")
								.append("rule", "$rule"))
								.append("author", new Document("$first", "$author"))
								.append("day", new Document("$first", "$day"))
								.append("fragments", new Document("$push", "$fragment")))))));
		return this.mongo.aggregate(Aggregation.newAggregation(stages), "appeals", Document.class).next()
			.defaultIfEmpty(new Document());
	}

	private static AggregationOperation stage(String name, Document body) {
		return context -> new Document(name, body);
	}

	@SuppressWarnings("unchecked")
	private static QualityStats build(Agency agency, ResolvedPeriod period, Document facets) {
		List<Document> answerGroups = (List<Document>) facets.getOrDefault("answers", List.of());
		List<Document> findings = (List<Document>) facets.getOrDefault("findings", List.of());

		int total = 0;
		long scoreSum = 0;
		int scored = 0;
		Map<String, ExecutorTally> executors = new LinkedHashMap<>();
		Map<String, Integer> answersByDay = new LinkedHashMap<>();
		for (Document group : answerGroups) {
			Document id = (Document) group.get("_id");
			int n = group.getInteger("answers", 0);
			total += n;
			scoreSum += ((Number) group.getOrDefault("scoreSum", 0)).longValue();
			scored += ((Number) group.getOrDefault("scored", 0)).intValue();
			String author = Objects.toString(id.get("author"), "?");
			executors.computeIfAbsent(author, a -> new ExecutorTally(new Person(a, group.getString("name")))).answers += n;
			answersByDay.merge(id.getString("day"), n, Integer::sum);
		}

		Map<QualityRule, Integer> byRule = new LinkedHashMap<>();
		Map<QualityRule, List<String>> examples = new LinkedHashMap<>();
		Map<String, Map<QualityRule, Integer>> byDay = new LinkedHashMap<>();
		for (Document finding : findings) {
			Document id = (Document) finding.get("_id");
			QualityRule rule = QualityRule.valueOf(id.getString("rule"));
			byRule.merge(rule, 1, Integer::sum);
			List<String> kept = examples.computeIfAbsent(rule, r -> new ArrayList<>());
			for (Object fragment : (List<Object>) finding.getOrDefault("fragments", List.of())) {
				if (fragment instanceof String text && kept.size() < EXAMPLES && !kept.contains(text)) {
					kept.add(text);
				}
			}
			Document author = (Document) finding.get("author");
			String authorId = (author != null) ? Objects.toString(author.get("_id"), "?") : "?";
			executors.computeIfAbsent(authorId, a -> new ExecutorTally(new Person(a, (author != null) ? author.getString("name") : null)))
				.rules.merge(rule, 1, Integer::sum);
			byDay.computeIfAbsent(finding.getString("day"), d -> new LinkedHashMap<>()).merge(rule, 1, Integer::sum);
		}

		int answers = total;
		List<QualityStats.RuleStats> rules = new ArrayList<>();
		for (QualityRule rule : QualityRule.values()) {
			int n = byRule.getOrDefault(rule, 0);
			rules.add(new QualityStats.RuleStats(rule, n, (answers > 0) ? (double) n / answers : 0.0,
					examples.getOrDefault(rule, List.of())));
		}
		// The most frequent mistakes first: that is what the next training should cover.
		rules.sort(Comparator.comparingInt(QualityStats.RuleStats::answers).reversed());

		List<QualityStats.ExecutorQualityStats> perExecutor = executors.values().stream()
			.map(t -> new QualityStats.ExecutorQualityStats(t.person, t.answers, counts(t.rules)))
			.sorted(Comparator.comparingInt(QualityStats.ExecutorQualityStats::answers).reversed())
			.toList();

		List<QualityStats.QualityDay> trend = new ArrayList<>();
		for (LocalDate day = period.fromDate(); !day.isAfter(period.toDate()); day = day.plusDays(1)) {
			String key = day.toString();
			trend.add(new QualityStats.QualityDay(day, answersByDay.getOrDefault(key, 0),
					counts(byDay.getOrDefault(key, Map.of()))));
		}
		Double average = (scored > 0) ? (double) scoreSum / scored : null;
		return new QualityStats(agency, period, answers, average, rules, perExecutor, trend);
	}

	private static List<QualityStats.RuleCount> counts(Map<QualityRule, Integer> byRule) {
		return byRule.entrySet().stream().map(e -> new QualityStats.RuleCount(e.getKey(), e.getValue())).toList();
	}

	private static final class ExecutorTally {

		final Person person;

		int answers;

		final Map<QualityRule, Integer> rules = new LinkedHashMap<>();

		ExecutorTally(Person person) {
			this.person = person;
		}

	}

}
