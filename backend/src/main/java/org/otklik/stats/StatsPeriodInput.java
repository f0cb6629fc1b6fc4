package org.otklik.stats;

import java.time.LocalDate;

/**
 * The period a head or curator asks figures for, in the region's local dates.
 *
 * @param kind how the period is chosen
 * @param date a local date inside a DAY, WEEK or MONTH period; today when null
 * @param from first local day of a CUSTOM period (inclusive)
 * @param to last local day of a CUSTOM period (inclusive)
 */
public record StatsPeriodInput(StatsPeriodKind kind, LocalDate date, LocalDate from, LocalDate to) {

	public static StatsPeriodInput of(StatsPeriodKind kind, LocalDate date) {
		return new StatsPeriodInput(kind, date, null, null);
	}

	public static StatsPeriodInput custom(LocalDate from, LocalDate to) {
		return new StatsPeriodInput(StatsPeriodKind.CUSTOM, null, from, to);
	}

}
