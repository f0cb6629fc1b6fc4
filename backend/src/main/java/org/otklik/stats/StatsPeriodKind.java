package org.otklik.stats;

/** How a statistics period is chosen: one local day, a Monday–Sunday week, a calendar month, or given dates. */
public enum StatsPeriodKind {

	DAY, WEEK, MONTH, CUSTOM

}
