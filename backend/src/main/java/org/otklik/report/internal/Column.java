package org.otklik.report.internal;

import java.util.function.Function;

import org.jspecify.annotations.Nullable;

/**
 * One column of a report: its Russian header, how its cells are written, its width in XLSX, and how the
 * value is read from a row.
 *
 * @param header the header, in Russian
 * @param kind how cells are written
 * @param width width in characters (XLSX)
 * @param value reads the cell from a row; null leaves the cell empty
 * @param <T> the row type
 */
public record Column<T>(String header, CellKind kind, int width, Function<T, @Nullable Object> value) {

	public static <T> Column<T> of(String header, CellKind kind, int width, Function<T, @Nullable Object> value) {
		return new Column<>(header, kind, width, value);
	}

}
