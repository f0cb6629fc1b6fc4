package org.otklik.region;

/**
 * The region's review settings: which interim answers the curators see before citizens do. Stored by the
 * curators; the defaults apply while nothing is stored.
 *
 * @param interimReviewBelowScore an interim answer whose coach score is below this goes to the curator's
 *                                review like a final one (0 holds none by score)
 * @param reviewAllInterimAnswers every interim answer goes to review, whatever its score
 */
public record RegionSettings(int interimReviewBelowScore, boolean reviewAllInterimAnswers) {

	/** Whether an interim answer with this coach score waits for a curator before it is published. */
	public boolean holdsInterim(int score) {
		return this.reviewAllInterimAnswers || score < this.interimReviewBelowScore;
	}

}
