package org.otklik.sla;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The production calendar of one year as published by decree: only the days that differ from the plain
 * week. Built-in years come from {@code sla/calendars/*.yml}; curators register later years at run time.
 *
 * @param year the calendar year
 * @param days entries, each date at most once and inside {@code year}
 * @param source where the data comes from (decree, official calendar); shown to curators
 * @param comment optional free text
 */
public record CalendarYear(int year, List<CalendarDay> days, String source, String comment) {

	/** Years outside this range are almost certainly typos. */
	static final int MIN_YEAR = 2000;

	static final int MAX_YEAR = 2199;

	public CalendarYear {
		days = (days != null) ? List.copyOf(days) : List.of();
	}

	/** Everything wrong with this year; empty when it can be registered. */
	public List<CalendarYearProblem> problems() {
		List<CalendarYearProblem> problems = new ArrayList<>();
		if (this.year < MIN_YEAR || this.year > MAX_YEAR) {
			problems.add(new CalendarYearProblem("year",
					"Год должен быть в диапазоне " + MIN_YEAR + "–" + MAX_YEAR + "."));
			return problems;
		}
		if (this.source == null || this.source.isBlank()) {
			problems.add(new CalendarYearProblem("source", "Укажите источник данных (постановление, календарь)."));
		}
		Set<LocalDate> seen = new HashSet<>();
		for (int i = 0; i < this.days.size(); i++) {
			CalendarDay day = this.days.get(i);
			String field = "days[" + i + "]";
			if (day.date().getYear() != this.year) {
				problems.add(new CalendarYearProblem(field + ".date",
						"Дата " + day.date() + " не относится к " + this.year + " году."));
			}
			if (!seen.add(day.date())) {
				problems.add(new CalendarYearProblem(field + ".date", "Дата " + day.date() + " указана дважды."));
			}
			if (day.type() == CalendarDayType.WORKING_WEEKEND && !isWeekend(day.date())) {
				problems.add(new CalendarYearProblem(field + ".type",
						"Рабочим выходным может быть только суббота или воскресенье, а " + day.date() + " — будний день."));
			}
			if (day.movedFrom() != null) {
				if (day.type() != CalendarDayType.DAY_OFF) {
					problems.add(new CalendarYearProblem(field + ".movedFrom",
							"Перенос указывается только для нерабочего дня."));
				}
				else if (day.movedFrom().equals(day.date())) {
					problems.add(new CalendarYearProblem(field + ".movedFrom", "День не может быть перенесён сам на себя."));
				}
				else if (Math.abs(day.movedFrom().getYear() - this.year) > 1) {
					problems.add(new CalendarYearProblem(field + ".movedFrom",
							"Выходной можно перенести только из этого или соседнего года."));
				}
			}
		}
		return problems;
	}

	/** Throws {@link InvalidCalendarYearException} listing every problem, if there are any. */
	public CalendarYear validated() {
		List<CalendarYearProblem> problems = problems();
		if (!problems.isEmpty()) {
			throw new InvalidCalendarYearException(this.year, problems);
		}
		return this;
	}

	static boolean isWeekend(LocalDate date) {
		DayOfWeek dow = date.getDayOfWeek();
		return dow == DayOfWeek.SATURDAY || dow == DayOfWeek.SUNDAY;
	}

}
