package org.otklik.sla;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Deadline arithmetic in one time zone: what "8 business hours" or "5 working days" from an instant means.
 * {@link BusinessCalendar} follows the production calendar and office hours; {@link RoundTheClockCalendar}
 * counts every hour, for urgent matters.
 *
 * <p>Day conventions, shared by every implementation: a term of N days (working or calendar) ends at the
 * end of the N-th such day <em>after</em> the local day of the start (Civil Code art. 191: a term
 * counted in days begins on the next day). A working day ends when its working hours end (17:00 on a
 * shortened day); a calendar day ends at local midnight.
 */
public interface WorkingCalendar {

	/** The zone in which days, office hours and holidays are read. */
	ZoneId zone();

	/**
	 * The earliest instant by which {@code businessTime} of working time has passed since {@code start}.
	 * Starting outside working hours counts from the next working moment; a result exactly at the end of
	 * a working interval stays there (18:00, not the next day's 09:00).
	 */
	Instant addBusinessHours(Instant start, Duration businessTime);

	/** The end of the {@code days}-th working day after the local day of {@code start}; {@code days >= 1}. */
	Instant addWorkingDays(Instant start, int days);

	/** Plain elapsed time, the same in every calendar. */
	default Instant addCalendarHours(Instant start, long hours) {
		return start.plus(Duration.ofHours(hours));
	}

	/** Local midnight ending the {@code days}-th calendar day after the local day of {@code start}; {@code days >= 1}. */
	default Instant addCalendarDays(Instant start, int days) {
		if (days < 1) {
			throw new IllegalArgumentException("days must be at least 1, got " + days);
		}
		return LocalDate.ofInstant(start, zone()).plusDays(days + 1L).atStartOfDay(zone()).toInstant();
	}

	/** Working time from {@code from} to {@code to}; negative when {@code to} is before {@code from}. */
	Duration businessTimeBetween(Instant from, Instant to);

	/** Whether a year's dates here rest on the statutory fallback rather than a loaded decree. */
	boolean isProvisional(int year);

	/** Whether any local year from {@code from} to {@code to} is provisional. */
	default boolean isProvisionalBetween(Instant from, Instant to) {
		int first = LocalDate.ofInstant(from, zone()).getYear();
		int last = LocalDate.ofInstant(to, zone()).getYear();
		for (int year = Math.min(first, last); year <= Math.max(first, last); year++) {
			if (isProvisional(year)) {
				return true;
			}
		}
		return false;
	}

	/** The deadline of {@code target} counted from {@code start}. */
	default Instant add(Instant start, SlaTarget target) {
		return switch (target.unit()) {
			case BUSINESS_HOURS -> addBusinessHours(start, Duration.ofHours(target.amount()));
			case WORKING_DAYS -> addWorkingDays(start, target.amount());
			case CALENDAR_HOURS -> addCalendarHours(start, target.amount());
			case CALENDAR_DAYS -> addCalendarDays(start, target.amount());
		};
	}

	/** The time that {@code target}'s unit measures between two instants: working time or plain time. */
	default Duration measure(SlaTimeUnit unit, Instant from, Instant to) {
		return unit.isBusiness() ? businessTimeBetween(from, to) : Duration.between(from, to);
	}

	/** {@code deadline} moved later by {@code amount} of the measure of {@code unit}. */
	default Instant shift(SlaTimeUnit unit, Instant deadline, Duration amount) {
		if (amount.isZero()) {
			return deadline;
		}
		return unit.isBusiness() ? addBusinessHours(deadline, amount) : deadline.plus(amount);
	}

}
