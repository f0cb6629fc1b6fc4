package org.otklik.stats;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the agency ranking. The time zone of periods is not here: days are counted in
 * {@code otklik.sla.zone}, the zone deadlines are counted in, so a «day» means the same everywhere.
 *
 * @param firstResponseTarget median first-response working time that earns full speed marks (regional
 * ratings give full marks within 8 hours)
 * @param minAppeals appeals an agency must receive in the period to be rated; fewer are listed apart
 */
@ConfigurationProperties("otklik.stats")
public record StatsProperties(@DefaultValue("8h") Duration firstResponseTarget, @DefaultValue("2") int minAppeals) {

	public StatsProperties {
		firstResponseTarget = (firstResponseTarget != null) ? firstResponseTarget : Duration.ofHours(8);
		if (firstResponseTarget.isNegative() || firstResponseTarget.isZero()) {
			throw new IllegalArgumentException("otklik.stats.first-response-target must be positive");
		}
		if (minAppeals < 0) {
			throw new IllegalArgumentException("otklik.stats.min-appeals must not be negative");
		}
	}

	public static StatsProperties defaults() {
		return new StatsProperties(null, 2);
	}

}
