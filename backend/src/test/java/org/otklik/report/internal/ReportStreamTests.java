package org.otklik.report.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reactivestreams.Subscription;
import reactor.core.publisher.BaseSubscriber;
import reactor.core.publisher.Flux;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 100,000 rows go through the XLSX and CSV writers while a slow reader takes the output a buffer at a time:
 * the rows are produced only as fast as the output is read (never collected), and the file holds them all.
 */
class ReportStreamTests {

	static final int ROWS = 100_000;

	static final ZoneId ZONE = ZoneId.of("Asia/Magadan");

	record Item(int number, Instant at, String text) {
	}

	static final List<Column<Item>> COLUMNS = List.of(Column.<Item>of("№", CellKind.INTEGER, 8, Item::number),
			Column.<Item>of("Когда", CellKind.DATE_TIME, 17, Item::at), Column.<Item>of("Текст", CellKind.TEXT, 40, Item::text));

	@Test
	void hundredThousandRowsStreamThroughABoundedXlsxPipeline(@TempDir Path dir) throws Exception {
		AtomicLong produced = new AtomicLong();
		Path file = dir.resolve("big.xlsx");
		try (OutputStream out = Files.newOutputStream(file)) {
			SlowReader reader = new SlowReader(out);
			XlsxStream.write(List.of(new Sheet<>("Строки", COLUMNS, rows(produced))), ZONE,
					DefaultDataBufferFactory.sharedInstance).subscribe(reader);
			assertBoundedThenDrain(reader, produced, XlsxStream.BATCH);
		}
		try (ReadableWorkbook workbook = new ReadableWorkbook(file.toFile());
				Stream<Row> rows = workbook.getFirstSheet().openStream()) {
			long[] count = { 0 };
			String[] last = { null };
			rows.forEach(row -> {
				count[0]++;
				last[0] = row.getCellText(2);
			});
			assertThat(count[0]).isEqualTo(ROWS + 1);
			assertThat(last[0]).isEqualTo("Строка " + (ROWS - 1));
		}
		assertThat(produced.get()).isEqualTo(ROWS);
	}

	@Test
	void hundredThousandRowsStreamThroughABoundedCsvPipeline(@TempDir Path dir) throws Exception {
		AtomicLong produced = new AtomicLong();
		Path file = dir.resolve("big.csv");
		try (OutputStream out = Files.newOutputStream(file)) {
			SlowReader reader = new SlowReader(out);
			CsvStream.write(List.of(new Sheet<>("Строки", COLUMNS, rows(produced))), ZONE,
					DefaultDataBufferFactory.sharedInstance).subscribe(reader);
			assertBoundedThenDrain(reader, produced, CsvStream.BATCH);
		}
		try (Stream<String> lines = Files.lines(file)) {
			assertThat(lines.count()).isEqualTo(ROWS + 1);
		}
		assertThat(produced.get()).isEqualTo(ROWS);
	}

	@Test
	void csvFieldsAreSpelledForRussianExcel() {
		assertThat(CsvStream.field(CellKind.TEXT, "=HYPERLINK(\"x\")", ZONE)).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
		assertThat(CsvStream.field(CellKind.TEXT, "a;b", ZONE)).isEqualTo("\"a;b\"");
		assertThat(CsvStream.field(CellKind.TEXT, "строка\nещё", ZONE)).isEqualTo("\"строка\nещё\"");
		assertThat(CsvStream.field(CellKind.TEXT, "-5 градусов", ZONE)).isEqualTo("'-5 градусов");
		assertThat(CsvStream.field(CellKind.INTEGER, -5, ZONE)).isEqualTo("-5");
		assertThat(CsvStream.field(CellKind.SHARE, 0.855, ZONE)).isEqualTo("85,5%");
		assertThat(CsvStream.field(CellKind.DECIMAL, 72.25, ZONE)).isEqualTo("72,3");
		assertThat(CsvStream.field(CellKind.DURATION, 27 * 3600 + 5 * 60, ZONE)).isEqualTo("27:05");
		assertThat(CsvStream.field(CellKind.DATE_TIME, Instant.parse("2026-12-05T23:30:00Z"), ZONE))
			.isEqualTo("06.12.2026 10:30");
		assertThat(CsvStream.field(CellKind.TYPED, new CellKind.Typed(3, CellKind.INTEGER), ZONE)).isEqualTo("3");
		assertThat(CsvStream.field(CellKind.LABEL, null, ZONE)).isEmpty();
	}

	/** Rows made on demand, counting how many were asked for. */
	private static Flux<Item> rows(AtomicLong produced) {
		Instant start = Instant.parse("2026-12-01T00:00:00Z");
		return Flux.range(0, ROWS).map(n -> {
			produced.incrementAndGet();
			return new Item(n, start.plusSeconds(n * 60L), "Строка " + n);
		});
	}

	/**
	 * Takes three buffers, lets the pipeline settle, and checks that only a few batches were produced: the
	 * writer waits for the reader. Then reads the rest.
	 */
	private static void assertBoundedThenDrain(SlowReader reader, AtomicLong produced, int batch) throws Exception {
		reader.take(3);
		reader.awaitReceived(3);
		Thread.sleep(300);
		assertThat(produced.get()).isBetween(1L, 20L * batch);
		reader.take(Long.MAX_VALUE);
		reader.awaitDone();
	}

	/** A subscriber that writes buffers to a file only when told to take them. */
	static final class SlowReader extends BaseSubscriber<DataBuffer> {

		private final OutputStream out;

		private final java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(1);

		private final AtomicLong received = new AtomicLong();

		private volatile Throwable error;

		SlowReader(OutputStream out) {
			this.out = out;
		}

		@Override
		protected void hookOnSubscribe(Subscription subscription) {
			// Nothing until the test asks.
		}

		void take(long n) {
			request(n);
		}

		@Override
		protected void hookOnNext(DataBuffer buffer) {
			try {
				byte[] bytes = new byte[buffer.readableByteCount()];
				buffer.read(bytes);
				this.out.write(bytes);
			}
			catch (IOException ex) {
				throw new java.io.UncheckedIOException(ex);
			}
			finally {
				DataBufferUtils.release(buffer);
				this.received.incrementAndGet();
			}
		}

		@Override
		protected void hookOnError(Throwable throwable) {
			this.error = throwable;
		}

		@Override
		protected void hookFinally(reactor.core.publisher.SignalType type) {
			this.done.countDown();
		}

		void awaitReceived(long n) throws InterruptedException {
			long deadline = System.nanoTime() + 60_000_000_000L;
			while (this.received.get() < n && System.nanoTime() < deadline && this.done.getCount() > 0) {
				Thread.sleep(10);
			}
			assertThat(this.received.get()).isGreaterThanOrEqualTo(n);
		}

		void awaitDone() throws InterruptedException {
			assertThat(this.done.await(5, java.util.concurrent.TimeUnit.MINUTES)).isTrue();
			assertThat(this.error).isNull();
		}

	}

}
