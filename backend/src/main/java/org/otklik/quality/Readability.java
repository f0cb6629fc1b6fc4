package org.otklik.quality;

/**
 * How easy the answer is to read. The index is the Flesch reading ease with Oborneva's
 * coefficients for Russian: {@code 206.835 − 1.3 × words per sentence − 60.1 × syllables per
 * word}, where a syllable is a vowel. Higher is easier; plain answers score 40–70, officialese
 * often goes below 20 or negative (it is not clamped, so very dense text stays distinguishable).
 *
 * @param sentenceCount number of sentences
 * @param wordCount number of words (numbers excluded)
 * @param averageSentenceLength words per sentence
 * @param longSentenceCount sentences longer than the configured limit (25 words by default)
 * @param averageSyllablesPerWord vowels per word
 * @param fleschIndex the reading-ease index described above
 * @param level the index as a band
 */
public record Readability(int sentenceCount, int wordCount, double averageSentenceLength, int longSentenceCount,
		double averageSyllablesPerWord, double fleschIndex, ReadabilityLevel level) {
}
