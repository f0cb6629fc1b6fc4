package org.otklik.quality.internal;

/**
 * One token of an analysed text with its character offsets, so that findings can point at the
 * exact fragment the executor has to rewrite.
 *
 * @param text the token as written
 * @param form lower-case form with «ё» folded to «е»; exact-form dictionary entries compare against it
 * @param stem Snowball Russian stem of {@code form} (equal to {@code form} for numbers and punctuation)
 * @param kind what the token is
 * @param start offset of the first character in the text
 * @param end offset after the last character
 * @param sentence index of the sentence the token belongs to
 */
public record Token(String text, String form, String stem, Kind kind, int start, int end, int sentence) {

	/** Token kinds; dictionaries match words and numbers, punctuation only separates. */
	public enum Kind {
		WORD, NUMBER, PUNCT
	}

	public boolean isWord() {
		return this.kind == Kind.WORD;
	}

	public boolean isNumber() {
		return this.kind == Kind.NUMBER;
	}

	/** Whether the token starts with an upper-case letter, a cheap signal for proper names. */
	public boolean isCapitalised() {
		return this.kind == Kind.WORD && Character.isUpperCase(this.text.charAt(0));
	}

}
