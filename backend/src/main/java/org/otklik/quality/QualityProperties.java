package org.otklik.quality;

import java.util.EnumMap;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Per-region settings of the answer-quality coach. The coach only advises by default; a region that
 * wants to stop poor answers sets {@code block-below-score}.
 *
 * @param blockBelowScore answers scoring below this cannot be submitted; {@code null} (the default)
 *                        never blocks
 * @param warnBelowScore answers scoring below this get a warning before submission (default 70)
 * @param maxTextLength longest text the coach accepts, in characters (default 10,000)
 * @param penalties points each rule takes off the score when found; rules not listed keep their
 *                  defaults (FORMALISM 20, NO_POLITENESS 20, NO_SPECIFICS 25, TEMPLATE_PHRASE 15,
 *                  REDIRECT 25, TOO_COMPLEX 5, RUDENESS 40, OFF_TOPIC 40: a rude or off-topic answer
 *                  is worse than a clumsy one, so either alone puts it under the warning line)
 */
@ConfigurationProperties("otklik.quality")
public record QualityProperties(Integer blockBelowScore, Integer warnBelowScore, Integer maxTextLength,
		Map<QualityRule, Integer> penalties) {

	private static final Map<QualityRule, Integer> DEFAULT_PENALTIES = Map.of(QualityRule.FORMALISM, 20,
			QualityRule.NO_POLITENESS, 20, QualityRule.NO_SPECIFICS, 25, QualityRule.TEMPLATE_PHRASE, 15,
			QualityRule.REDIRECT, 25, QualityRule.TOO_COMPLEX, 5, QualityRule.RUDENESS, 40, QualityRule.OFF_TOPIC, 40);

	public QualityProperties {
		checkScore("block-below-score", blockBelowScore);
		warnBelowScore = (warnBelowScore != null) ? warnBelowScore : 70;
		checkScore("warn-below-score", warnBelowScore);
		maxTextLength = (maxTextLength != null) ? maxTextLength : 10_000;
		if (maxTextLength < 1) {
			throw new IllegalArgumentException("otklik.quality.max-text-length must be positive");
		}
		Map<QualityRule, Integer> merged = new EnumMap<>(DEFAULT_PENALTIES);
		if (penalties != null) {
			penalties.forEach((rule, penalty) -> {
				checkScore("penalties." + rule, penalty);
				merged.put(rule, penalty);
			});
		}
		penalties = Map.copyOf(merged);
	}

	/** The defaults: advise only, warn below 70, texts up to 10,000 characters. */
	public static QualityProperties defaults() {
		return new QualityProperties(null, null, null, null);
	}

	public int penalty(QualityRule rule) {
		return this.penalties.get(rule);
	}

	/** Whether a region's setting forbids submitting an answer with this report. */
	public boolean blocks(QualityReport report) {
		return this.blockBelowScore != null && report.score() < this.blockBelowScore;
	}

	/** Whether the executor should be warned before submitting an answer with this report. */
	public boolean warns(QualityReport report) {
		return report.score() < this.warnBelowScore;
	}

	private static void checkScore(String name, Integer value) {
		if (value != null && (value < 0 || value > 100)) {
			throw new IllegalArgumentException("otklik.quality." + name + " must be between 0 and 100, was " + value);
		}
	}

}
