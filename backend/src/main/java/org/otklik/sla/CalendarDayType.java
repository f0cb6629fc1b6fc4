package org.otklik.sla;

/**
 * How a production-calendar entry departs from the plain Monday–Friday week; days not listed keep their
 * weekday meaning.
 */
public enum CalendarDayType {

	/** Not a working day: a public holiday or a day off moved here by decree. */
	DAY_OFF,

	/** A working day one hour shorter at the end, before a holiday; it may fall on a Saturday. */
	SHORTENED,

	/** A Saturday or Sunday that is a full working day because a day off was moved from it. */
	WORKING_WEEKEND

}
