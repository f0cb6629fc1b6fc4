package org.otklik.quality.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.otklik.quality.QualityFinding;

/**
 * What one check works on: the analysed answer, the analysed appeal if known, and the findings so
 * far. Created per call, so rules stay stateless and the engine thread-safe.
 */
public final class CheckContext {

	private final AnalyzedText answer;

	private final AnalyzedText appeal;

	private final Set<String> appealNumbers = new HashSet<>();

	private final String appealFolded;

	private final List<QualityFinding> findings = new ArrayList<>();

	/** Rules a check found clear evidence against; the learned model may not raise them. */
	private final java.util.Set<org.otklik.quality.QualityRule> cleared = java.util.EnumSet
		.noneOf(org.otklik.quality.QualityRule.class);

	public CheckContext(AnalyzedText answer, AnalyzedText appeal) {
		this.answer = answer;
		this.appeal = appeal;
		StringBuilder folded = new StringBuilder(" ");
		if (appeal != null) {
			for (Token token : appeal.tokens()) {
				if (token.isNumber()) {
					this.appealNumbers.add(token.form());
				}
				if (token.kind() != Token.Kind.PUNCT) {
					folded.append(token.form()).append(' ');
				}
			}
		}
		this.appealFolded = folded.toString();
	}

	public AnalyzedText answer() {
		return this.answer;
	}

	/** The appeal, or {@code null} when the answer is checked without context. */
	public AnalyzedText appeal() {
		return this.appeal;
	}

	/** Whether this number («12», «10:00», «0,4») was written by the citizen. */
	public boolean numberInAppeal(String number) {
		return this.appealNumbers.contains(number);
	}

	/** Whether these words occur in the appeal in this order, so they are its subject. */
	public boolean wordsInAppeal(List<Token> words) {
		if (this.appeal == null || words.isEmpty()) {
			return false;
		}
		StringBuilder needle = new StringBuilder(" ");
		for (Token word : words) {
			needle.append(word.form()).append(' ');
		}
		return this.appealFolded.contains(needle);
	}

	public void add(QualityFinding finding) {
		this.findings.add(finding);
	}

	public List<QualityFinding> findings() {
		return this.findings;
	}

	/**
	 * A check saw strong evidence that its rule does not apply («подрядчику указано на необходимость …»
	 * is our action on a contractor, not a redirect), so the learned model's second opinion is not asked.
	 */
	public void clear(org.otklik.quality.QualityRule rule) {
		this.cleared.add(rule);
	}

	public java.util.Set<org.otklik.quality.QualityRule> cleared() {
		return this.cleared;
	}

}
