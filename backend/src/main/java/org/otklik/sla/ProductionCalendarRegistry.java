package org.otklik.sla;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Holds the production-calendar years in force: the built-in ones shipped in {@code sla/calendars/} plus
 * those curators load at run time, so a new decree needs no release. Readers take an immutable
 * {@link ProductionCalendar} snapshot; registering a year publishes a new one.
 */
public final class ProductionCalendarRegistry {

	/** Where built-in years live on the classpath. */
	public static final String BUILT_IN_LOCATION = "classpath*:sla/calendars/*.yml";

	private final Map<Integer, CalendarYear> years = new TreeMap<>();

	private volatile ProductionCalendar snapshot;

	public ProductionCalendarRegistry(Collection<CalendarYear> initialYears) {
		for (CalendarYear year : initialYears) {
			CalendarYear valid = year.validated();
			if (this.years.put(valid.year(), valid) != null) {
				throw new IllegalArgumentException("Calendar year " + valid.year() + " given twice");
			}
		}
		this.snapshot = new ProductionCalendar(this.years);
	}

	/** A registry with the years shipped in the application's resources. */
	public static ProductionCalendarRegistry withBuiltInYears() {
		return new ProductionCalendarRegistry(loadBuiltInYears());
	}

	/** Reads every {@code sla/calendars/*.yml} on the classpath. */
	public static List<CalendarYear> loadBuiltInYears() {
		try {
			Resource[] resources = new PathMatchingResourcePatternResolver().getResources(BUILT_IN_LOCATION);
			return Arrays.stream(resources).map(ProductionCalendarRegistry::read).toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot list " + BUILT_IN_LOCATION, ex);
		}
	}

	private static CalendarYear read(Resource resource) {
		try (InputStream in = resource.getInputStream()) {
			return CalendarYearYaml.fromMap(YamlValues.load(in, resource.getDescription()));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + resource.getDescription(), ex);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalStateException("Malformed calendar " + resource.getDescription() + ": " + ex.getMessage(), ex);
		}
	}

	/**
	 * Adds a year, or replaces the one in force (a decree can be amended).
	 * @throws InvalidCalendarYearException listing every problem, in which case nothing changes
	 */
	public synchronized void register(CalendarYear year) {
		CalendarYear valid = year.validated();
		Map<Integer, CalendarYear> next = new TreeMap<>(this.years);
		next.put(valid.year(), valid);
		this.snapshot = new ProductionCalendar(next);
		this.years.put(valid.year(), valid);
	}

	/** The calendar in force now; it never changes, so a batch of evaluations sees one consistent calendar. */
	public ProductionCalendar snapshot() {
		return this.snapshot;
	}

	public boolean isProvisional(int year) {
		return this.snapshot.isProvisional(year);
	}

	/** Years with real data, ascending. */
	public synchronized List<CalendarYear> years() {
		return List.copyOf(this.years.values());
	}

	/** What is in force for a year; years outside 2000–2199 are rejected as certain typos. */
	public CalendarYearInfo info(int year) {
		if (year < CalendarYear.MIN_YEAR || year > CalendarYear.MAX_YEAR) {
			throw new IllegalArgumentException("No calendar for year " + year);
		}
		ProductionCalendar calendar = this.snapshot;
		CalendarYear data = calendar.year(year);
		return new CalendarYearInfo(year, calendar.isProvisional(year), data.source(), data.comment(), data.days());
	}

}
