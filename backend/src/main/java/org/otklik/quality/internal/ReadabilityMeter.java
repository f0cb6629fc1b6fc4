package org.otklik.quality.internal;

import org.otklik.quality.Readability;
import org.otklik.quality.ReadabilityLevel;

/**
 * Computes {@link Readability}: the Flesch reading ease with Oborneva's coefficients for Russian
 * (1.3 per word of sentence length, 60.1 per syllable of word length), counting vowels as
 * syllables. For short texts the word length is smoothed toward that of a plain answer, because in
 * seven words two ordinary long words («сообщение», «ситуацию») would otherwise make «Спасибо за
 * сообщение. Мы проверим ситуацию.» read as legal prose.
 */
public final class ReadabilityMeter {

	private static final String VOWELS = "аеёиоуыэюяaeiouy";

	private final int longSentenceWords;

	private final int shortTextWords;

	private final double plainSyllablesPerWord;

	/**
	 * @param longSentenceWords sentences longer than this count as long
	 * @param shortTextWords below this many words the text's own word length is not trusted alone
	 * @param plainSyllablesPerWord the word length assumed for the words a short text lacks
	 */
	public ReadabilityMeter(int longSentenceWords, int shortTextWords, double plainSyllablesPerWord) {
		this.longSentenceWords = longSentenceWords;
		this.shortTextWords = shortTextWords;
		this.plainSyllablesPerWord = plainSyllablesPerWord;
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
		// Pad a short text to shortTextWords with words of plain length: a Bayesian average, so that a
		// few long but ordinary words do not decide the band, while a short text full of long words
		// («Осуществление мероприятий по обеспечению…») still reads as hard.
		double smoothedWordLength = (words >= this.shortTextWords) ? wordLength
				: (syllables + (this.shortTextWords - words) * this.plainSyllablesPerWord) / this.shortTextWords;
		double index = 206.835 - 1.3 * sentenceLength - 60.1 * smoothedWordLength;
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
