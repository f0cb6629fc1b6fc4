package org.otklik.quality;

import java.util.List;

/**
 * The coach's verdict on one answer: a score for a quick look, findings to fix, and readability.
 *
 * @param score 0–100; 100 means no finding, each distinct rule found takes its penalty off
 * @param findings problems in the order of their position in the text (whole-answer findings last)
 * @param readability reading-ease figures of the answer
 */
public record QualityReport(int score, List<QualityFinding> findings, Readability readability) {

	public QualityReport {
		findings = List.copyOf(findings);
	}

	/** Whether a rule was found; convenient for callers that only gate on some rules. */
	public boolean has(QualityRule rule) {
		return this.findings.stream().anyMatch((finding) -> finding.rule() == rule);
	}

}
