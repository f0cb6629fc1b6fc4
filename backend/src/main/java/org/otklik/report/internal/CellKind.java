package org.otklik.report.internal;

/**
 * How a cell is written: the XLSX number format of each kind and its CSV spelling, decided once so that both
 * formats agree and a date is a real date in Excel rather than text.
 */
public enum CellKind {

	/** Free text from people (an appeal's text): inline in XLSX, so a big export does not grow a string table. */
	TEXT,
	/** One of few values repeated on many rows (a status, a channel): a shared string in XLSX. */
	LABEL,
	/** An {@link java.time.Instant}, shown as a local date and time of the region. */
	DATE_TIME,
	/** A {@link java.time.LocalDate}. */
	DATE,
	/** A whole number. */
	INTEGER,
	/** A number with one decimal, such as a score. */
	DECIMAL,
	/** A share from 0 to 1, shown as a percentage. */
	SHARE,
	/** A number of seconds, shown as hours and minutes ({@code [h]:mm}). */
	DURATION,
	/** The value is a {@link Typed} that carries its own kind (key–value tables of figures). */
	TYPED;

	/**
	 * A value with its own kind.
	 *
	 * @param value the value, possibly null
	 * @param kind how to write it
	 */
	public record Typed(@org.jspecify.annotations.Nullable Object value, CellKind kind) {
	}

}
