package org.otklik.stats;

/**
 * The headline figures of an agency or the region for a period, plus two that are taken now.
 *
 * @param received appeals received in the period
 * @param answered appeals whose final answer was approved in the period
 * @param open appeals open now (NEW, ASSIGNED, IN_PROGRESS, ON_REVIEW), whenever received
 * @param overdueNow open appeals with a clock past its due time and not met
 * @param firstResponse time to first response of first responses given in the period
 * @param finalAnswer time to final answer of answers approved in the period
 * @param firstResponseWithinSla share of first responses given in the period on time; null when none
 * @param finalAnswerWithinSla share of final answers approved in the period on time; null when none
 * @param redirects redirects made in the period (from this agency, at agency level)
 * @param returnedForRework final answers returned for rework in the period
 * @param rejected appeals rejected as not an appeal in the period
 */
public record StatsFigures(int received, int answered, int open, int overdueNow, DurationStats firstResponse,
		DurationStats finalAnswer, Double firstResponseWithinSla, Double finalAnswerWithinSla, int redirects,
		int returnedForRework, int rejected) {
}
