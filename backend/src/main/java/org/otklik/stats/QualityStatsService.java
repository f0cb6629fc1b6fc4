package org.otklik.stats;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.otklik.agency.Agency;
import org.otklik.agency.AgencyService;
import org.otklik.appeal.AppealFigures;
import org.otklik.appeal.Person;
import org.otklik.graphql.OtklikException;
import org.otklik.quality.QualityRule;
import org.otklik.security.Caller;
import org.otklik.security.Role;
import org.otklik.sla.SlaProperties;
import reactor.core.publisher.Mono;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;


/**
 * The agency's "growth zones": how often each mistake of the quality coach occurs in the answers
 * submitted in a period, per agency and per executor, by day, with example fragments. It answers
 * "what should our next training cover". Counting happens in MongoDB; only the groups come back.
 */
@Service
public class QualityStatsService {

	static final int EXAMPLES = 3;

	private final AppealFigures figures;

	private final AgencyService agencies;

	private final ZoneId zone;

	private final Clock clock;

	public QualityStatsService(AppealFigures figures, AgencyService agencies, SlaProperties sla, Clock clock) {
		this.figures = figures;
		this.agencies = agencies;
		this.zone = sla.zone();
		this.clock = clock;
	}

	/** One agency's growth zones (curators: any agency or, with no agency, the region). */
	public Mono<QualityStats> qualityStats(Caller caller, String agencyId, StatsPeriodInput input) {
		return Mono.defer(() -> {
			caller.requireAny(Role.CURATOR, Role.HEAD, Role.EXECUTOR);
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
					.flatMap(found -> this.figures.answers(agencyId, period.forFigures())
						.map(tally -> build(found.orElse(null), period, tally)));
			});
		});
	}

	private static QualityStats build(Agency agency, ResolvedPeriod period, AppealFigures.AnswerTally tally) {
		int total = 0;
		long scoreSum = 0;
		int scored = 0;
		Map<String, ExecutorTally> executors = new LinkedHashMap<>();
		Map<LocalDate, Integer> answersByDay = new LinkedHashMap<>();
		for (AppealFigures.AnswerGroup group : tally.answers()) {
			total += group.answers();
			scoreSum += group.scoreSum();
			scored += group.scored();
			executors.computeIfAbsent(group.author().id(), a -> new ExecutorTally(group.author())).answers += group.answers();
			answersByDay.merge(group.day(), group.answers(), Integer::sum);
		}

		Map<QualityRule, Integer> byRule = new LinkedHashMap<>();
		Map<QualityRule, List<String>> examples = new LinkedHashMap<>();
		Map<LocalDate, Map<QualityRule, Integer>> byDay = new LinkedHashMap<>();
		for (AppealFigures.FindingGroup finding : tally.findings()) {
			QualityRule rule = finding.rule();
			byRule.merge(rule, 1, Integer::sum);
			List<String> kept = examples.computeIfAbsent(rule, r -> new ArrayList<>());
			for (String text : finding.fragments()) {
				if (kept.size() < EXAMPLES && !kept.contains(text)) {
					kept.add(text);
				}
			}
			executors.computeIfAbsent(finding.author().id(), a -> new ExecutorTally(finding.author()))
				.rules.merge(rule, 1, Integer::sum);
			byDay.computeIfAbsent(finding.day(), d -> new LinkedHashMap<>()).merge(rule, 1, Integer::sum);
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
			trend.add(new QualityStats.QualityDay(day, answersByDay.getOrDefault(day, 0),
					counts(byDay.getOrDefault(day, Map.of()))));
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
