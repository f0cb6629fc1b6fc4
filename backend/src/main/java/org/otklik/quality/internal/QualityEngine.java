package org.otklik.quality.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.Map;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.otklik.quality.QualityFinding;
import org.otklik.quality.QualityRule;
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

	private final Messages learnedMessages;

	private final LearnedFeatures learnedFeatures;

	private final LearnedCoach learned;

	/** The outcome before scoring. */
	public record Result(List<QualityFinding> findings, Readability readability) {
	}

	/** The rules and the learned model trained on the shipped answers. */
	public QualityEngine() {
		this(SHIPPED, LearnedCoach.DEFAULT_THRESHOLDS);
	}

	/** Marks the shipped training answers, whose model is trained once per class loader. */
	private static final List<LearnedCoach.Example> SHIPPED = java.util.Collections.unmodifiableList(new ArrayList<>());

	private static LearnedCoach shippedModel;

	/**
	 * The model trained on the shipped answers, once: the rule files and training data are the same
	 * classpath resources for every engine, and tests create many services.
	 */
	private static synchronized LearnedCoach shipped(QualityEngine engine, Map<QualityRule, Double> thresholds) {
		if (shippedModel == null) {
			// Trained by the build; trained here only when the classpath has no model of the shipped inputs.
			shippedModel = LearnedCoach.shipped(thresholds).orElseGet(() -> trainShipped(engine, thresholds));
		}
		return shippedModel;
	}

	/** Trains the model on the shipped answers, with this engine's features. */
	static LearnedCoach trainShipped(QualityEngine engine, Map<QualityRule, Double> thresholds) {
		List<LearnedCoach.Example> examples = LearnedCoach.shippedExamples();
		List<String[]> features = new ArrayList<>();
		for (LearnedCoach.Example example : examples) {
			features.add(engine.features(example.text(), example.appeal()));
		}
		return LearnedCoach.train(examples, features, thresholds);
	}

	/**
	 * The rules, plus a learned model trained on these answers (tests train without a set to score it
	 * as unseen).
	 * @param training labelled answers, or {@code null} for the hand-written rules alone
	 * @param thresholds the probability at which the model raises each rule
	 */
	public QualityEngine(List<LearnedCoach.Example> training, Map<QualityRule, Double> thresholds) {
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
		this.learnedMessages = messages;
		this.learnedFeatures = new LearnedFeatures(RuleFile.load(BASE + "learned.txt"));
		for (QualityRule rule : LearnedCoach.RULES) {
			messages.require(learnedKey(rule));
		}
		if (training == null) {
			this.learned = null;
		}
		else if (training == SHIPPED) {
			this.learned = shipped(this, thresholds);
		}
		else {
			List<String[]> features = new ArrayList<>();
			for (LearnedCoach.Example example : training) {
				features.add(features(example.text(), example.appeal()));
			}
			this.learned = LearnedCoach.train(training, features, thresholds);
		}
	}

	/** The features the learned model sees for an answer (the appeal is not used yet). */
	public String[] features(String answerText, String appealText) {
		return this.learnedFeatures.of(this.analyzer.analyze(answerText));
	}

	/** The learned model, or {@code null} when this engine runs the hand-written rules alone. */
	public LearnedCoach learned() {
		return this.learned;
	}

	private static String learnedKey(QualityRule rule) {
		return "learned." + rule.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
	}

	private static Set<QualityRule> measured(List<QualityFinding> findings) {
		Set<QualityRule> found = EnumSet.noneOf(QualityRule.class);
		for (QualityFinding finding : findings) {
			if (finding.rule().measuredAs() != null) {
				found.add(finding.rule().measuredAs());
			}
		}
		return found;
	}

	private CheckContext runChecks(String answerText, String appealText) {
		AnalyzedText answer = this.analyzer.analyze(answerText);
		AnalyzedText appeal = (appealText != null && !appealText.isBlank()) ? this.analyzer.analyze(appealText) : null;
		CheckContext context = new CheckContext(answer, appeal);
		for (QualityCheck check : this.checks) {
			check.check(context);
		}
		return context;
	}

	public RussianAnalyzer analyzer() {
		return this.analyzer;
	}

	/**
	 * @param answerText the answer to check
	 * @param appealText the appeal it answers, or {@code null}
	 */
	public Result analyse(String answerText, String appealText) {
		CheckContext context = runChecks(answerText, appealText);
		if (this.learned != null) {
			Set<QualityRule> found = measured(context.findings());
			found.addAll(context.cleared());
			// The model only adds what the rules missed: their findings point at a fragment, its own
			// concern the whole answer.
			for (QualityRule rule : this.learned.raise(this.learnedFeatures.of(context.answer()), found)) {
				context.add(this.learnedMessages.finding(rule, learnedKey(rule), null, null, null));
			}
		}
		List<QualityFinding> findings = context.findings().stream().sorted(BY_POSITION).toList();
		return new Result(findings, this.readability.measure(context.answer()));
	}

}
