package org.otklik.routing;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Per-region settings of routing suggestions.
 *
 * @param coldMonths months (1–12, in the region's time zone) in which an outage of heat, power or water is
 *                   urgent; default September to May, the Magadan heating season
 * @param maxTextLength longest text {@code suggestRouting} accepts (default 20,000 characters)
 * @param autoAssign automatic delivery to the suggested agency (off by default)
 * @param reloadInterval how often an instance checks whether another one trained a newer model or saved
 *                       new agency rules (default 30 seconds)
 */
@ConfigurationProperties("otklik.routing")
public record RoutingProperties(List<Integer> coldMonths, Integer maxTextLength, AutoAssign autoAssign,
		java.time.Duration reloadInterval) {

	public RoutingProperties {
		coldMonths = (coldMonths != null) ? List.copyOf(coldMonths) : List.of(9, 10, 11, 12, 1, 2, 3, 4, 5);
		maxTextLength = (maxTextLength != null) ? maxTextLength : 20_000;
		autoAssign = (autoAssign != null) ? autoAssign : new AutoAssign(false, null, null);
		reloadInterval = (reloadInterval != null && !reloadInterval.isNegative() && !reloadInterval.isZero())
				? reloadInterval : java.time.Duration.ofSeconds(30);
	}

	/**
	 * Sends a new appeal straight to the suggested agency when the model is sure enough.
	 *
	 * @param enabled off by default: the ЦУР routes by hand until it trusts the figures
	 * @param minConfidence the category's probability needed (default 0.8)
	 * @param urgentMinConfidence the probability needed for an urgent appeal, which must not go astray
	 *                            (default 0.95: urgent-and-uncertain stays with the ЦУР)
	 */
	public record AutoAssign(boolean enabled, Double minConfidence, Double urgentMinConfidence) {

		public AutoAssign {
			minConfidence = (minConfidence != null) ? minConfidence : 0.8;
			urgentMinConfidence = (urgentMinConfidence != null) ? urgentMinConfidence : 0.95;
		}

		/** Whether a suggestion may be acted on without a curator. */
		public boolean allows(RoutingSuggestion s) {
			if (!this.enabled || s.notAppeal() || s.agencyCode() == null) {
				return false;
			}
			return s.confidence() >= (s.urgent() ? this.urgentMinConfidence : this.minConfidence);
		}

	}

}
