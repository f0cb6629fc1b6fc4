package org.otklik.region;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The defaults of the region's review settings, used until a curator stores others.
 *
 * @param interimReviewBelowScore default threshold for holding interim answers (70: the coach's warning
 *                                line, {@code otklik.quality.warn-below-score}'s default, so an answer the
 *                                coach warns about is never published unseen)
 * @param reviewAllInterimAnswers default for reviewing every interim answer (false)
 */
@ConfigurationProperties("otklik.region.review")
public record RegionSettingsProperties(Integer interimReviewBelowScore, Boolean reviewAllInterimAnswers) {

	public RegionSettingsProperties {
		interimReviewBelowScore = (interimReviewBelowScore != null) ? interimReviewBelowScore : 70;
		if (interimReviewBelowScore < 0 || interimReviewBelowScore > 101) {
			throw new IllegalArgumentException(
					"otklik.region.review.interim-review-below-score must be between 0 and 101, was " + interimReviewBelowScore);
		}
		reviewAllInterimAnswers = Boolean.TRUE.equals(reviewAllInterimAnswers);
	}

	/** The settings these defaults make. */
	public RegionSettings settings() {
		return new RegionSettings(this.interimReviewBelowScore, this.reviewAllInterimAnswers);
	}

}
