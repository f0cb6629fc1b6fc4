package org.otklik.sla;

import java.time.Duration;
import java.time.LocalTime;
import java.util.Objects;

/**
 * The office day of an agency: when work starts and ends and the lunch break, which does not count as
 * business time. A shortened pre-holiday day ends one hour earlier (Labour Code art. 95).
 *
 * @param start start of the working day, for example 09:00
 * @param end end of the working day, for example 18:00
 * @param lunchStart start of the break; equal to {@code lunchEnd} for no break
 * @param lunchEnd end of the break
 */
public record WorkingHours(LocalTime start, LocalTime end, LocalTime lunchStart, LocalTime lunchEnd) {

	/** How much earlier a pre-holiday day ends. */
	public static final Duration SHORTENING = Duration.ofHours(1);

	/** Mon–Fri 09:00–18:00 with lunch 13:00–14:00, the common schedule of regional bodies. */
	public static final WorkingHours STANDARD =
			new WorkingHours(LocalTime.of(9, 0), LocalTime.of(18, 0), LocalTime.of(13, 0), LocalTime.of(14, 0));

	public WorkingHours {
		Objects.requireNonNull(start, "start");
		Objects.requireNonNull(end, "end");
		Objects.requireNonNull(lunchStart, "lunchStart");
		Objects.requireNonNull(lunchEnd, "lunchEnd");
		if (lunchStart.isAfter(lunchEnd)) {
			throw new IllegalArgumentException("Lunch starts after it ends: " + lunchStart + "–" + lunchEnd);
		}
		if (!start.isBefore(lunchStart.equals(lunchEnd) ? end : lunchStart) || lunchEnd.isAfter(end)) {
			throw new IllegalArgumentException(
					"Working hours must be start < lunch start <= lunch end < end, got " + start + "–" + end);
		}
		if (!start.plus(SHORTENING).isBefore(end)) {
			throw new IllegalArgumentException("A working day must be longer than the one-hour shortening");
		}
	}

	/** Working intervals of a day as {@code [from, to)} pairs of nano-of-day. */
	long[] segments(boolean shortened) {
		long from = this.start.toNanoOfDay();
		long to = this.end.toNanoOfDay() - (shortened ? SHORTENING.toNanos() : 0);
		long breakFrom = this.lunchStart.toNanoOfDay();
		long breakTo = this.lunchEnd.toNanoOfDay();
		if (breakFrom == breakTo || breakFrom >= to) {
			return new long[] { from, to };
		}
		if (breakTo >= to) {
			return new long[] { from, breakFrom };
		}
		return new long[] { from, breakFrom, breakTo, to };
	}

}
