package org.otklik.sla;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * An immutable snapshot of the loaded production-calendar years, answering which days are working,
 * shortened or off; years without data fall back to {@link StatutoryCalendar} and are reported as
 * provisional. Obtain the current one from {@link ProductionCalendarRegistry#snapshot()}.
 */
public final class ProductionCalendar {

	/** Compiled day kinds, one byte per day of the year. */
	static final byte OFF = 0;

	static final byte FULL = 1;

	static final byte SHORT = 2;

	private final Map<Integer, CalendarYear> loaded;

	// Compiled lazily, including fallback years; racing threads compute equal arrays, so no lock is needed.
	private final AtomicReferenceArray<byte[]> compiled =
			new AtomicReferenceArray<>(CalendarYear.MAX_YEAR - CalendarYear.MIN_YEAR + 1);

	ProductionCalendar(Map<Integer, CalendarYear> loaded) {
		this.loaded = new TreeMap<>(loaded);
	}

	/** A calendar with only the statutory fallback, for tests and tools. */
	public static ProductionCalendar statutoryOnly() {
		return new ProductionCalendar(Map.of());
	}

	/** Whether no decree data is loaded for this year, so the statutory fallback is used. */
	public boolean isProvisional(int year) {
		return !this.loaded.containsKey(year);
	}

	/** The loaded data for a year, if any. */
	public Optional<CalendarYear> loadedYear(int year) {
		return Optional.ofNullable(this.loaded.get(year));
	}

	/** The data in force for a year: the loaded one, or the statutory fallback. */
	public CalendarYear year(int year) {
		CalendarYear y = this.loaded.get(year);
		return (y != null) ? y : StatutoryCalendar.year(year);
	}

	/** Years with loaded data, ascending. */
	public Iterable<Integer> loadedYears() {
		return this.loaded.keySet();
	}

	public boolean isWorkingDay(LocalDate date) {
		return kinds(date.getYear())[date.getDayOfYear() - 1] != OFF;
	}

	/** Whether this is a working day one hour shorter than usual. */
	public boolean isShortened(LocalDate date) {
		return kinds(date.getYear())[date.getDayOfYear() - 1] == SHORT;
	}

	byte[] kinds(int year) {
		if (year < CalendarYear.MIN_YEAR || year > CalendarYear.MAX_YEAR) {
			throw new IllegalArgumentException("No calendar for year " + year + "; supported years are "
					+ CalendarYear.MIN_YEAR + "–" + CalendarYear.MAX_YEAR);
		}
		int index = year - CalendarYear.MIN_YEAR;
		byte[] kinds = this.compiled.get(index);
		if (kinds == null) {
			kinds = compile(year(year));
			this.compiled.set(index, kinds);
		}
		return kinds;
	}

	private static byte[] compile(CalendarYear year) {
		LocalDate first = LocalDate.of(year.year(), 1, 1);
		byte[] kinds = new byte[first.lengthOfYear()];
		for (int i = 0; i < kinds.length; i++) {
			DayOfWeek dow = first.plusDays(i).getDayOfWeek();
			kinds[i] = (dow == DayOfWeek.SATURDAY || dow == DayOfWeek.SUNDAY) ? OFF : FULL;
		}
		for (CalendarDay day : year.days()) {
			kinds[day.date().getDayOfYear() - 1] = switch (day.type()) {
				case DAY_OFF -> OFF;
				case SHORTENED -> SHORT;
				case WORKING_WEEKEND -> FULL;
			};
		}
		return kinds;
	}

}
