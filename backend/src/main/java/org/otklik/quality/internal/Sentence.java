package org.otklik.quality.internal;

import java.util.List;

/**
 * A sentence of an analysed text. Dictionary phrases never match across sentence boundaries.
 *
 * @param index position of the sentence in the text
 * @param start offset of the first character
 * @param end offset after the last character (including the closing punctuation)
 * @param words the word and number tokens of the sentence, punctuation left out so that phrases
 *              match regardless of commas and dashes
 */
public record Sentence(int index, int start, int end, List<Token> words) {

	public Sentence {
		words = List.copyOf(words);
	}

	public int wordCount() {
		int count = 0;
		for (Token token : this.words) {
			if (token.isWord()) {
				count++;
			}
		}
		return count;
	}

}
