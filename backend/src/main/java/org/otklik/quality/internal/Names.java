package org.otklik.quality.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * Recognises personal names: a first name from {@code names.txt} followed by a capitalised word, or
 * a capitalised word followed by a patronymic («Анна Юрьевна», «Павел Игоревич Ляхов», «Светлане
 * Гусевой»).
 */
public final class Names {

	private final PhrasePattern.PhrasePatternSet firstNames;

	private final List<String> patronymicSuffixes = new ArrayList<>();

	public Names(RuleFile file) {
		this.firstNames = file.wordClass("first-name");
		for (RuleFile.Line line : file.lines("patronymic-suffixes")) {
			this.patronymicSuffixes.add(RussianAnalyzer.fold(line.text()));
		}
	}

	public boolean isFirstName(Token token) {
		return token.isCapitalised() && this.firstNames.matches(token);
	}

	public boolean isPatronymic(Token token) {
		if (!token.isCapitalised() || token.form().length() < 6) {
			return false;
		}
		for (String suffix : this.patronymicSuffixes) {
			if (token.form().endsWith(suffix)) {
				return true;
			}
		}
		return false;
	}

	public boolean isNamePart(Token token) {
		return isFirstName(token) || isPatronymic(token);
	}

	/** Person names in a sentence, each as the list of its words (two or three). */
	public List<List<Token>> persons(Sentence sentence) {
		List<List<Token>> persons = new ArrayList<>();
		List<Token> words = sentence.words();
		int i = 0;
		while (i < words.size()) {
			Token word = words.get(i);
			boolean startsName = (isFirstName(word) && i + 1 < words.size() && words.get(i + 1).isCapitalised())
					|| (word.isCapitalised() && i + 1 < words.size() && isPatronymic(words.get(i + 1)));
			if (!startsName) {
				i++;
				continue;
			}
			int end = i + 2;
			if (end < words.size() && words.get(end).isCapitalised()
					&& (isPatronymic(words.get(end - 1)) || isPatronymic(words.get(end)))) {
				end++;
			}
			persons.add(words.subList(i, end));
			i = end;
		}
		return persons;
	}

}
