package org.otklik.sla;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One day of a production calendar that differs from the ordinary week, kept as data so that curators can
 * load a new year without a release.
 *
 * @param date the day
 * @param type how it differs
 * @param movedFrom for a day off moved by decree, the weekend day or holiday it was moved from
 * @param comment short Russian note for curators, for example «Перенос с субботы 3 января»
 */
public record CalendarDay(LocalDate date, CalendarDayType type, LocalDate movedFrom, String comment) {

	public CalendarDay {
		Objects.requireNonNull(date, "date");
		Objects.requireNonNull(type, "type");
	}

	public static CalendarDay dayOff(LocalDate date, String comment) {
		return new CalendarDay(date, CalendarDayType.DAY_OFF, null, comment);
	}

}
