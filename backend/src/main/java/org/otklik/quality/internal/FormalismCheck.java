package org.otklik.quality.internal;

import java.util.ArrayList;
import java.util.List;

import org.otklik.quality.QualityRule;

/**
 * FORMALISM: sums the weights of officialese phrases and legal citations and adds points for a high
 * share of verbal nouns, the measurable trace of nominal style («осуществление мероприятий по
 * обеспечению»). A score, not a single phrase, decides, because one «в рамках» in an otherwise
 * concrete answer is not an отписка.
 */
public final class FormalismCheck implements QualityCheck {

	private final PhraseDictionary phrases;

	private final PhraseDictionary legal;

	private final List<String> nominalSuffixes = new ArrayList<>();

	private final Messages messages;

	private final double threshold;

	private final int nominalMinWords;

	private final double nominalShareStart;

	private final double nominalSharePerPoint;

	private final double nominalMaxPoints;

	public FormalismCheck(RuleFile file, Messages messages) {
		this.phrases = file.dictionary("phrases");
		this.legal = file.dictionary("legal");
		for (RuleFile.Line line : file.lines("nominal-suffixes")) {
			this.nominalSuffixes.add(RussianAnalyzer.fold(line.text()));
		}
		Settings settings = new Settings(file);
		this.threshold = settings.get("threshold");
		this.nominalMinWords = settings.getInt("nominal-min-words");
		this.nominalShareStart = settings.get("nominal-share-start");
		this.nominalSharePerPoint = settings.get("nominal-share-per-point");
		this.nominalMaxPoints = settings.get("nominal-max-points");
		this.messages = messages;
		messages.require("formalism.phrase");
		messages.require("formalism.density");
	}

	/** The formalism score of a text; exposed for tests and tuning. */
	public double score(AnalyzedText text) {
		double score = densityPoints(text);
		for (PhraseDictionary.Match match : this.phrases.findAll(text)) {
			score += match.weight();
		}
		for (PhraseDictionary.Match match : this.legal.findAll(text)) {
			score += match.weight();
		}
		return score;
	}

	/** Share of verbal and abstract nouns among the words of the text. */
	public double nominalShare(AnalyzedText text) {
		int words = 0;
		int nominal = 0;
		for (Sentence sentence : text.sentences()) {
			for (Token token : sentence.words()) {
				if (!token.isWord()) {
					continue;
				}
				words++;
				if (isNominal(token)) {
					nominal++;
				}
			}
		}
		return (words == 0) ? 0 : (double) nominal / words;
	}

	private boolean isNominal(Token token) {
		String form = token.form();
		if (form.length() < 6) {
			return false;
		}
		for (String suffix : this.nominalSuffixes) {
			if (form.endsWith(suffix)) {
				return true;
			}
		}
		return false;
	}

	private double densityPoints(AnalyzedText text) {
		if (text.wordCount() < this.nominalMinWords) {
			return 0;
		}
		double points = (nominalShare(text) - this.nominalShareStart) / this.nominalSharePerPoint;
		return Math.max(0, Math.min(this.nominalMaxPoints, points));
	}

	@Override
	public void check(CheckContext context) {
		AnalyzedText answer = context.answer();
		List<PhraseDictionary.Match> matches = new ArrayList<>(this.phrases.findAll(answer));
		matches.addAll(this.legal.findAll(answer));
		double score = densityPoints(answer);
		for (PhraseDictionary.Match match : matches) {
			score += match.weight();
		}
		if (score < this.threshold) {
			return;
		}
		boolean pointed = false;
		for (PhraseDictionary.Match match : matches) {
			// Light connectives («в части», «данный») add to the score but are not worth a highlight.
			if (match.weight() >= 1) {
				context.add(this.messages.finding(QualityRule.FORMALISM, "formalism.phrase", match.start(),
						match.end(), answer.fragment(match.start(), match.end())));
				pointed = true;
			}
		}
		if (!pointed) {
			context.add(this.messages.finding(QualityRule.FORMALISM, "formalism.density", null, null, null));
		}
	}

}
