package org.otklik.quality.internal;

import java.util.ArrayList;
import java.util.List;

import org.otklik.quality.QualityRule;

/**
 * TOO_COMPLEX (advisory): long sentences, chains of participles and gerunds, full titles of legal
 * acts. Not one of the five labelled mistakes, so it costs little in the score.
 */
public final class ComplexityCheck implements QualityCheck {

	private final PhraseDictionary legalActs;

	private final List<String> participleSuffixes = new ArrayList<>();

	private final int longSentenceWords;

	private final int participleChain;

	private final Messages messages;

	public ComplexityCheck(RuleFile file, Messages messages) {
		this.legalActs = file.dictionary("legal-act");
		for (RuleFile.Line line : file.lines("participle-suffixes")) {
			this.participleSuffixes.add(RussianAnalyzer.fold(line.text()));
		}
		Settings settings = new Settings(file);
		this.longSentenceWords = settings.getInt("long-sentence-words");
		this.participleChain = settings.getInt("participle-chain");
		this.messages = messages;
		messages.require("complexity.long");
		messages.require("complexity.participles");
		messages.require("complexity.legal");
	}

	public int longSentenceWords() {
		return this.longSentenceWords;
	}

	@Override
	public void check(CheckContext context) {
		AnalyzedText answer = context.answer();
		for (Sentence sentence : answer.sentences()) {
			int words = sentence.wordCount();
			if (words > this.longSentenceWords) {
				context.add(this.messages.finding(QualityRule.TOO_COMPLEX, "complexity.long", sentence.start(),
						sentence.end(), Integer.toString(words)));
			}
			List<String> participles = new ArrayList<>();
			for (Token word : sentence.words()) {
				if (isParticiple(word)) {
					participles.add(word.text());
				}
			}
			if (participles.size() >= this.participleChain) {
				context.add(this.messages.finding(QualityRule.TOO_COMPLEX, "complexity.participles", sentence.start(),
						sentence.end(), String.join(", ", participles)));
			}
		}
		for (PhraseDictionary.Match match : this.legalActs.findAll(answer)) {
			context.add(this.messages.finding(QualityRule.TOO_COMPLEX, "complexity.legal", match.start(), match.end(),
					answer.fragment(match.start(), match.end())));
		}
	}

	private boolean isParticiple(Token word) {
		if (!word.isWord() || word.form().length() < 6) {
			return false;
		}
		for (String suffix : this.participleSuffixes) {
			if (word.form().endsWith(suffix)) {
				return true;
			}
		}
		return false;
	}

}
