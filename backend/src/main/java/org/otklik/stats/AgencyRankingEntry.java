package org.otklik.stats;

import org.otklik.agency.Agency;

/**
 * One agency in the ranking with the figures its score is made of. Component scores and the score are 0–100;
 * a component is null when the period gave nothing to measure it by (its weight then goes to the others).
 *
 * @param agency the agency
 * @param place 1-based place among rated agencies (equal scores share a place); null when unrated
 * @param score weighted score 0–100, one decimal; null when unrated
 * @param unratedReason why the agency is listed apart; null when rated
 * @param received appeals received in the period
 * @param medianFirstResponseBusinessSeconds nearest-rank median working time to first response
 * @param firstResponseWithinSla share of first responses in the period given on time
 * @param finalAnswerWithinSla share of final answers approved in the period on time
 * @param clocksOnTime first responses and final answers met on time in the period
 * @param clocksLate first responses and final answers met late in the period
 * @param missedDeadlines clocks of open appeals that fell due in the period and are still not met
 * @param deadlinesMet on time / (on time + late + missed); null when the denominator is 0
 * @param returnedForRework final answers returned for rework in the period
 * @param reviewedAnswers final answers reviewed in the period (approved or returned)
 * @param returnedForReworkShare returned / reviewed; null when nothing was reviewed
 * @param speedScore 100 × min(1, target / median); null without first responses
 * @param deadlineScore 100 × deadlinesMet
 * @param qualityScore 100 × (1 − returnedForReworkShare)
 * @param citizenRatings citizens' ratings first given in the period
 * @param satisfactionScore 100 × share of ratings 4–5; null with fewer than 3 ratings
 */
public record AgencyRankingEntry(Agency agency, Integer place, Double score, UnratedReason unratedReason, int received,
		Integer medianFirstResponseBusinessSeconds, Double firstResponseWithinSla, Double finalAnswerWithinSla,
		int clocksOnTime, int clocksLate, int missedDeadlines, Double deadlinesMet, int returnedForRework,
		int reviewedAnswers, Double returnedForReworkShare, Double speedScore, Double deadlineScore,
		Double qualityScore, int citizenRatings, Double satisfactionScore) {

	public String medianFirstResponseBusiness() {
		return DurationStats.text(this.medianFirstResponseBusinessSeconds, false);
	}

	AgencyRankingEntry placed(int place) {
		return new AgencyRankingEntry(this.agency, place, this.score, null, this.received,
				this.medianFirstResponseBusinessSeconds, this.firstResponseWithinSla, this.finalAnswerWithinSla,
				this.clocksOnTime, this.clocksLate, this.missedDeadlines, this.deadlinesMet, this.returnedForRework,
				this.reviewedAnswers, this.returnedForReworkShare, this.speedScore, this.deadlineScore,
				this.qualityScore, this.citizenRatings, this.satisfactionScore);
	}

	AgencyRankingEntry unrated(UnratedReason reason) {
		return new AgencyRankingEntry(this.agency, null, null, reason, this.received,
				this.medianFirstResponseBusinessSeconds, this.firstResponseWithinSla, this.finalAnswerWithinSla,
				this.clocksOnTime, this.clocksLate, this.missedDeadlines, this.deadlinesMet, this.returnedForRework,
				this.reviewedAnswers, this.returnedForReworkShare, this.speedScore, this.deadlineScore,
				this.qualityScore, this.citizenRatings, this.satisfactionScore);
	}

	/** Why an agency is listed apart instead of being placed. */
	public enum UnratedReason {

		/** Fewer appeals received in the period than the rating needs (2 by default). */
		TOO_FEW_APPEALS,
		/** Enough appeals, but no clock met or missed and no answer reviewed yet: nothing to score. */
		NOTHING_MEASURED

	}

}
