package org.otklik.quality;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Measures the coach against labelled answers, each with the appeal it answers as context:
 * precision, recall and F1 per labelled rule, macro-F1, and the share of good answers that get any
 * finding other than the advisory TOO_COMPLEX. Three sets are reported side by side: the tuning part
 * of {@code answers-dev.jsonl}, its held-out part (split by a hash of the id, see
 * {@link DevDataset.LabelledAnswer#tuning()}) and answers written for this test after the rules
 * were done ({@code quality/own-answers.jsonl}). RUDENESS counts as NO_POLITENESS, the label the
 * annotators use. OFF_TOPIC is measured on the same answers twice: with their own appeal (it must
 * stay silent) and with the appeal of another answer of a different category (it should fire).
 * {@code -Dquality.printTuningErrors=true} prints the tuning part's errors row by row, and nothing
 * of the held-out part.
 */
class QualityDatasetTests {

	private static final double MIN_MACRO_F1 = 0.80;

	private static final double MAX_GOOD_FLAGGED = 0.10;

	private static final double MAX_OFF_TOPIC_FALSE_ALARMS = 0.05;

	/** The five rules annotators label. */
	private static final List<QualityRule> MEASURED = List.of(QualityRule.values())
		.stream()
		.filter((rule) -> rule.measuredAs() == rule)
		.toList();

	private static final QualityService SERVICE = new QualityService(QualityProperties.defaults());

	private static List<Case> tuning;

	private static List<Case> heldOut;

	private static List<Case> own;

	private static List<Case> ownB;

	private static List<Case> ownC;

	private static List<Case> ownD;

	private static List<Case> ownE;

	private static List<Case> ownF;

	private static List<Case> ownG;

	private static List<Case> ownH;

	private static List<Case> ownI;

	private static List<Case> ownJ;

	/** One answer with its context, its labels and what the coach said. */
	record Case(String id, String text, String appeal, Set<QualityRule> labels, boolean good, boolean offTopic,
			Set<QualityRule> predicted, boolean predictedOffTopic, boolean flagged) {

		static Case of(String id, String text, String appeal, Set<QualityRule> labels, boolean good,
				boolean offTopic) {
			Set<QualityRule> predicted = EnumSet.noneOf(QualityRule.class);
			boolean predictedOffTopic = false;
			boolean flagged = false;
			for (QualityFinding finding : SERVICE.check(text, appeal).findings()) {
				if (finding.rule().measuredAs() != null) {
					predicted.add(finding.rule().measuredAs());
				}
				predictedOffTopic |= finding.rule() == QualityRule.OFF_TOPIC;
				flagged |= finding.rule() != QualityRule.TOO_COMPLEX;
			}
			return new Case(id, text, appeal, labels, good, offTopic, predicted, predictedOffTopic, flagged);
		}

	}

	@BeforeAll
	static void runCoach() {
		List<DevDataset.LabelledAnswer> answers = DevDataset.load();
		tuning = new ArrayList<>();
		heldOut = new ArrayList<>();
		for (int i = 0; i < answers.size(); i++) {
			DevDataset.LabelledAnswer answer = answers.get(i);
			List<Case> part = answer.tuning() ? tuning : heldOut;
			part.add(Case.of(answer.id(), answer.text(), answer.appealText(), answer.labels(), answer.good(), false));
			// The same answer attached to the appeal of the next answer (in file order) of another category.
			DevDataset.LabelledAnswer other = nextOfOtherCategory(answers, i);
			part.add(Case.of(answer.id() + "/" + other.appealId(), answer.text(), other.appealText(), null, false, true));
		}
		own = loadOwn("/quality/own-answers.jsonl");
		ownB = loadOwn("/quality/own-answers-b.jsonl");
		ownC = loadOwn("/quality/own-answers-c.jsonl");
		ownD = loadOwn("/quality/own-answers-d.jsonl");
		ownE = loadOwn("/quality/own-answers-e.jsonl");
		// F: written after the rules of 8df80a1 were fixed, committed before its first run.
		ownF = loadOwn("/quality/own-answers-f.jsonl");
		// G: written after the strong-evidence rules of 7b987de were committed (c330f43), scored once.
		ownG = loadOwn("/quality/own-answers-g.jsonl");
		// H: written and committed before its first run against the rules of main 464ec50, scored once.
		ownH = loadOwn("/quality/own-answers-h.jsonl");
		// I: written after the fifth pass (127dcc3) was committed, committed before its one scoring run.
		ownI = loadOwn("/quality/own-answers-i.jsonl");
		// J: written blind to the rules, phrase lists, model and their tests (only the label definitions were
		// read), committed before its one scoring run, which comes after the evening session's rule changes.
		ownJ = loadOwn("/quality/own-answers-j.jsonl");
		if (Boolean.getBoolean("quality.printTuningErrors")) {
			printErrors(tuning);
		}
		// Own sets whose errors may be read: A and B were studied for the generalisation pass; C must
		// not be (it is the unseen check), so it has no switch here.
		// E was run once, with the figures recorded, before its rows were read.
		if (Boolean.getBoolean("quality.printOwnEErrors")) {
			printErrors(ownE);
		}
		// F was scored once (commit da53eef) before this switch existed; its rows are read for the
		// record of what is left, not to change the rules.
		if (Boolean.getBoolean("quality.printOwnFErrors")) {
			printErrors(ownF);
		}
		// G's rows are printed by its one scoring run to record what is left; no rule is changed for them.
		if (Boolean.getBoolean("quality.printOwnGErrors")) {
			printErrors(ownG);
		}
		// H's rows are printed by its one scoring run; rules are then built for the classes of its errors.
		if (Boolean.getBoolean("quality.printOwnHErrors")) {
			printErrors(ownH);
		}
		if (Boolean.getBoolean("quality.printOwnIErrors")) {
			printErrors(ownI);
		}
		if (Boolean.getBoolean("quality.printOwnJErrors")) {
			printErrors(ownJ);
		}
		if (Boolean.getBoolean("quality.printOwnErrors")) {
			printErrors(own);
			printErrors(ownB);
		}
	}

	private static void printErrors(List<Case> cases) {
		for (Case c : cases) {
			boolean labelError = c.labels() != null && !c.labels().equals(c.predicted());
			if (labelError || c.offTopic() != c.predictedOffTopic()) {
				System.out.println(c.id() + " expected " + c.labels() + (c.offTopic() ? " OFF_TOPIC" : "") + " got "
						+ c.predicted() + (c.predictedOffTopic() ? " OFF_TOPIC" : "") + "\n    " + c.text()
						+ (c.offTopic() || c.predictedOffTopic() ? "\n    appeal: " + c.appeal() : ""));
			}
		}
	}

	private static DevDataset.LabelledAnswer nextOfOtherCategory(List<DevDataset.LabelledAnswer> answers, int i) {
		for (int k = 1; k < answers.size(); k++) {
			DevDataset.LabelledAnswer other = answers.get((i + k) % answers.size());
			if (!other.appealCategory().equals(answers.get(i).appealCategory())) {
				return other;
			}
		}
		throw new IllegalStateException("all appeals share one category");
	}

	private static List<Case> loadOwn(String resource) {
		JsonMapper mapper = JsonMapper.builder().build();
		List<Case> cases = new ArrayList<>();
		try (InputStream in = QualityDatasetTests.class.getResourceAsStream(resource)) {
			if (in == null) {
				// ownAnswersAreLabelledAndMeasured fails on the empty set; the dev tables still print.
				return cases;
			}
			for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
				if (line.isBlank()) {
					continue;
				}
				JsonNode row = mapper.readTree(line);
				Set<QualityRule> labels = new TreeSet<>();
				for (JsonNode label : row.get("findings")) {
					labels.add(QualityRule.valueOf(label.asString()));
				}
				cases.add(Case.of(row.get("id").asString(), row.get("text").asString(), row.get("appeal").asString(),
						labels, labels.isEmpty() && !row.get("off_topic").asBoolean(), row.get("off_topic").asBoolean()));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return cases;
	}

	@Test
	void coachMeetsTheBarOnTheDevFile() {
		Metrics tuningMetrics = Metrics.of(tuning);
		Metrics heldOutMetrics = Metrics.of(heldOut);
		Metrics ownMetrics = Metrics.of(own);
		Metrics ownBMetrics = Metrics.of(ownB);
		List<Case> all = new ArrayList<>(tuning);
		all.addAll(heldOut);
		Metrics allMetrics = Metrics.of(all);
		Metrics ownCMetrics = Metrics.of(ownC);
		Metrics ownDMetrics = Metrics.of(ownD);
		Metrics ownEMetrics = Metrics.of(ownE);
		Metrics ownFMetrics = Metrics.of(ownF);
		Metrics ownGMetrics = Metrics.of(ownG);
		Metrics ownHMetrics = Metrics.of(ownH);
		Metrics ownIMetrics = Metrics.of(ownI);
		Metrics ownJMetrics = Metrics.of(ownJ);
		System.out.println(table(List.of(new Column("tuning", tuningMetrics), new Column("held-out", heldOutMetrics),
				new Column("own A", ownMetrics), new Column("own B", ownBMetrics), new Column("own C", ownCMetrics),
				new Column("own D", ownDMetrics), new Column("own E", ownEMetrics), new Column("own F", ownFMetrics),
				new Column("own G", ownGMetrics), new Column("own H", ownHMetrics), new Column("own I", ownIMetrics),
				new Column("own J", ownJMetrics), new Column("dev all", allMetrics))));
		assertThat(allMetrics.macroF1()).as("macro-F1 on the whole dev file").isGreaterThanOrEqualTo(MIN_MACRO_F1);
		assertThat(allMetrics.goodFlaggedShare()).as("share of good dev answers with any finding")
			.isLessThanOrEqualTo(MAX_GOOD_FLAGGED);
		assertThat(allMetrics.offTopic().falsePositives())
			.as("dev answers called off topic with their own appeal (of " + allMetrics.onTopic() + ")")
			.isLessThanOrEqualTo((int) Math.floor(MAX_OFF_TOPIC_FALSE_ALARMS * allMetrics.onTopic()));
	}

	@Test
	void ownAnswersAreLabelledAndMeasured() {
		assertThat(ownB).hasSizeGreaterThanOrEqualTo(15);
		assertThat(own).hasSizeGreaterThanOrEqualTo(40);
		assertThat(own).filteredOn(Case::good).hasSizeGreaterThanOrEqualTo(10);
		assertThat(ownC).hasSizeGreaterThanOrEqualTo(60);
		assertThat(ownC).filteredOn(Case::good).hasSizeGreaterThanOrEqualTo(20);
		assertThat(ownD).hasSizeGreaterThanOrEqualTo(30);
		assertThat(ownE).hasSizeGreaterThanOrEqualTo(30);
		assertThat(ownE).filteredOn(Case::good).hasSizeGreaterThanOrEqualTo(10);
		assertThat(ownF).hasSizeGreaterThanOrEqualTo(36);
		assertThat(ownF).filteredOn(Case::good).hasSizeGreaterThanOrEqualTo(14);
		assertThat(ownG).hasSizeGreaterThanOrEqualTo(30);
		assertThat(ownG).filteredOn(Case::good).hasSizeGreaterThanOrEqualTo(12);
		assertThat(ownH).hasSizeGreaterThanOrEqualTo(36);
		assertThat(ownH).filteredOn(Case::good).hasSizeGreaterThanOrEqualTo(14);
		assertThat(ownI).hasSizeGreaterThanOrEqualTo(19);
		assertThat(ownI).filteredOn(Case::good).hasSizeGreaterThanOrEqualTo(8);
		assertThat(ownJ).hasSizeGreaterThanOrEqualTo(40);
		assertThat(ownJ).filteredOn(Case::good).hasSizeGreaterThanOrEqualTo(16);
		Metrics metrics = Metrics.of(own);
		assertThat(metrics.macroF1()).as("macro-F1 on answers written for the test").isGreaterThanOrEqualTo(MIN_MACRO_F1);
	}

	@Test
	void splitIsDeterministicAndCoversEveryAnswerOnce() {
		assertThat(tuning.size() + heldOut.size()).isEqualTo(200);
		assertThat(tuning).filteredOn((c) -> c.labels() != null).hasSize(TUNING_ROWS);
		assertThat(DevDataset.isTuning("ad001")).isEqualTo(DevDataset.isTuning("ad001"));
	}

	/** Rows of the tuning part under the CRC-32 split. */
	private static final int TUNING_ROWS = 63;

	@Test
	void missingDataFailsWithAClearMessageInsteadOfSkipping() {
		String previous = System.getProperty("otklik.datasets");
		System.setProperty("otklik.datasets", "/nonexistent/datasets");
		try {
			assertThatThrownBy(DevDataset::locate).isInstanceOf(IllegalStateException.class)
				.hasMessageContaining("/nonexistent/datasets");
		}
		finally {
			if (previous == null) {
				System.clearProperty("otklik.datasets");
			}
			else {
				System.setProperty("otklik.datasets", previous);
			}
		}
	}

	private record Column(String name, Metrics metrics) {
	}

	private static String table(List<Column> columns) {
		StringBuilder out = new StringBuilder();
		out.append(String.format(Locale.ROOT,
				"%nAnswer-quality coach: tuning = answers-dev with CRC-32(id) %% 10 < 6, held-out = the rest, "
						+ "own A-J = quality/own-answers{,-b,-c,-d,-e,-f,-g,-h,-i,-j}.jsonl (each written after the rules of its "
						+ "time; E after the learned model, F after the precise rules, J blind to the rules; A-D are in the "
						+ "model's training data, see the leave-one-set-out table), dev all = tuning + held-out%n"));
		StringBuilder header = new StringBuilder(String.format(Locale.ROOT, "| %-15s |", "rule"));
		StringBuilder rule = new StringBuilder("|-----------------|");
		for (Column column : columns) {
			header.append(String.format(Locale.ROOT, " %-18s |",
					column.name() + " (n=" + column.metrics().size() + ")"));
			rule.append("--------------------|");
		}
		out.append(header).append('\n').append(rule).append('\n');
		for (QualityRule measured : MEASURED) {
			out.append(String.format(Locale.ROOT, "| %-15s |", measured));
			for (Column column : columns) {
				out.append(' ').append(column.metrics().cell(measured)).append(" |");
			}
			out.append('\n');
		}
		out.append(String.format(Locale.ROOT, "| %-15s |", "macro-F1 (5)"));
		for (Column column : columns) {
			out.append(String.format(Locale.ROOT, " %18.2f |", column.metrics().macroF1()));
		}
		out.append(String.format(Locale.ROOT, "%n| %-15s |", "good flagged"));
		for (Column column : columns) {
			out.append(String.format(Locale.ROOT, " %18s |", column.metrics().goodFlagged()));
		}
		out.append(String.format(Locale.ROOT, "%n| %-15s |", "OFF_TOPIC"));
		for (Column column : columns) {
			out.append(' ').append(column.metrics().offTopic().cell()).append(" |");
		}
		out.append('\n');
		out.append("OFF_TOPIC on dev: each answer with its own appeal (must stay silent) and with the appeal of the next "
				+ "answer of another category (should fire).\n");
		return out.toString();
	}

	private record Counts(int truePositives, int falsePositives, int falseNegatives) {

		double precision() {
			int predicted = this.truePositives + this.falsePositives;
			return (predicted == 0) ? 1.0 : (double) this.truePositives / predicted;
		}

		double recall() {
			int actual = this.truePositives + this.falseNegatives;
			return (actual == 0) ? 1.0 : (double) this.truePositives / actual;
		}

		double f1() {
			double p = precision();
			double r = recall();
			return (p + r == 0) ? 0 : 2 * p * r / (p + r);
		}

		String cell() {
			return String.format(Locale.ROOT, "%.2f / %.2f / %.2f", precision(), recall(), f1());
		}

		static Counts count(List<Case> cases, Predicate<Case> expected, Predicate<Case> actual) {
			int tp = 0;
			int fp = 0;
			int fn = 0;
			for (Case c : cases) {
				boolean e = expected.test(c);
				boolean a = actual.test(c);
				if (e && a) {
					tp++;
				}
				else if (a) {
					fp++;
				}
				else if (e) {
					fn++;
				}
			}
			return new Counts(tp, fp, fn);
		}

	}

	/** Metrics of one set; label metrics over labelled cases, OFF_TOPIC over all. */
	private record Metrics(int size, Map<QualityRule, Counts> counts, int good, int goodFlaggedCount, Counts offTopic,
			int onTopic) {

		static Metrics of(List<Case> cases) {
			List<Case> labelled = cases.stream().filter((c) -> c.labels() != null && !c.offTopic()).toList();
			Map<QualityRule, Counts> counts = new EnumMap<>(QualityRule.class);
			for (QualityRule rule : MEASURED) {
				counts.put(rule, Counts.count(labelled, (c) -> c.labels().contains(rule), (c) -> c.predicted().contains(rule)));
			}
			int good = (int) labelled.stream().filter(Case::good).count();
			int goodFlagged = (int) labelled.stream().filter((c) -> c.good() && c.flagged()).count();
			Counts offTopic = Counts.count(cases, Case::offTopic, Case::predictedOffTopic);
			int onTopic = (int) cases.stream().filter((c) -> !c.offTopic()).count();
			return new Metrics(labelled.size(), counts, good, goodFlagged, offTopic, onTopic);
		}

		double macroF1() {
			return this.counts.values().stream().mapToDouble(Counts::f1).average().orElse(0);
		}

		double goodFlaggedShare() {
			return (this.good == 0) ? 0 : (double) this.goodFlaggedCount / this.good;
		}

		String goodFlagged() {
			return String.format(Locale.ROOT, "%d/%d = %.0f%%", this.goodFlaggedCount, this.good, 100 * goodFlaggedShare());
		}

		String cell(QualityRule rule) {
			return this.counts.get(rule).cell();
		}

	}

}
