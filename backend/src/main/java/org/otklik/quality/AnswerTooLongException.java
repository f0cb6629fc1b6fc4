package org.otklik.quality;

/**
 * The text given to the quality coach is longer than {@code otklik.quality.max-text-length}; a cap
 * keeps one request from occupying a CPU for long.
 */
public class AnswerTooLongException extends IllegalArgumentException {

	private final int length;

	private final int maxLength;

	public AnswerTooLongException(int length, int maxLength) {
		super("Текст ответа слишком длинный: " + length + " символов, допускается не более " + maxLength + ".");
		this.length = length;
		this.maxLength = maxLength;
	}

	public int length() {
		return this.length;
	}

	public int maxLength() {
		return this.maxLength;
	}

}
