package org.otklik.sla;

import java.time.LocalTime;
import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Region-wide SLA settings; an agency may override the zone. Defaults fit the Magadan region's bodies.
 *
 * @param zone default time zone of calendars ({@code Asia/Magadan}, UTC+11)
 * @param workdayStart start of the office day
 * @param workdayEnd end of the office day (one hour earlier on a shortened pre-holiday day)
 * @param lunchStart start of the lunch break, which is not working time
 * @param lunchEnd end of the lunch break
 * @param atRiskThreshold share of a term after which a clock is AT_RISK, in {@code (0, 1]}
 */
@ConfigurationProperties("otklik.sla")
public record SlaProperties(@DefaultValue("Asia/Magadan") ZoneId zone, @DefaultValue("09:00") LocalTime workdayStart,
		@DefaultValue("18:00") LocalTime workdayEnd, @DefaultValue("13:00") LocalTime lunchStart,
		@DefaultValue("14:00") LocalTime lunchEnd, @DefaultValue("0.8") double atRiskThreshold) {

	public static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Magadan");

	public SlaProperties {
		zone = (zone != null) ? zone : DEFAULT_ZONE;
		workdayStart = (workdayStart != null) ? workdayStart : WorkingHours.STANDARD.start();
		workdayEnd = (workdayEnd != null) ? workdayEnd : WorkingHours.STANDARD.end();
		lunchStart = (lunchStart != null) ? lunchStart : WorkingHours.STANDARD.lunchStart();
		lunchEnd = (lunchEnd != null) ? lunchEnd : WorkingHours.STANDARD.lunchEnd();
		if (!(atRiskThreshold > 0 && atRiskThreshold <= 1)) {
			throw new IllegalArgumentException("otklik.sla.at-risk-threshold must be in (0, 1], got " + atRiskThreshold);
		}
		new WorkingHours(workdayStart, workdayEnd, lunchStart, lunchEnd);
	}

	/** The defaults, for code that runs without Spring (tests, benchmarks). */
	public static SlaProperties defaults() {
		return new SlaProperties(null, null, null, null, null, 0.8);
	}

	public WorkingHours workingHours() {
		return new WorkingHours(this.workdayStart, this.workdayEnd, this.lunchStart, this.lunchEnd);
	}

}
