package org.otklik.stats;

/**
 * Citizens' ratings («Помог ли ответ?», 1–5) of one agency's answers given in a period.
 *
 * @param ratings ratings given in the period (one per appeal; a changed rating counts once)
 * @param satisfied ratings of 4 or 5
 * @param scoreSum the sum of all scores, for the average
 */
public record Satisfaction(int ratings, int satisfied, int scoreSum) {

	public static final Satisfaction NONE = new Satisfaction(0, 0, 0);

	/** Share (0–1) of ratings of 4 or 5; null without ratings. */
	public Double satisfiedShare() {
		return (this.ratings > 0) ? (double) this.satisfied / this.ratings : null;
	}

	/** The average score 1–5 with one decimal; null without ratings. */
	public Double averageScore() {
		return (this.ratings > 0) ? Math.round(this.scoreSum * 10.0 / this.ratings) / 10.0 : null;
	}

}
