package org.otklik.incident;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of incident grouping (see docs/routing.md, «Mass incidents»).
 *
 * @param window how far apart in time two appeals of one incident may be (default 3 days)
 * @param textThreshold the Dice similarity of stems and stem bigrams above which two appeals on the same
 *                      topic-less matter are one problem (default 0.34)
 * @param pollInterval how often each instance looks for changed incidents for {@code incidentUpdated}
 *                     (default 1 second), so subscribers see changes made on every instance
 */
@ConfigurationProperties("otklik.incident")
public record IncidentProperties(@Nullable Duration window, @Nullable Double textThreshold,
		@Nullable Duration pollInterval) {

	public IncidentProperties {
		window = (window != null) ? window : Duration.ofDays(3);
		textThreshold = (textThreshold != null) ? textThreshold : 0.34;
		pollInterval = (pollInterval != null) ? pollInterval : Duration.ofSeconds(1);
	}

}
