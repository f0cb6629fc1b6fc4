package org.otklik.sla;

import java.util.List;

/** Thrown when a calendar year with problems is registered, so that bad data never reaches deadlines. */
public class InvalidCalendarYearException extends IllegalArgumentException {

	private final transient List<CalendarYearProblem> problems;

	public InvalidCalendarYearException(int year, List<CalendarYearProblem> problems) {
		super("Calendar year " + year + " is invalid: " + problems);
		this.problems = List.copyOf(problems);
	}

	public List<CalendarYearProblem> problems() {
		return this.problems;
	}

}
