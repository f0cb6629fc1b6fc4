package org.otklik.report.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferFactory;

/**
 * Writes sheets as an XLSX workbook while their rows stream in. fastexcel writes to an {@code OutputStream};
 * here that stream is an in-memory chunk that is handed on as a {@link DataBuffer} after every batch of rows
 * (the worksheet is flushed, so written rows are dropped). Nothing blocks: a batch is written when the
 * response asks for more, on {@code boundedElastic} rather than an event-loop thread, because XML and deflate
 * work on 200 rows takes milliseconds. At most one batch and one chunk are held, whatever the number of rows.
 */
public final class XlsxStream {

	/** Rows written between flushes. */
	static final int BATCH = 200;

	/** Excel's limit of characters in a cell. */
	static final int MAX_CELL_TEXT = 32_767;

	static final String DATE_TIME_FORMAT = "dd.mm.yyyy hh:mm";

	static final String DATE_FORMAT = "dd.mm.yyyy";

	private XlsxStream() {
	}

	/** The workbook with one worksheet per sheet, in order; local times in the zone. */
	public static Flux<DataBuffer> write(List<Sheet<?>> sheets, ZoneId zone, DataBufferFactory buffers) {
		return Flux.using(() -> new Writer(zone),
				writer -> Flux.concat(Flux.fromIterable(sheets).concatMap(sheet -> sheet(writer, sheet), 1),
						Mono.fromCallable(writer::finish).subscribeOn(Schedulers.boundedElastic()))
					.filter(bytes -> bytes.length > 0)
					.map(buffers::wrap),
				Writer::discard);
	}

	private static <T> Flux<byte[]> sheet(Writer writer, Sheet<T> sheet) {
		return Flux.concat(Mono.fromCallable(() -> writer.begin(sheet)),
				sheet.rows()
					.buffer(BATCH)
					// One batch ahead at most: the cursor is read only as fast as the client downloads.
					.publishOn(Schedulers.boundedElastic(), 1)
					.map(batch -> writer.rows(sheet, batch)));
	}

	/** The workbook being written; used by one thread at a time, in the order the stream dictates. */
	static final class Writer {

		private final Chunk out = new Chunk();

		private final Workbook workbook;

		private final ZoneId zone;

		private @Nullable Worksheet current;

		private int row;

		Writer(ZoneId zone) {
			this.zone = zone;
			this.workbook = new Workbook(this.out, "Otklik", "1.0");
		}

		<T> byte[] begin(Sheet<T> sheet) throws IOException {
			if (this.current != null) {
				// A sheet's zip entry stays open while it is flushed; it must be closed before the next one.
				this.current.finish();
			}
			Worksheet ws = this.workbook.newWorksheet(sheet.name());
			List<Column<T>> columns = sheet.columns();
			for (int c = 0; c < columns.size(); c++) {
				ws.value(0, c, columns.get(c).header());
				ws.style(0, c).bold().wrapText(true).set();
				ws.width(c, columns.get(c).width());
			}
			ws.freezePane(0, 1);
			this.current = ws;
			this.row = 1;
			return this.out.drain();
		}

		<T> byte[] rows(Sheet<T> sheet, List<T> batch) {
			Worksheet ws = this.current;
			List<Column<T>> columns = sheet.columns();
			for (T item : batch) {
				for (int c = 0; c < columns.size(); c++) {
					Column<T> column = columns.get(c);
					cell(ws, this.row, c, column.kind(), column.value().apply(item));
				}
				this.row++;
			}
			try {
				ws.flush();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			return this.out.drain();
		}

		byte[] finish() throws IOException {
			this.workbook.finish();
			return this.out.drain();
		}

		void discard() {
			this.current = null;
			this.out.reset();
		}

		private void cell(Worksheet ws, int r, int c, CellKind kind, @Nullable Object value) {
			if (value == null) {
				return;
			}
			switch (kind) {
				case TEXT -> {
					String text = value.toString();
					ws.inlineString(r, c, (text.length() > MAX_CELL_TEXT) ? text.substring(0, MAX_CELL_TEXT) : text);
				}
				case LABEL -> ws.value(r, c, value.toString());
				case DATE_TIME -> {
					ws.value(r, c, LocalDateTime.ofInstant((Instant) value, this.zone));
					ws.style(r, c).format(DATE_TIME_FORMAT).set();
				}
				case DATE -> {
					ws.value(r, c, (LocalDate) value);
					ws.style(r, c).format(DATE_FORMAT).set();
				}
				case INTEGER -> ws.value(r, c, (Number) value);
				case DECIMAL -> {
					ws.value(r, c, (Number) value);
					ws.style(r, c).format("0.0").set();
				}
				case SHARE -> {
					ws.value(r, c, (Number) value);
					ws.style(r, c).format("0.0%").set();
				}
				case DURATION -> {
					// Excel keeps durations as fractions of a day; [h] lets hours run past 24.
					ws.value(r, c, ((Number) value).doubleValue() / 86_400d);
					ws.style(r, c).format("[h]:mm").set();
				}
				case TYPED -> {
					CellKind.Typed typed = (CellKind.Typed) value;
					cell(ws, r, c, typed.kind(), typed.value());
				}
			}
		}

	}

	/** An output stream whose bytes are taken out after every write step. */
	static final class Chunk extends ByteArrayOutputStream {

		Chunk() {
			super(64 * 1024);
		}

		byte[] drain() {
			byte[] bytes = toByteArray();
			reset();
			return bytes;
		}

	}

}
