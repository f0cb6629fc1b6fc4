package org.otklik.sla;

import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads a production-calendar year in the project's YAML format ({@code sla/calendars/ru-YYYY.yml}, see
 * {@code docs/sla.md}), so curators can hand over a new year as a file as well as through the API.
 */
public final class CalendarYearYaml {

	private CalendarYearYaml() {
	}

	/** Parses a year; the result is not validated yet, see {@link CalendarYear#problems()}. */
	public static CalendarYear parse(Reader reader) {
		Map<String, Object> root = YamlValues.load(reader);
		return fromMap(root);
	}

	public static CalendarYear parse(String yaml) {
		return parse(new StringReader(yaml));
	}

	static CalendarYear fromMap(Map<String, Object> root) {
		int year = YamlValues.integer(root, "year", true);
		List<CalendarDay> days = new ArrayList<>();
		List<?> entries = YamlValues.list(root, "days");
		for (int i = 0; i < entries.size(); i++) {
			Map<String, Object> entry = YamlValues.map(entries.get(i), "days[" + i + "]");
			days.add(new CalendarDay(YamlValues.date(entry, "date", true),
					YamlValues.enumValue(entry, "type", CalendarDayType.class, true),
					YamlValues.date(entry, "movedFrom", false), YamlValues.string(entry, "comment", false)));
		}
		return new CalendarYear(year, days, YamlValues.string(root, "source", false),
				YamlValues.string(root, "comment", false));
	}

}
