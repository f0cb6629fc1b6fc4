package org.otklik.sla;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;

/**
 * The 24/7 calendar for urgent matters: every hour is working time and every day a working day, so
 * business time equals elapsed time. The zone still matters for day-based terms, which end at local
 * midnight.
 */
public final class RoundTheClockCalendar implements WorkingCalendar {

	private final ZoneId zone;

	public RoundTheClockCalendar(ZoneId zone) {
		this.zone = Objects.requireNonNull(zone, "zone");
	}

	@Override
	public ZoneId zone() {
		return this.zone;
	}

	@Override
	public Instant addBusinessHours(Instant start, Duration businessTime) {
		if (businessTime.isNegative()) {
			throw new IllegalArgumentException("Cannot add negative business time " + businessTime);
		}
		return start.plus(businessTime);
	}

	/** Every day is a working day that ends at midnight, so this equals {@link #addCalendarDays}. */
	@Override
	public Instant addWorkingDays(Instant start, int days) {
		return addCalendarDays(start, days);
	}

	@Override
	public Duration businessTimeBetween(Instant from, Instant to) {
		return Duration.between(from, to);
	}

	/** Holidays do not matter around the clock, so no year is provisional. */
	@Override
	public boolean isProvisional(int year) {
		return false;
	}

}
