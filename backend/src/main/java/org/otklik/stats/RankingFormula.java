package org.otklik.stats;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.otklik.agency.Agency;
import org.otklik.stats.AgencyRankingEntry.UnratedReason;

/**
 * The documented score of the agency ranking (also in {@code stats.graphqls} and {@code docs/stats.md}):
 * <pre>
 * speed     = min(1, target / median first-response working time)      weight 0.4
 * deadlines = on time / (on time + late + missed), both clocks          weight 0.4
 * quality   = 1 − returned / (returned + approved) final answers        weight 0.2
 * citizens  = share of citizens' ratings 4–5 (at least 3 ratings)       weight 0.25
 * score     = 100 × Σ weight × component / Σ weight over the components that have data
 * </pre>
 * The citizens' weight is added on top of the first three (rather than taken from them) so that an agency
 * nobody rated yet keeps exactly the score it had before ratings existed; with all four measured it makes
 * a fifth of the score.
 * Agencies that received fewer than {@code minAppeals} appeals, or have no component at all, are listed
 * apart. Equal scores (to one decimal) share a place.
 */
final class RankingFormula {

	static final double SPEED_WEIGHT = 0.4;

	static final double DEADLINES_WEIGHT = 0.4;

	static final double QUALITY_WEIGHT = 0.2;

	static final double SATISFACTION_WEIGHT = 0.25;

	/** Fewer ratings than this say too little about an agency to move its score. */
	static final int MIN_RATINGS = 3;

	private RankingFormula() {
	}

	static AgencyRanking rank(ResolvedPeriod period, List<Agency> agencies, StatsTally tally, StatsProperties properties) {
		return rank(period, agencies, tally, properties, Map.of());
	}

	static AgencyRanking rank(ResolvedPeriod period, List<Agency> agencies, StatsTally tally, StatsProperties properties,
			Map<String, Satisfaction> satisfaction) {
		Map<String, Integer> received = new HashMap<>();
		tally.buckets.forEach((bucket, counts) -> {
			if (bucket.agencyId() != null) {
				received.merge(bucket.agencyId(), counts.received, Integer::sum);
			}
		});
		long target = properties.firstResponseTarget().toSeconds();
		List<AgencyRankingEntry> rated = new ArrayList<>();
		List<AgencyRankingEntry> unrated = new ArrayList<>();
		for (Agency agency : agencies) {
			int appeals = received.getOrDefault(agency.id(), 0);
			if (!agency.active() && appeals == 0) {
				continue;
			}
			AgencyRankingEntry entry = entry(agency, appeals, tally, target,
					satisfaction.getOrDefault(agency.id(), Satisfaction.NONE));
			if (appeals < properties.minAppeals()) {
				unrated.add(entry.unrated(UnratedReason.TOO_FEW_APPEALS));
			}
			else if (entry.score() == null) {
				unrated.add(entry.unrated(UnratedReason.NOTHING_MEASURED));
			}
			else {
				rated.add(entry);
			}
		}
		rated.sort(Comparator.comparing(AgencyRankingEntry::score).reversed()
			.thenComparing(e -> e.agency().name()));
		List<AgencyRankingEntry> placed = new ArrayList<>(rated.size());
		for (int i = 0; i < rated.size(); i++) {
			AgencyRankingEntry entry = rated.get(i);
			boolean tie = i > 0 && rated.get(i - 1).score().equals(entry.score());
			placed.add(entry.placed(tie ? placed.get(i - 1).place() : i + 1));
		}
		unrated.sort(Comparator.comparing(e -> e.agency().name()));
		return new AgencyRanking(period, placed, unrated, (int) Math.min(Integer.MAX_VALUE, target),
				properties.minAppeals());
	}

	static AgencyRankingEntry entry(Agency agency, int received, StatsTally tally, long targetSeconds) {
		return entry(agency, received, tally, targetSeconds, Satisfaction.NONE);
	}

	static AgencyRankingEntry entry(Agency agency, int received, StatsTally tally, long targetSeconds,
			Satisfaction satisfaction) {
		StatsTally.Clock first = tally.firstResponse.getOrDefault(agency.id(), new StatsTally.Clock());
		StatsTally.Clock last = tally.finalAnswer.getOrDefault(agency.id(), new StatsTally.Clock());
		StatsTally.Events events = tally.events.getOrDefault(agency.id(), new StatsTally.Events());

		Long median = Percentiles.nearestRank(first.business, 50);
		Double speed = (median == null) ? null : (median <= targetSeconds) ? 1.0 : (double) targetSeconds / median;

		int onTime = first.onTime + last.onTime;
		int late = first.late + last.late;
		int missed = first.missed + last.missed;
		int clocks = onTime + late + missed;
		Double deadlines = (clocks > 0) ? (double) onTime / clocks : null;

		int reviewed = events.returnedForRework + events.approved;
		Double returnedShare = (reviewed > 0) ? (double) events.returnedForRework / reviewed : null;
		Double quality = (returnedShare != null) ? 1 - returnedShare : null;

		double weighted = 0;
		double weights = 0;
		if (speed != null) {
			weighted += SPEED_WEIGHT * speed;
			weights += SPEED_WEIGHT;
		}
		if (deadlines != null) {
			weighted += DEADLINES_WEIGHT * deadlines;
			weights += DEADLINES_WEIGHT;
		}
		if (quality != null) {
			weighted += QUALITY_WEIGHT * quality;
			weights += QUALITY_WEIGHT;
		}
		Double satisfied = (satisfaction.ratings() >= MIN_RATINGS) ? satisfaction.satisfiedShare() : null;
		if (satisfied != null) {
			weighted += SATISFACTION_WEIGHT * satisfied;
			weights += SATISFACTION_WEIGHT;
		}
		Double score = (weights > 0) ? percent(weighted / weights) : null;
		return new AgencyRankingEntry(agency, null, score, null, received, DurationStats.seconds(median),
				first.withinSla(), last.withinSla(), onTime, late, missed, deadlines, events.returnedForRework, reviewed,
				returnedShare, percent(speed), percent(deadlines), percent(quality), satisfaction.ratings(),
				percent(satisfied));
	}

	/** A share as 0–100 with one decimal. */
	static Double percent(Double share) {
		return (share != null) ? Math.round(share * 1000) / 10.0 : null;
	}

}
