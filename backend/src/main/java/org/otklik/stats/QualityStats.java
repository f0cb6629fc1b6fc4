package org.otklik.stats;

import java.time.LocalDate;
import java.util.List;

import org.otklik.agency.Agency;
import org.otklik.appeal.Person;
import org.otklik.quality.QualityRule;

/**
 * Growth zones of an agency (or of the region) for a period.
 *
 * @param agency the agency, or null for the region
 * @param period the resolved period
 * @param answers answers submitted in the period
 * @param averageScore average quality score of those answers
 * @param rules each rule with how many answers broke it, most frequent first
 * @param executors per executor: answers and mistakes
 * @param trend per local day: answers and mistakes
 */
public record QualityStats(Agency agency, ResolvedPeriod period, int answers, Double averageScore, List<RuleStats> rules,
		List<ExecutorQualityStats> executors, List<QualityDay> trend) {

	/** How often one mistake occurs, with examples. */
	public record RuleStats(QualityRule rule, int answers, double share, List<String> examples) {
	}

	/** One executor's answers and mistakes. */
	public record ExecutorQualityStats(Person executor, int answers, List<RuleCount> rules) {
	}

	/** How many answers broke a rule. */
	public record RuleCount(QualityRule rule, int answers) {
	}

	/** One local day. */
	public record QualityDay(LocalDate date, int answers, List<RuleCount> rules) {
	}

}
