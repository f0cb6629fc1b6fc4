package org.otklik.sla;

import java.util.Comparator;
import java.util.List;

/**
 * What curators see about one year of the production calendar: whether real data is loaded and where it
 * comes from.
 *
 * @param year the year
 * @param provisional true when no decree data is loaded and the statutory fallback is used
 * @param source where the data in force comes from
 * @param comment optional note
 * @param days the entries in force in date order (the statutory holidays for a provisional year)
 */
public record CalendarYearInfo(int year, boolean provisional, String source, String comment, List<CalendarDay> days) {

	public CalendarYearInfo {
		days = days.stream().sorted(Comparator.comparing(CalendarDay::date)).toList();
	}

}
