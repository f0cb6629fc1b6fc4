package org.otklik.sla;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Proves the encoded years match the official calendars in {@code shared/reference/production-calendar},
 * day by day, without copying those files into the repository.
 */
class ProductionCalendarReferenceTests {

	private static final String REFERENCE = "shared/reference/production-calendar";

	@ParameterizedTest
	@ValueSource(ints = { 2025, 2026 })
	void encodedYearMatchesTheOfficialCalendarOnEveryDay(int year) throws Exception {
		Map<LocalDate, Element> official = officialDays(year);
		ProductionCalendar calendar = Magadan.production();
		assertThat(calendar.isProvisional(year)).as("%d is loaded", year).isFalse();
		Map<LocalDate, CalendarDay> encoded = new HashMap<>();
		calendar.year(year).days().forEach((day) -> encoded.put(day.date(), day));

		List<String> mismatches = new ArrayList<>();
		for (LocalDate date = LocalDate.of(year, 1, 1); date.getYear() == year; date = date.plusDays(1)) {
			Element day = official.get(date);
			String type = (day != null) ? day.getAttribute("t") : "";
			boolean weekend = date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
			boolean working = switch (type) {
				case "1" -> false;
				case "2", "3" -> true;
				default -> !weekend;
			};
			boolean shortened = "2".equals(type);
			if (calendar.isWorkingDay(date) != working) {
				mismatches.add(date + ": working should be " + working);
			}
			if (calendar.isShortened(date) != shortened) {
				mismatches.add(date + ": shortened should be " + shortened);
			}
			LocalDate movedFrom = (day != null && !day.getAttribute("f").isEmpty())
					? monthDay(year, day.getAttribute("f")) : null;
			LocalDate encodedMovedFrom = encoded.containsKey(date) ? encoded.get(date).movedFrom() : null;
			if (!Objects.equals(movedFrom, encodedMovedFrom)) {
				mismatches.add(date + ": movedFrom should be " + movedFrom + " but is " + encodedMovedFrom);
			}
			if ((day != null) != encoded.containsKey(date)) {
				mismatches.add(date + ": listed in the official calendar " + (day != null) + ", encoded "
						+ encoded.containsKey(date));
			}
		}
		assertThat(mismatches).as("differences from the official %d calendar", year).isEmpty();
	}

	private static Map<LocalDate, Element> officialDays(int year) throws Exception {
		Path file = referenceDirectory().resolve("ru-" + year + ".xml");
		if (!Files.isRegularFile(file)) {
			fail("Official calendar %s is missing", file);
		}
		Document document = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());
		assertThat(document.getDocumentElement().getAttribute("year")).isEqualTo(String.valueOf(year));
		NodeList nodes = document.getElementsByTagName("day");
		Map<LocalDate, Element> days = new HashMap<>();
		for (int i = 0; i < nodes.getLength(); i++) {
			Element day = (Element) nodes.item(i);
			days.put(monthDay(year, day.getAttribute("d")), day);
		}
		assertThat(days).as("days listed in %s", file).isNotEmpty();
		return days;
	}

	/** Finds {@code shared/reference} by walking up from the working directory, as CI lays it beside the clone. */
	private static Path referenceDirectory() {
		Path start = Path.of("").toAbsolutePath();
		for (Path dir = start; dir != null; dir = dir.getParent()) {
			Path candidate = dir.resolve(REFERENCE);
			if (Files.isDirectory(candidate)) {
				return candidate;
			}
		}
		return fail("Cannot find %s in %s or any parent directory; the official calendars are needed to check "
				+ "the encoded ones", REFERENCE, start);
	}

	/** {@code MM.DD} as the official files write it. */
	private static LocalDate monthDay(int year, String monthDay) {
		String[] parts = monthDay.split("\\.");
		return LocalDate.of(year, Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
	}

}
