package org.otklik.quality;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.otklik.quality.internal.LearnedCoach;
import org.otklik.quality.internal.QualityEngine;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which signal of which rule fires on answers that do not carry the rule's label, in aggregate over
 * the sets the rules may be built from (the dev tuning part and own A–E; never the held-out part or
 * later fresh sets): the evidence for making a signal stricter. Each rule's finding is attributed to
 * its signal by the message it carries (one message per signal). {@code -Dquality.printEvidence=true}
 * prints the table and the fragments of false alarms on good answers.
 */
class RuleEvidenceTests {

	private static final QualityEngine RULES = new QualityEngine(null, LearnedCoach.DEFAULT_THRESHOLDS);

	record Row(String id, String text, String appeal, Set<QualityRule> labels) {
	}

	@Test
	void everyRuleSignalIsAttributedAndFalseAlarmsOnGoodAnswersAreRare() {
		List<Row> rows = rows();
		Map<String, int[]> bySignal = new TreeMap<>();
		List<String> goodAlarms = new ArrayList<>();
		int good = 0;
		int goodFlagged = 0;
		for (Row row : rows) {
			boolean flagged = false;
			good += row.labels().isEmpty() ? 1 : 0;
			for (QualityFinding finding : RULES.analyse(row.text(), row.appeal()).findings()) {
				QualityRule rule = finding.rule().measuredAs();
				if (rule == null) {
					continue;
				}
				String signal = finding.rule() + " " + signal(finding.message());
				int[] counts = bySignal.computeIfAbsent(signal, (key) -> new int[3]);
				if (row.labels().contains(rule)) {
					counts[0]++;
				}
				else {
					counts[1]++;
					if (row.labels().isEmpty()) {
						counts[2]++;
						flagged = true;
						goodAlarms.add(row.id() + " " + signal + ": "
								+ ((finding.start() != null) ? row.text().substring(finding.start(), finding.end()) : "-"));
					}
				}
			}
			goodFlagged += flagged ? 1 : 0;
		}
		if (Boolean.getBoolean("quality.printEvidence")) {
			StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
					"%nRule signals over tuning + own A-E (%d answers, %d good): hits on answers with the label / "
							+ "without it / on good answers%n",
					rows.size(), good));
			bySignal.forEach((signal, c) -> out.append(String.format(Locale.ROOT, "%-60s %4d %4d %4d%n", signal, c[0],
					c[1], c[2])));
			goodAlarms.forEach((line) -> out.append("  ").append(line).append('\n'));
			System.out.println(out);
		}
		assertThat(bySignal).isNotEmpty();
		assertThat(goodFlagged).as("good answers flagged by the rules over tuning + own A-E (of " + good + ")")
			.isLessThanOrEqualTo((int) Math.floor(0.10 * good));
	}

	/** The message up to its first quoted fragment: one text per signal. */
	private static String signal(String message) {
		int quote = message.indexOf('«');
		String head = (quote > 0) ? message.substring(0, quote) : message;
		return head.length() > 40 ? head.substring(0, 40) : head.strip();
	}

	private static List<Row> rows() {
		List<Row> rows = new ArrayList<>();
		for (DevDataset.LabelledAnswer answer : DevDataset.load()) {
			if (answer.tuning()) {
				rows.add(new Row(answer.id(), answer.text(), answer.appealText(), answer.labels()));
			}
		}
		for (String set : List.of("", "-b", "-c", "-d", "-e")) {
			for (LearnedCoach.Example example : LeaveOneSetOutTests.own("/quality/own-answers" + set + ".jsonl", set)) {
				rows.add(new Row(example.id(), example.text(), example.appeal(), example.labels()));
			}
		}
		return rows;
	}

}
