package org.otklik.appeal;

import org.jspecify.annotations.Nullable;
import java.util.List;

import org.otklik.quality.QualityFinding;
import org.otklik.quality.QualityReport;
import org.otklik.quality.QualityRule;
import org.otklik.quality.Readability;

/**
 * The quality coach's report on an answer as stored with it: curators see it in review, and the
 * growth-zone figures aggregate its findings, with the offending fragment kept for examples.
 */
public record AnswerQuality(int score, List<Finding> findings, Readability readability) {

	public AnswerQuality {
		findings = (findings != null) ? List.copyOf(findings) : List.of();
	}

	public static AnswerQuality of(QualityReport report, String text) {
		return new AnswerQuality(report.score(), report.findings().stream().map(f -> Finding.of(f, text)).toList(),
				report.readability());
	}

	/** One finding, with the fragment of the answer it points at (when it points at one). */
	public record Finding(QualityRule rule, String message, @Nullable Integer start, @Nullable Integer end, String suggestion,
			@Nullable String fragment) {

		static Finding of(QualityFinding finding, String text) {
			String fragment = null;
			if (finding.start() != null && finding.end() != null && finding.start() >= 0
					&& finding.end() <= text.length() && finding.start() < finding.end()) {
				fragment = text.substring(finding.start(), finding.end());
				if (fragment.length() > 300) {
					fragment = fragment.substring(0, 300) + "…";
				}
			}
			return new Finding(finding.rule(), finding.message(), finding.start(), finding.end(), finding.suggestion(),
					fragment);
		}

	}

}
