package org.otklik.report.internal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferFactory;

/**
 * Writes sheets as CSV the way Russian Excel opens it with a double click: UTF-8 with a byte-order mark (without
 * it Excel reads Windows-1251), {@code ;} between fields (the list separator of the Russian locale, where
 * {@code ,} is the decimal mark), CRLF line ends and RFC 4180 quoting. Dates and numbers are spelled as Russian
 * Excel parses them ({@code 06.12.2026 13:05}, {@code 85,5%}). Text that would start a formula is prefixed with
 * an apostrophe, since appeal texts come from anyone. Several sheets become sections, each after its name.
 */
public final class CsvStream {

	static final int BATCH = 500;

	static final String BOM = "\uFEFF";

	static final String SEPARATOR = ";";

	static final String EOL = "\r\n";

	private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");

	private CsvStream() {
	}

	public static Flux<DataBuffer> write(List<Sheet<?>> sheets, ZoneId zone, DataBufferFactory buffers) {
		boolean titled = sheets.size() > 1;
		List<Flux<String>> parts = new ArrayList<>();
		parts.add(Flux.just(BOM));
		for (int i = 0; i < sheets.size(); i++) {
			parts.add(section(sheets.get(i), i, titled, zone));
		}
		return Flux.concat(parts).map(text -> buffers.wrap(text.getBytes(StandardCharsets.UTF_8)));
	}

	private static <T> Flux<String> section(Sheet<T> sheet, int index, boolean titled, ZoneId zone) {
		StringBuilder head = new StringBuilder();
		if (titled) {
			head.append((index > 0) ? EOL : "").append(escape(sheet.name())).append(EOL);
		}
		List<String> headers = sheet.columns().stream().map(Column::header).toList();
		head.append(String.join(SEPARATOR, headers.stream().map(CsvStream::escape).toList())).append(EOL);
		return Flux.concat(Mono.just(head.toString()), sheet.rows().buffer(BATCH).map(batch -> {
			StringBuilder lines = new StringBuilder(batch.size() * 256);
			for (T item : batch) {
				line(lines, sheet.columns(), item, zone);
			}
			return lines.toString();
		}));
	}

	static <T> void line(StringBuilder out, List<Column<T>> columns, T item, ZoneId zone) {
		for (int c = 0; c < columns.size(); c++) {
			if (c > 0) {
				out.append(SEPARATOR);
			}
			Column<T> column = columns.get(c);
			out.append(field(column.kind(), column.value().apply(item), zone));
		}
		out.append(EOL);
	}

	static String field(CellKind kind, @Nullable Object value, ZoneId zone) {
		if (value == null) {
			return "";
		}
		return switch (kind) {
			case TEXT, LABEL -> escape(guard(value.toString()));
			case DATE_TIME -> DATE_TIME.format(((Instant) value).atZone(zone));
			case DATE -> DATE.format((LocalDate) value);
			case INTEGER -> value.toString();
			case DECIMAL -> decimal(((Number) value).doubleValue());
			case SHARE -> decimal(((Number) value).doubleValue() * 100) + "%";
			case DURATION -> duration(((Number) value).longValue());
			case TYPED -> field(((CellKind.Typed) value).kind(), ((CellKind.Typed) value).value(), zone);
		};
	}

	/** One decimal with a comma, as the Russian locale writes it. */
	static String decimal(double value) {
		return String.format(Locale.ROOT, "%.1f", value).replace('.', ',');
	}

	/** Hours and minutes ({@code 27:05}), which Excel reads as a duration. */
	static String duration(long seconds) {
		long minutes = Math.round(seconds / 60d);
		return (minutes / 60) + ":" + String.format(Locale.ROOT, "%02d", Math.abs(minutes % 60));
	}

	/** Text starting with a formula character is shown as text, not run (CSV injection). */
	static String guard(String text) {
		if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
			return "'" + text;
		}
		return text;
	}

	static String escape(String text) {
		if (text.contains(SEPARATOR) || text.contains("\"") || text.contains("\n") || text.contains("\r")
				|| text.startsWith(" ") || text.endsWith(" ")) {
			return "\"" + text.replace("\"", "\"\"") + "\"";
		}
		return text;
	}

}
