package org.otklik.quality.internal;

import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.otklik.quality.QualityFinding;
import org.otklik.quality.Readability;

/**
 * Loads and compiles the rule files once and runs every rule over an answer. Immutable after
 * construction, so one instance serves all threads.
 */
public final class QualityEngine {

	/** Where the rule files live on the classpath. */
	public static final String BASE = "quality/";

	private static final Comparator<QualityFinding> BY_POSITION = Comparator
		.comparing((QualityFinding finding) -> finding.start() == null)
		.thenComparing((finding) -> (finding.start() != null) ? finding.start() : 0)
		.thenComparing((finding) -> finding.rule().ordinal());

	private final RussianAnalyzer analyzer;

	private final List<QualityCheck> checks;

	private final ReadabilityMeter readability;

	/** The outcome before scoring. */
	public record Result(List<QualityFinding> findings, Readability readability) {
	}

	public QualityEngine() {
		Set<String> abbreviations = RuleFile.load(BASE + "abbreviations.txt")
			.lines("abbreviations")
			.stream()
			.map((line) -> RussianAnalyzer.fold(line.text()))
			.collect(Collectors.toSet());
		this.analyzer = new RussianAnalyzer(abbreviations);
		Messages messages = new Messages(BASE + "messages.properties");
		Names names = new Names(RuleFile.load(BASE + "names.txt"));
		RuleFile complexityFile = RuleFile.load(BASE + "complexity.txt");
		ComplexityCheck complexity = new ComplexityCheck(complexityFile, messages);
		this.checks = List.of(new FormalismCheck(RuleFile.load(BASE + "formalism.txt"), messages),
				new PolitenessCheck(RuleFile.load(BASE + "politeness.txt"), names, messages),
				new SpecificsCheck(RuleFile.load(BASE + "specifics.txt"), names, messages),
				new TemplateCheck(RuleFile.load(BASE + "template.txt"), messages),
				new RedirectCheck(RuleFile.load(BASE + "redirect.txt"), messages), complexity,
				new RudenessCheck(RuleFile.load(BASE + "rudeness.txt"), messages),
				new OffTopicCheck(RuleFile.load(BASE + "offtopic.txt"), messages));
		Settings settings = new Settings(complexityFile);
		this.readability = new ReadabilityMeter(complexity.longSentenceWords(), settings.getInt("short-text-words"),
				settings.get("plain-syllables-per-word"));
	}

	public RussianAnalyzer analyzer() {
		return this.analyzer;
	}

	/**
	 * @param answerText the answer to check
	 * @param appealText the appeal it answers, or {@code null}
	 */
	public Result analyse(String answerText, String appealText) {
		AnalyzedText answer = this.analyzer.analyze(answerText);
		AnalyzedText appeal = (appealText != null && !appealText.isBlank()) ? this.analyzer.analyze(appealText) : null;
		CheckContext context = new CheckContext(answer, appeal);
		for (QualityCheck check : this.checks) {
			check.check(context);
		}
		List<QualityFinding> findings = context.findings().stream().sorted(BY_POSITION).toList();
		return new Result(findings, this.readability.measure(answer));
	}

}
