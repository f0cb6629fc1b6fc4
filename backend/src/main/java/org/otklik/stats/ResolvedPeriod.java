package org.otklik.stats;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;

import org.otklik.appeal.AppealFigures;
import org.otklik.graphql.OtklikException;

/**
 * A statistics period turned into the instants queries use. Local dates are inclusive; the instants form
 * the half-open range {@code [from, to)}: {@code to} is the local midnight after {@code toDate}, so an
 * appeal received at 23:59:59 on the last day counts and one at 00:00 the next day does not.
 *
 * @param kind how the period was chosen
 * @param fromDate first local day (inclusive)
 * @param toDate last local day (inclusive)
 * @param from start instant (inclusive): local midnight starting {@code fromDate}
 * @param to end instant (exclusive): local midnight after {@code toDate}
 * @param zone the time zone in which days are counted
 */
public record ResolvedPeriod(StatsPeriodKind kind, LocalDate fromDate, LocalDate toDate, Instant from, Instant to,
		ZoneId zone) {

	/** The period as the appeal figures take it. */
	public AppealFigures.Period forFigures() {
		return new AppealFigures.Period(this.from, this.to, this.fromDate, this.toDate, this.zone);
	}

	/** The longest CUSTOM period, in days: a year, a leap year included. */
	public static final int MAX_DAYS = 366;

	/**
	 * Resolves a period in {@code zone}; {@code today} stands in for a missing date.
	 * @throws OtklikException an INVALID_ARGUMENT error for a malformed or too long period
	 */
	public static ResolvedPeriod resolve(StatsPeriodInput input, LocalDate today, ZoneId zone) {
		if (input == null || input.kind() == null) {
			throw OtklikException.invalidArgument("Укажите вид периода");
		}
		if (input.kind() != StatsPeriodKind.CUSTOM && (input.from() != null || input.to() != null)) {
			throw OtklikException.invalidArgument("Даты from и to задаются только для периода CUSTOM");
		}
		LocalDate date = (input.date() != null) ? input.date() : today;
		return switch (input.kind()) {
			case DAY -> of(input.kind(), date, date, zone);
			case WEEK -> of(input.kind(), date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)),
					date.with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY)), zone);
			case MONTH -> of(input.kind(), date.withDayOfMonth(1), date.with(TemporalAdjusters.lastDayOfMonth()), zone);
			case CUSTOM -> custom(input, zone);
		};
	}

	private static ResolvedPeriod custom(StatsPeriodInput input, ZoneId zone) {
		if (input.date() != null) {
			throw OtklikException.invalidArgument("Для периода CUSTOM укажите from и to, а не date");
		}
		if (input.from() == null || input.to() == null) {
			throw OtklikException.invalidArgument("Для периода CUSTOM нужны обе даты: from и to");
		}
		if (input.to().isBefore(input.from())) {
			throw OtklikException.invalidArgument("Дата to раньше даты from");
		}
		long days = ChronoUnit.DAYS.between(input.from(), input.to()) + 1;
		if (days > MAX_DAYS) {
			throw OtklikException.invalidArgument("Период длиннее " + MAX_DAYS + " дней: " + days);
		}
		return of(StatsPeriodKind.CUSTOM, input.from(), input.to(), zone);
	}

	private static ResolvedPeriod of(StatsPeriodKind kind, LocalDate first, LocalDate last, ZoneId zone) {
		return new ResolvedPeriod(kind, first, last, first.atStartOfDay(zone).toInstant(),
				last.plusDays(1).atStartOfDay(zone).toInstant(), zone);
	}

	/** Number of local days in the period. */
	public int days() {
		return (int) ChronoUnit.DAYS.between(this.fromDate, this.toDate) + 1;
	}

	/** IANA name of the zone, for example {@code Asia/Magadan}. */
	public String timeZone() {
		return this.zone.getId();
	}

	public boolean contains(Instant instant) {
		return !instant.isBefore(this.from) && instant.isBefore(this.to);
	}

}
