package org.otklik.sla;

import java.time.Duration;

/** Russian wording of terms and durations, so every screen and message says them the same way. */
public final class SlaFormat {

	private SlaFormat() {
	}

	/**
	 * A duration such as «3 ч 20 мин», «−45 мин» when negative, or «12 д 3 ч» (the PWA's units) for calendar time of a day or
	 * more. Working time is never shown in days, because a working day is not 24 hours.
	 */
	public static String duration(Duration duration, boolean calendarTime) {
		boolean negative = duration.isNegative();
		long minutes = duration.abs().toMinutes();
		long days = minutes / (24 * 60);
		long hours = calendarTime ? (minutes / 60) % 24 : minutes / 60;
		long mins = minutes % 60;
		StringBuilder text = new StringBuilder(negative && minutes > 0 ? "−" : "");
		if (calendarTime && days > 0) {
			text.append(days).append(" д");
			if (hours > 0) {
				text.append(' ').append(hours).append(" ч");
			}
			return text.toString();
		}
		if (hours > 0) {
			text.append(hours).append(" ч");
			if (mins > 0) {
				text.append(' ').append(mins).append(" мин");
			}
			return text.toString();
		}
		return text.append(mins).append(" мин").toString();
	}

	/** A target such as «8 рабочих часов», «1 рабочий день», «30 календарных дней». */
	public static String target(SlaTarget target) {
		int n = target.amount();
		String words = switch (target.unit()) {
			case BUSINESS_HOURS -> plural(n, "рабочий час", "рабочих часа", "рабочих часов");
			case WORKING_DAYS -> plural(n, "рабочий день", "рабочих дня", "рабочих дней");
			case CALENDAR_HOURS -> plural(n, "час", "часа", "часов");
			case CALENDAR_DAYS -> plural(n, "календарный день", "календарных дня", "календарных дней");
		};
		return n + " " + words;
	}

	static String plural(int n, String one, String few, String many) {
		int mod100 = n % 100;
		int mod10 = n % 10;
		if (mod10 == 1 && mod100 != 11) {
			return one;
		}
		if (mod10 >= 2 && mod10 <= 4 && (mod100 < 12 || mod100 > 14)) {
			return few;
		}
		return many;
	}

}
