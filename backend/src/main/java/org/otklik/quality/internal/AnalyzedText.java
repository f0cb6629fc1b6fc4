package org.otklik.quality.internal;

import java.util.List;

/**
 * A text split into tokens and sentences with stems computed once, shared by all rules of one check.
 *
 * @param text the original text; offsets in tokens and sentences refer to it
 * @param tokens all tokens in order, punctuation included
 * @param sentences the sentences in order
 */
public record AnalyzedText(String text, List<Token> tokens, List<Sentence> sentences) {

	public AnalyzedText {
		tokens = List.copyOf(tokens);
		sentences = List.copyOf(sentences);
	}

	public int wordCount() {
		int count = 0;
		for (Sentence sentence : this.sentences) {
			count += sentence.wordCount();
		}
		return count;
	}

	public String fragment(int start, int end) {
		return this.text.substring(start, end);
	}

}
