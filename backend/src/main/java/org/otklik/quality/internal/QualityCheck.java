package org.otklik.quality.internal;

/** One rule of the coach. Implementations are immutable after construction and thread-safe. */
public interface QualityCheck {

	void check(CheckContext context);

	/** Words of a sentence between two character offsets, for matches that need them. */
	static java.util.List<Token> wordsBetween(Sentence sentence, int start, int end) {
		java.util.List<Token> words = new java.util.ArrayList<>();
		for (Token word : sentence.words()) {
			if (word.start() >= start && word.end() <= end) {
				words.add(word);
			}
		}
		return words;
	}

}
