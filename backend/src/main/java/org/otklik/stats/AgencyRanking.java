package org.otklik.stats;

import java.util.List;

/**
 * Agencies ordered by score for a period, with those that cannot be rated fairly listed apart, as regional
 * ratings do.
 *
 * @param period the period
 * @param rated agencies with a score, best first
 * @param unrated agencies listed apart, by name
 * @param firstResponseTargetSeconds the median first-response working time that earns full speed marks
 * @param minAppeals appeals an agency must receive in the period to be rated
 */
public record AgencyRanking(ResolvedPeriod period, List<AgencyRankingEntry> rated, List<AgencyRankingEntry> unrated,
		int firstResponseTargetSeconds, int minAppeals) {
}
