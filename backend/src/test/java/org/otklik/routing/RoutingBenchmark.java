package org.otklik.routing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.otklik.region.Category;
import org.otklik.region.Municipality;
import org.otklik.routing.internal.AgencyRules;
import org.otklik.routing.internal.CategoryClassifier;
import org.otklik.routing.internal.Router;
import org.otklik.routing.internal.Training;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The routing report: category top-1/top-2, municipality, urgency and not-an-appeal figures on the held-out
 * TEST part of {@code shared/datasets/appeals-dev.jsonl} (ids with {@code Math.floorMod(id.hashCode(), 10) >= 6};
 * the TRAIN part, shipped in {@code routing/dev-train.txt}, is printed beside it for reference only), and
 * the latency of a suggestion for a 2,000-character text. A plain main, not a test (Surefire skips the
 * name): run {@code bench/routing.sh}; {@code bench/routing-cv.sh} runs only the cross-validation over the
 * shipped examples. Prints figures only.
 */
public final class RoutingBenchmark {

	record Row(String id, String text, Category category, Municipality municipality, boolean urgent,
			boolean notAppeal) {

		boolean test() {
			return Math.floorMod(this.id.hashCode(), 10) >= 6;
		}

	}

	private RoutingBenchmark() {
	}

	public static void main(String[] args) throws IOException {
		// Plain main without Boot's logging setup: keep OpenNLP's per-iteration progress out of the report.
		((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("opennlp"))
			.setLevel(ch.qos.logback.classic.Level.WARN);
		if (args.length > 0 && args[0].equals("latency")) {
			Router router = Training.train(List.of(), AgencyRules.parse(AgencyRules.shippedText()), 1, Instant.now());
			latency(router, (args.length > 1) ? Integer.parseInt(args[1]) : 3000);
			return;
		}
		if (args.length > 0 && args[0].equals("cv")) {
			crossValidate();
			return;
		}
		boolean trainOnly = args.length > 0 && args[0].equals("train");
		Path file = locate();
		List<Row> rows = new ArrayList<>();
		JsonMapper mapper = JsonMapper.builder().build();
		for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
			if (line.isBlank()) {
				continue;
			}
			JsonNode r = mapper.readTree(line);
			rows.add(new Row(r.get("id").asString(), r.get("text").asString(),
					Category.valueOf(r.get("category").asString()),
					Municipality.fromTitle(r.get("municipality").asString()).orElseThrow(), r.get("urgent").asBoolean(),
					r.get("not_appeal").asBoolean()));
		}
		long t0 = System.nanoTime();
		Router router = Training.train(List.of(), AgencyRules.parse(AgencyRules.shippedText()), 1, Instant.now());
		long trainMillis = (System.nanoTime() - t0) / 1_000_000;
		System.out.printf(Locale.ROOT, "Data: %s; model trained on %d shipped examples in %d ms (inner held-out accuracy %.3f on %d)%n",
				file, router.model().examples(), trainMillis, router.model().accuracy(), router.model().heldOut());
		System.out.println("Cold season assumed (the data's timeline is late autumn and winter).");
		System.out.println();
		System.out.println("| split | rows | top-1 | top-2 | municipality when named (answered) | municipality over all rows | urgent recall | urgent precision | not-appeal precision | not-appeal recall |");
		System.out.println("|---|---|---|---|---|---|---|---|---|---|");
		if (trainOnly) {
			// Development on the TRAIN rows alone (their urgency misses and false alarms are listed): the TEST rows
			// are not even classified, so nothing about them can leak into a change.
			report("TRAIN (reference)", rows.stream().filter(r -> !r.test()).toList(), router);
			return;
		}
		report("TEST (held out)", rows.stream().filter(Row::test).toList(), router);
		report("TRAIN (reference)", rows.stream().filter(r -> !r.test()).toList(), router);
		System.out.println();
		latency(router, (args.length > 0) ? Integer.parseInt(args[0]) : 3000);
	}

	private static void report(String name, List<Row> rows, Router router) {
		int top1 = 0;
		int top2 = 0;
		int placeAnswered = 0;
		int placeRight = 0;
		int urgentTrue = 0;
		int urgentPredicted = 0;
		int urgentHit = 0;
		int notPredicted = 0;
		int notHit = 0;
		int notTrue = 0;
		List<String> misses = new ArrayList<>();
		List<String> urgentMisses = new ArrayList<>();
		List<String> urgentFalse = new ArrayList<>();
		for (Row row : rows) {
			RoutingSuggestion s = router.suggest(row.text(), true);
			if (s.category() == row.category()) {
				top1++;
			}
			else {
				misses.add(row.id() + " " + row.category() + "→" + s.category());
			}
			if (s.category() == row.category() || (!s.alternatives().isEmpty() && s.alternatives().get(0).category() == row.category())) {
				top2++;
			}
			if (s.municipality() != null) {
				placeAnswered++;
				if (s.municipality() == row.municipality()) {
					placeRight++;
				}
			}
			urgentTrue += row.urgent() ? 1 : 0;
			urgentPredicted += s.urgent() ? 1 : 0;
			urgentHit += (s.urgent() && row.urgent()) ? 1 : 0;
			if (row.urgent() && !s.urgent()) {
				urgentMisses.add(row.id());
			}
			if (!row.urgent() && s.urgent()) {
				urgentFalse.add(row.id() + " " + s.urgencyReasons());
			}
			notTrue += row.notAppeal() ? 1 : 0;
			notPredicted += s.notAppeal() ? 1 : 0;
			notHit += (s.notAppeal() && row.notAppeal()) ? 1 : 0;
		}
		int n = rows.size();
		System.out.printf(Locale.ROOT, "| %s | %d | %s | %s | %s (%d/%d) | %s | %s | %s | %s | %s |%n", name, n, pct(top1, n),
				pct(top2, n), pct(placeRight, placeAnswered), placeAnswered, n, pct(placeRight, n),
				pct(urgentHit, urgentTrue), pct(urgentHit, urgentPredicted), pct(notHit, notPredicted),
				pct(notHit, notTrue));
		// Misses are listed for the TRAIN part only: looking at held-out mistakes would be tuning on them.
		if (name.startsWith("TRAIN")) {
			System.out.println("|   category misses: " + String.join(", ", misses) + " |");
			System.out.println("|   urgent missed: " + String.join(", ", urgentMisses) + " |");
			System.out.println("|   urgent false alarms: " + String.join(", ", urgentFalse) + " |");
		}
	}

	/**
	 * 5-fold cross-validation of the category model over the shipped examples only (the criterion for
	 * choosing features and data; the TEST rows are not among them). Four splits: the first by
	 * {@code Math.floorMod(text.hashCode(), 5)}, three more by a mixed hash, so one lucky split does not decide.
	 */
	private static void crossValidate() {
		List<CategoryClassifier.Example> all = Training.shippedExamples();
		// The data set's TRAIN rows are written by the same hand as the TEST rows, unlike the seed corpus: their
		// figure is the closer forecast of TEST. The router also sets non-appeals to OTHER, so its figure is given too.
		java.util.Set<String> devRows = new java.util.HashSet<>();
		CategoryClassifier.loadCorpus("/routing/dev-train.txt", 1).forEach(e -> devRows.add(e.text()));
		double sum = 0;
		double routerSum = 0;
		double devSum = 0;
		int splits = 4;
		for (int split = 0; split < splits; split++) {
			int[][] confusion = new int[Category.values().length][Category.values().length];
			int right = 0;
			int routerRight = 0;
			int devRight = 0;
			int devAll = 0;
			int shortRight = 0;
			int shortAll = 0;
			for (int fold = 0; fold < 5; fold++) {
				int f = fold;
				int s = split;
				CategoryClassifier model = CategoryClassifier
					.train(all.stream().filter(e -> fold(e, s) != f).toList(), Training.lexicon());
				for (CategoryClassifier.Example e : all.stream().filter(e -> fold(e, s) == f).toList()) {
					Category got = model.classify(e.text()).get(0).category();
					confusion[e.category().ordinal()][got.ordinal()]++;
					right += (got == e.category()) ? 1 : 0;
					Category routed = org.otklik.routing.internal.NotAppealRules.reason(e.text()).isPresent() ? Category.OTHER
							: got;
					routerRight += (routed == e.category()) ? 1 : 0;
					if (devRows.contains(e.text())) {
						devAll++;
						devRight += (routed == e.category()) ? 1 : 0;
					}
					if (e.text().length() < 80) {
						shortAll++;
						shortRight += (got == e.category()) ? 1 : 0;
					}
				}
			}
			sum += (double) right / all.size();
			routerSum += (double) routerRight / all.size();
			devSum += (double) devRight / devAll;
			System.out.printf(Locale.ROOT,
					"split %d: top-1 %.3f (%d/%d), texts under 80 characters %d/%d; as routed (non-appeals OTHER) %.3f, on the data set's TRAIN rows %d/%d%n",
					split, (double) right / all.size(), right, all.size(), shortRight, shortAll,
					(double) routerRight / all.size(), devRight, devAll);
			if (split == 0) {
				System.out.println("confusion of split 0 (rows: true category, columns: predicted):");
				for (Category c : Category.values()) {
					StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-18s", c.name()));
					for (int n : confusion[c.ordinal()]) {
						line.append(String.format(Locale.ROOT, "%4d", n));
					}
					System.out.println(line);
				}
			}
		}
		System.out.printf(Locale.ROOT, "mean top-1 over %d splits of %d examples: %.3f (model alone), %.3f as routed, %.3f on the data set's TRAIN rows as routed%n",
				splits, all.size(), sum / splits, routerSum / splits, devSum / splits);
		// The category wordings written for the tests (never trained on): a second check that a change generalises.
		CategoryClassifier full = CategoryClassifier.train(all, Training.lexicon());
		int wordingsRight = 0;
		int wordings = 0;
		for (String line : CategoryClassifier.resourceLines("/routing/category-new-wordings.txt")) {
			int bar = line.indexOf('|');
			wordings++;
			wordingsRight += (full.classify(line.substring(bar + 1).strip()).get(0).category() == Category
				.valueOf(line.substring(0, bar).strip())) ? 1 : 0;
		}
		System.out.printf(Locale.ROOT, "category wordings written for the tests (model on all shipped examples): %d/%d%n",
				wordingsRight, wordings);
	}

	private static int fold(CategoryClassifier.Example e, int split) {
		int h = e.text().hashCode();
		return (split == 0) ? Math.floorMod(h, 5)
				: Math.floorMod(Long.hashCode((h + split * 1_000_003L) * 0x9E3779B97F4A7C15L), 5);
	}

	private static String pct(int part, int whole) {
		return (whole == 0) ? "n/a" : String.format(Locale.ROOT, "%.1f %% (%d/%d)", 100.0 * part / whole, part, whole);
	}

	/** A 2,000-character appeal of invented sentences that touch several categories and places. */
	static String longText() {
		String base = "Здравствуйте! Пишу из посёлка Синегорье Ягоднинского округа. Третий день в доме по улице "
				+ "Гагарина нет отопления, в квартире плюс тринадцать, дети мёрзнут. Котельная, говорят, стоит из-за "
				+ "аварии, угля привезли мало. В подъезде течёт крыша, управляющая компания трубку не берёт. Автобус "
				+ "до Ягодного ходит через день, дорога в ямах. В амбулатории нет терапевта, за лекарствами ездим в "
				+ "райцентр. Просим разобраться и сообщить, когда дадут тепло. ";
		StringBuilder text = new StringBuilder();
		while (text.length() < 2000) {
			text.append(base);
		}
		return text.substring(0, 2000);
	}

	private static void latency(Router router, int iterations) {
		String text = longText();
		System.out.printf(Locale.ROOT, "machine: %d cores, load average before: %s%n", Runtime.getRuntime().availableProcessors(),
				loadAverage());
		for (int i = 0; i < 1000; i++) {
			router.suggest(text, true);
		}
		long[] nanos = new long[iterations];
		long[] baseline = new long[iterations];
		// CPU time of this thread survives a loaded machine better than wall-clock percentiles do.
		java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
		long cpu = 0;
		for (int i = 0; i < iterations; i++) {
			long c0 = threads.getCurrentThreadCpuTime();
			long t0 = System.nanoTime();
			router.suggest(text, true);
			long t1 = System.nanoTime();
			cpu += threads.getCurrentThreadCpuTime() - c0;
			// Same-run baseline on a shared machine: Lucene's stemming of the same text alone.
			org.otklik.text.RussianStems.all(text);
			nanos[i] = t1 - t0;
			baseline[i] = System.nanoTime() - t1;
		}
		Arrays.sort(nanos);
		Arrays.sort(baseline);
		System.out.printf(Locale.ROOT, "baseline (stemming the same text alone): p50 %.2f ms, p95 %.2f ms%n",
				baseline[iterations / 2] / 1e6, baseline[iterations * 95 / 100] / 1e6);
		System.out.printf(Locale.ROOT, "suggest, %d-character text, %d runs after 1,000 warm-up: p50 %.2f ms, p95 %.2f ms, p99 %.2f ms%n",
				text.length(), iterations, nanos[iterations / 2] / 1e6, nanos[iterations * 95 / 100] / 1e6,
				nanos[iterations * 99 / 100] / 1e6);
		System.out.printf(Locale.ROOT, "suggest CPU time: %.2f ms per suggestion (mean)%n", cpu / 1e6 / iterations);
		System.out.printf(Locale.ROOT, "load average after: %s (p95 target: 20 ms)%n", loadAverage());
	}

	/** The 1, 5 and 15 minute load averages, so a figure taken on a busy machine says so. */
	private static String loadAverage() {
		try {
			String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
			return f[0] + " " + f[1] + " " + f[2];
		}
		catch (IOException | RuntimeException ex) {
			return String.format(Locale.ROOT, "%.2f (1 min)",
					java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
		}
	}

	static Path locate() {
		String configured = System.getProperty("otklik.datasets");
		if (configured != null) {
			return Path.of(configured, "appeals-dev.jsonl");
		}
		for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
			Path candidate = dir.resolve("shared").resolve("datasets").resolve("appeals-dev.jsonl");
			if (Files.isRegularFile(candidate)) {
				return candidate;
			}
		}
		throw new IllegalStateException("shared/datasets/appeals-dev.jsonl not found; pass -Dotklik.datasets=/path");
	}

}
