package org.otklik.sla;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

/** Test fixtures: instants written as Magadan local time, which is how people state deadlines. */
final class Magadan {

	static final ZoneId ZONE = ZoneId.of("Asia/Magadan");

	private static final ProductionCalendarRegistry REGISTRY = ProductionCalendarRegistry.withBuiltInYears();

	private Magadan() {
	}

	/** {@code 2026-03-09T10:00} in Magadan. */
	static Instant at(String localDateTime) {
		return LocalDateTime.parse(localDateTime).atZone(ZONE).toInstant();
	}

	static LocalDateTime local(Instant instant) {
		return LocalDateTime.ofInstant(instant, ZONE);
	}

	static ProductionCalendar production() {
		return REGISTRY.snapshot();
	}

	static BusinessCalendar business() {
		return BusinessCalendar.of(production(), WorkingHours.STANDARD, ZONE);
	}

	static RoundTheClockCalendar roundTheClock() {
		return new RoundTheClockCalendar(ZONE);
	}

}
