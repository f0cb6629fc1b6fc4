package org.otklik.quality.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.tartarus.snowball.ext.RussianStemmer;

/**
 * Splits Russian text into tokens and sentences and stems every word with Lucene's Snowball Russian
 * stemmer, so that «рассмотрено», «рассмотрения» and «рассмотрим» can be matched as one word.
 * Thread-safe: the stemmer is not, so a new one is made per call (it is a small object over static
 * tables).
 */
public final class RussianAnalyzer {

	private final Set<String> abbreviations;

	/**
	 * @param abbreviations lower-case abbreviations that end with a full stop but do not end a
	 *                      sentence («ул.», «тел.», «г.»)
	 */
	public RussianAnalyzer(Set<String> abbreviations) {
		this.abbreviations = Set.copyOf(abbreviations);
	}

	/** Folds case and «ё» the way dictionaries are folded, so that «учёт» and «учет» are one word. */
	public static String fold(String word) {
		return word.toLowerCase(Locale.ROOT).replace('ё', 'е');
	}

	/** Stems one word (already folded or not); used to compile dictionaries. */
	public static String stem(String word) {
		RussianStemmer stemmer = new RussianStemmer();
		return stem(stemmer, fold(word));
	}

	private static String stem(RussianStemmer stemmer, String folded) {
		if (folded.indexOf('-') > 0) {
			// Hyphenated compounds («Усть-Омчуг», «кто-нибудь»): only the last part inflects.
			int dash = folded.lastIndexOf('-');
			return folded.substring(0, dash + 1) + stem(stemmer, folded.substring(dash + 1));
		}
		stemmer.setCurrent(folded);
		stemmer.stem();
		return stemmer.getCurrent();
	}

	public AnalyzedText analyze(String text) {
		RussianStemmer stemmer = new RussianStemmer();
		List<Token> tokens = new ArrayList<>();
		List<Sentence> sentences = new ArrayList<>();
		List<Token> sentenceWords = new ArrayList<>();
		int sentenceStart = -1;
		int n = text.length();
		int i = 0;
		while (i < n) {
			char c = text.charAt(i);
			if (Character.isWhitespace(c)) {
				if ((c == '\n' || c == '\r') && sentenceStart >= 0) {
					// A line break ends a sentence even without a full stop (lists, signatures).
					int end = lastNonSpace(text, i);
					sentences.add(new Sentence(sentences.size(), sentenceStart, end, sentenceWords));
					sentenceWords = new ArrayList<>();
					sentenceStart = -1;
				}
				i++;
				continue;
			}
			int start = i;
			Token.Kind kind;
			if (Character.isLetter(c)) {
				i = endOfWord(text, i);
				kind = Token.Kind.WORD;
			}
			else if (Character.isDigit(c)) {
				i = endOfNumber(text, i);
				kind = Token.Kind.NUMBER;
			}
			else {
				i++;
				kind = Token.Kind.PUNCT;
			}
			if (sentenceStart < 0) {
				sentenceStart = start;
			}
			String raw = text.substring(start, i);
			String form = (kind == Token.Kind.PUNCT) ? raw : fold(raw);
			String stem = (kind == Token.Kind.WORD) ? stem(stemmer, form) : form;
			Token token = new Token(raw, form, stem, kind, start, i, sentences.size());
			tokens.add(token);
			if (kind != Token.Kind.PUNCT) {
				sentenceWords.add(token);
			}
			else if (endsSentence(text, tokens, i)) {
				sentences.add(new Sentence(sentences.size(), sentenceStart, i, sentenceWords));
				sentenceWords = new ArrayList<>();
				sentenceStart = -1;
			}
		}
		if (sentenceStart >= 0) {
			sentences.add(new Sentence(sentences.size(), sentenceStart, lastNonSpace(text, n), sentenceWords));
		}
		return new AnalyzedText(text, tokens, sentences);
	}

	private static int endOfWord(String text, int i) {
		int n = text.length();
		while (i < n) {
			char c = text.charAt(i);
			if (Character.isLetter(c)) {
				i++;
			}
			else if ((c == '-' || c == '\u2011') && i + 1 < n && Character.isLetter(text.charAt(i + 1))) {
				i++;
			}
			else {
				break;
			}
		}
		return i;
	}

	private static int endOfNumber(String text, int i) {
		int n = text.length();
		while (i < n) {
			char c = text.charAt(i);
			if (Character.isDigit(c)) {
				i++;
			}
			else if ((c == ',' || c == '.' || c == ':') && i + 1 < n && Character.isDigit(text.charAt(i + 1))) {
				// Decimals, times and dates stay one token: «0,4», «10:00», «20.11.2024».
				i++;
			}
			else {
				break;
			}
		}
		return i;
	}

	private boolean endsSentence(String text, List<Token> tokens, int after) {
		Token punct = tokens.get(tokens.size() - 1);
		char c = punct.text().charAt(0);
		if (c != '.' && c != '!' && c != '?' && c != '…') {
			return false;
		}
		int next = after;
		while (next < text.length() && Character.isWhitespace(text.charAt(next))) {
			next++;
		}
		if (next >= text.length()) {
			return true;
		}
		char following = text.charAt(next);
		if (following == '.' || following == '!' || following == '?' || following == '…') {
			// «?!» and «...»: the sentence ends after the last mark.
			return false;
		}
		if (c == '.' && tokens.size() >= 2) {
			Token previous = tokens.get(tokens.size() - 2);
			if (previous.isWord() && previous.end() == punct.start()
					&& (this.abbreviations.contains(previous.form()) || isInitial(previous))) {
				return false;
			}
		}
		if (next == after && Character.isLowerCase(following)) {
			// «г.Магадан» or «т.е.»: no space after the stop, not a boundary.
			return false;
		}
		return Character.isUpperCase(following) || Character.isDigit(following) || following == '«'
				|| following == '"' || following == '(' || following == '—' || following == '-';
	}

	private static boolean isInitial(Token token) {
		return token.text().length() == 1 && Character.isUpperCase(token.text().charAt(0));
	}

	private static int lastNonSpace(String text, int end) {
		int i = end;
		while (i > 0 && Character.isWhitespace(text.charAt(i - 1))) {
			i--;
		}
		return i;
	}

}
