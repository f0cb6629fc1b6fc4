package org.otklik.stats;

import java.time.Duration;
import java.util.List;

import org.otklik.sla.SlaFormat;

/**
 * How long one SLA clock took for the appeals whose clock was met within a period: nearest-rank median
 * and 90th percentile, in working («business») and in plain calendar seconds, as stored on each appeal.
 *
 * @param count clocks measured
 * @param medianBusinessSeconds median working time, null when none
 * @param p90BusinessSeconds 90th-percentile working time, null when none
 * @param medianCalendarSeconds median calendar time, null when none
 * @param p90CalendarSeconds 90th-percentile calendar time, null when none
 */
public record DurationStats(int count, Integer medianBusinessSeconds, Integer p90BusinessSeconds,
		Integer medianCalendarSeconds, Integer p90CalendarSeconds) {

	public static final DurationStats NONE = new DurationStats(0, null, null, null, null);

	/** Figures from the ascending business and calendar seconds of the same clocks. */
	static DurationStats of(List<Long> businessAscending, List<Long> calendarAscending) {
		return new DurationStats(businessAscending.size(), seconds(Percentiles.nearestRank(businessAscending, 50)),
				seconds(Percentiles.nearestRank(businessAscending, 90)),
				seconds(Percentiles.nearestRank(calendarAscending, 50)),
				seconds(Percentiles.nearestRank(calendarAscending, 90)));
	}

	public String medianBusiness() {
		return text(this.medianBusinessSeconds, false);
	}

	public String p90Business() {
		return text(this.p90BusinessSeconds, false);
	}

	public String medianCalendar() {
		return text(this.medianCalendarSeconds, true);
	}

	public String p90Calendar() {
		return text(this.p90CalendarSeconds, true);
	}

	static Integer seconds(Long value) {
		return (value != null) ? (int) Math.min(Integer.MAX_VALUE, Math.max(0, value)) : null;
	}

	static String text(Integer seconds, boolean calendar) {
		return (seconds != null) ? SlaFormat.duration(Duration.ofSeconds(seconds), calendar) : null;
	}

}
