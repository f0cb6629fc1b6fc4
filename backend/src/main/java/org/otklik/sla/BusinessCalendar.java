package org.otklik.sla;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.zone.ZoneRules;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Working-time arithmetic over the Russian production calendar and an agency's office hours in its time
 * zone. It is the hot path of SLA evaluation, so each year is compiled once into prefix sums of working
 * time: measuring an interval costs O(1) per year crossed, and adding working time a binary search.
 *
 * <p>Instants are handled as local nanoseconds since the epoch in {@link #zone()} (a {@code long} is
 * enough until 2262), which keeps the inner loops free of allocation.
 */
public final class BusinessCalendar implements WorkingCalendar {

	private static final long DAY_NANOS = 86_400_000_000_000L;

	private static final long NANOS_PER_SECOND = 1_000_000_000L;

	private final Tables tables;

	private final ZoneId zone;

	private final ZoneRules rules;

	private BusinessCalendar(Tables tables, ZoneId zone) {
		this.tables = tables;
		this.zone = Objects.requireNonNull(zone, "zone");
		this.rules = zone.getRules();
	}

	public static BusinessCalendar of(ProductionCalendar production, WorkingHours hours, ZoneId zone) {
		return new BusinessCalendar(new Tables(production, hours), zone);
	}

	/** The same calendar and hours read in another zone; compiled years are shared. */
	public BusinessCalendar withZone(ZoneId zone) {
		return this.zone.equals(zone) ? this : new BusinessCalendar(this.tables, zone);
	}

	@Override
	public ZoneId zone() {
		return this.zone;
	}

	public ProductionCalendar production() {
		return this.tables.production;
	}

	public WorkingHours hours() {
		return this.tables.hours;
	}

	@Override
	public boolean isProvisional(int year) {
		return this.tables.production.isProvisional(year);
	}

	@Override
	public Instant addBusinessHours(Instant start, Duration businessTime) {
		if (businessTime.isNegative()) {
			throw new IllegalArgumentException("Cannot add negative business time " + businessTime);
		}
		long remaining = businessTime.toNanos();
		if (remaining == 0) {
			return start;
		}
		long local = local(start);
		long day = Math.floorDiv(local, DAY_NANOS);
		YearTable table = this.tables.yearOfDay(day);
		int index = (int) (day - table.firstDay);
		byte kind = table.kinds[index];
		long used = this.tables.inDay(kind, Math.floorMod(local, DAY_NANOS));
		long available = this.tables.length(kind) - used;
		if (remaining <= available) {
			return toInstant(day, this.tables.locate(kind, used + remaining));
		}
		remaining -= available;
		index++;
		while (true) {
			if (index >= table.kinds.length) {
				table = this.tables.year(table.year + 1);
				index = 0;
			}
			long leftInYear = table.total() - table.cum[index];
			if (remaining > leftInYear) {
				remaining -= leftInYear;
				index = table.kinds.length;
				continue;
			}
			long goal = table.cum[index] + remaining;
			// The day that completes the goal is the one before the first prefix sum reaching it.
			int dayIndex = lowerBound(table.cum, index + 1, table.kinds.length, goal) - 1;
			long within = goal - table.cum[dayIndex];
			return toInstant(table.firstDay + dayIndex, this.tables.locate(table.kinds[dayIndex], within));
		}
	}

	@Override
	public Instant addWorkingDays(Instant start, int days) {
		if (days < 1) {
			throw new IllegalArgumentException("days must be at least 1, got " + days);
		}
		long day = Math.floorDiv(local(start), DAY_NANOS);
		YearTable table = this.tables.yearOfDay(day);
		int index = (int) (day - table.firstDay);
		int counted = 0;
		while (true) {
			index++;
			if (index >= table.kinds.length) {
				table = this.tables.year(table.year + 1);
				index = 0;
			}
			byte kind = table.kinds[index];
			if (kind != ProductionCalendar.OFF && ++counted == days) {
				return toInstant(table.firstDay + index, this.tables.end(kind));
			}
		}
	}

	@Override
	public Duration businessTimeBetween(Instant from, Instant to) {
		return Duration.ofNanos(businessNanosBetween(from, to));
	}

	long businessNanosBetween(Instant from, Instant to) {
		if (to.isBefore(from)) {
			return -businessNanosBetween(to, from);
		}
		long a = local(from);
		long b = local(to);
		long dayA = Math.floorDiv(a, DAY_NANOS);
		long dayB = Math.floorDiv(b, DAY_NANOS);
		YearTable tableA = this.tables.yearOfDay(dayA);
		YearTable tableB = (dayB < tableA.firstDay + tableA.kinds.length) ? tableA : this.tables.yearOfDay(dayB);
		long cumA = tableA.cumAt(this.tables, dayA, Math.floorMod(a, DAY_NANOS));
		long cumB = tableB.cumAt(this.tables, dayB, Math.floorMod(b, DAY_NANOS));
		if (tableA == tableB) {
			return cumB - cumA;
		}
		long sum = tableA.total() - cumA;
		for (int year = tableA.year + 1; year < tableB.year; year++) {
			sum += this.tables.year(year).total();
		}
		return sum + cumB;
	}

	private long local(Instant instant) {
		long offset = this.rules.getOffset(instant).getTotalSeconds();
		return (instant.getEpochSecond() + offset) * NANOS_PER_SECOND + instant.getNano();
	}

	private Instant toInstant(long epochDay, long nanoOfDay) {
		LocalDateTime local = LocalDateTime.of(LocalDate.ofEpochDay(epochDay), LocalTime.ofNanoOfDay(nanoOfDay));
		return ZonedDateTime.ofLocal(local, this.zone, null).toInstant();
	}

	/** The first index in {@code [from, to]} whose value is at least {@code goal}; {@code a} is ascending. */
	private static int lowerBound(long[] a, int from, int to, long goal) {
		int lo = from;
		int hi = to;
		while (lo < hi) {
			int mid = (lo + hi) >>> 1;
			if (a[mid] < goal) {
				lo = mid + 1;
			}
			else {
				hi = mid;
			}
		}
		return lo;
	}

	/** Compiled working-time tables of one production calendar and one office schedule, shared across zones. */
	static final class Tables {

		final ProductionCalendar production;

		final WorkingHours hours;

		private final long[][] segments = new long[3][];

		private final long[] lengths = new long[3];

		private final AtomicReferenceArray<YearTable> years =
				new AtomicReferenceArray<>(CalendarYear.MAX_YEAR - CalendarYear.MIN_YEAR + 1);

		Tables(ProductionCalendar production, WorkingHours hours) {
			this.production = Objects.requireNonNull(production, "production");
			this.hours = Objects.requireNonNull(hours, "hours");
			this.segments[ProductionCalendar.OFF] = new long[0];
			this.segments[ProductionCalendar.FULL] = hours.segments(false);
			this.segments[ProductionCalendar.SHORT] = hours.segments(true);
			for (int kind = 0; kind < 3; kind++) {
				long[] s = this.segments[kind];
				for (int i = 0; i < s.length; i += 2) {
					this.lengths[kind] += s[i + 1] - s[i];
				}
			}
		}

		long length(byte kind) {
			return this.lengths[kind];
		}

		long end(byte kind) {
			long[] s = this.segments[kind];
			return s[s.length - 1];
		}

		/** Working time of a day of this kind before {@code nanoOfDay}. */
		long inDay(byte kind, long nanoOfDay) {
			long[] s = this.segments[kind];
			long sum = 0;
			for (int i = 0; i < s.length; i += 2) {
				if (nanoOfDay <= s[i]) {
					break;
				}
				sum += Math.min(nanoOfDay, s[i + 1]) - s[i];
			}
			return sum;
		}

		/** The earliest nano-of-day by which {@code worked} (in {@code (0, length]}) working time has passed. */
		long locate(byte kind, long worked) {
			long[] s = this.segments[kind];
			long before = 0;
			for (int i = 0; i < s.length; i += 2) {
				long length = s[i + 1] - s[i];
				if (worked <= before + length) {
					return s[i] + (worked - before);
				}
				before += length;
			}
			throw new IllegalStateException("Worked time " + worked + " exceeds the day");
		}

		YearTable yearOfDay(long epochDay) {
			return year(LocalDate.ofEpochDay(epochDay).getYear());
		}

		YearTable year(int year) {
			int index = year - CalendarYear.MIN_YEAR;
			YearTable table = (index >= 0 && index < this.years.length()) ? this.years.get(index) : null;
			if (table == null) {
				// kinds() rejects years out of range with a clear message.
				table = new YearTable(year, this.production.kinds(year), this);
				this.years.set(index, table);
			}
			return table;
		}

	}

	/** One year's day kinds and the working time elapsed before each day. */
	static final class YearTable {

		final int year;

		final long firstDay;

		final byte[] kinds;

		/** {@code cum[i]} is the working time from 1 January up to the start of day {@code i}. */
		final long[] cum;

		YearTable(int year, byte[] kinds, Tables tables) {
			this.year = year;
			this.firstDay = LocalDate.of(year, 1, 1).toEpochDay();
			this.kinds = kinds;
			this.cum = new long[kinds.length + 1];
			for (int i = 0; i < kinds.length; i++) {
				this.cum[i + 1] = this.cum[i] + tables.length(kinds[i]);
			}
		}

		long total() {
			return this.cum[this.kinds.length];
		}

		long cumAt(Tables tables, long epochDay, long nanoOfDay) {
			int index = (int) (epochDay - this.firstDay);
			return this.cum[index] + tables.inDay(this.kinds[index], nanoOfDay);
		}

	}

}
