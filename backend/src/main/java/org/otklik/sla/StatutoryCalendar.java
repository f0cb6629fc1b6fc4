package org.otklik.sla;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The fallback for a year whose decree is not loaded yet: the non-working holidays of Labour Code
 * art. 112 and nothing else, so that deadlines can still be computed, flagged as provisional.
 */
final class StatutoryCalendar {

	static final String SOURCE = "ТК РФ, ст. 112: только праздничные дни, без переносов (данные за год не загружены)";

	private StatutoryCalendar() {
	}

	/*
	 * Deliberately left out, although also statutory: the automatic move of a holiday falling on a weekend
	 * (art. 112 part 2) and the shortened pre-holiday day (art. 95). The decree for the year supersedes them
	 * anyway, and a fallback that only ever errs towards "one more working day" is easier to explain.
	 */
	static CalendarYear year(int year) {
		List<CalendarDay> days = new ArrayList<>();
		for (int d = 1; d <= 6; d++) {
			days.add(CalendarDay.dayOff(LocalDate.of(year, 1, d), "Новогодние каникулы"));
		}
		days.add(CalendarDay.dayOff(LocalDate.of(year, 1, 7), "Рождество Христово"));
		days.add(CalendarDay.dayOff(LocalDate.of(year, 1, 8), "Новогодние каникулы"));
		days.add(CalendarDay.dayOff(LocalDate.of(year, 2, 23), "День защитника Отечества"));
		days.add(CalendarDay.dayOff(LocalDate.of(year, 3, 8), "Международный женский день"));
		days.add(CalendarDay.dayOff(LocalDate.of(year, 5, 1), "Праздник Весны и Труда"));
		days.add(CalendarDay.dayOff(LocalDate.of(year, 5, 9), "День Победы"));
		days.add(CalendarDay.dayOff(LocalDate.of(year, 6, 12), "День России"));
		days.add(CalendarDay.dayOff(LocalDate.of(year, 11, 4), "День народного единства"));
		return new CalendarYear(year, days, SOURCE, "Предварительный календарь");
	}

}
