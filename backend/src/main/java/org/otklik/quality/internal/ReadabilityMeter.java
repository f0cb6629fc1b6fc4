package org.otklik.quality.internal;

import org.otklik.quality.Readability;
import org.otklik.quality.ReadabilityLevel;

/**
 * Computes {@link Readability}: the Flesch reading ease with Oborneva's coefficients for Russian
 * (1.52 per word of sentence length, 65.14 per syllable of word length), counting vowels as
 * syllables.
 */
public final class ReadabilityMeter {

	private static final String VOWELS = "аеёиоуыэюяaeiouy";

	private final int longSentenceWords;

	public ReadabilityMeter(int longSentenceWords) {
		this.longSentenceWords = longSentenceWords;
	}

	public Readability measure(AnalyzedText text) {
		int sentences = 0;
		int words = 0;
		int syllables = 0;
		int longSentences = 0;
		for (Sentence sentence : text.sentences()) {
			int count = sentence.wordCount();
			if (count == 0) {
				continue;
			}
			sentences++;
			words += count;
			if (count > this.longSentenceWords) {
				longSentences++;
			}
			for (Token token : sentence.words()) {
				if (token.isWord()) {
					syllables += syllables(token.form());
				}
			}
		}
		if (words == 0) {
			return new Readability(0, 0, 0, 0, 0, 0, ReadabilityLevel.EASY);
		}
		double sentenceLength = (double) words / sentences;
		double wordLength = (double) syllables / words;
		double index = 206.835 - 1.52 * sentenceLength - 65.14 * wordLength;
		return new Readability(sentences, words, round(sentenceLength), longSentences, round(wordLength), round(index),
				ReadabilityLevel.of(index));
	}

	private static int syllables(String form) {
		int count = 0;
		for (int i = 0; i < form.length(); i++) {
			if (VOWELS.indexOf(form.charAt(i)) >= 0) {
				count++;
			}
		}
		return Math.max(count, 1);
	}

	private static double round(double value) {
		return Math.round(value * 10) / 10.0;
	}

}
