package org.otklik.quality.internal;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.otklik.quality.QualityRule;

/**
 * NO_SPECIFICS: fires when the answer contains no specific at all. A specific is a phone, e-mail
 * or web address, a number that is not a reference to a document, a date or deadline phrase, a
 * contact phrase (address, reception hours) or a person's name. Anything the citizen already wrote
 * in the appeal is the subject of the appeal and does not count.
 */
public final class SpecificsCheck implements QualityCheck {

	/** Russian phone numbers in the usual shapes: 8 (4132) 62-70-90, +7 914 123-45-67, 8-800-100-00-01. */
	private static final Pattern PHONE = Pattern
		.compile("(?<!\\d)(?:\\+7|8)[\\s\\u00a0-]*(?:\\(\\d{3,5}\\)|\\d{3,5})[\\s\\u00a0-]*\\d{1,4}(?:[\\s\\u00a0-]*\\d{2,3}){1,3}(?!\\d)");

	private static final Pattern EMAIL_OR_URL = Pattern
		.compile("[\\w.+-]+@[\\w-]+\\.[\\w.-]+|https?://\\S+|www\\.\\S+|\\b[\\w-]+\\.(?:ru|рф|su|com|org)\\b");

	private final PhraseDictionary dates;

	private final PhraseDictionary contacts;

	private final Set<String> referenceBefore = new HashSet<>();

	private final Set<String> labelAfter = new HashSet<>();

	private final Names names;

	private final Messages messages;

	public SpecificsCheck(RuleFile file, Names names, Messages messages) {
		this.dates = file.dictionary("date");
		this.contacts = file.dictionary("contact");
		for (RuleFile.Line line : file.lines("reference-before")) {
			this.referenceBefore.add(RussianAnalyzer.fold(line.text()));
		}
		for (RuleFile.Line line : file.lines("label-after")) {
			this.labelAfter.add(RussianAnalyzer.fold(line.text()));
		}
		this.names = names;
		this.messages = messages;
		messages.require("specifics.missing");
	}

	@Override
	public void check(CheckContext context) {
		if (!hasSpecific(context)) {
			context.add(this.messages.finding(QualityRule.NO_SPECIFICS, "specifics.missing", null, null, null));
			return;
		}
		// A deadline of our own («выполнит в июне», «до 15 мая») or a usable contact (a phone, an address,
		// reception hours; the dataset's definition counts it even when it is another body's) is the
		// strongest specific there is: the learned model's whole-answer impression may not overrule it.
		if (hasContact(context)) {
			context.clear(QualityRule.NO_SPECIFICS);
			return;
		}
		for (Sentence sentence : context.answer().sentences()) {
			if (hasPhrase(this.dates, sentence, context) || hasPhrase(this.contacts, sentence, context)) {
				context.clear(QualityRule.NO_SPECIFICS);
				return;
			}
		}
	}

	/** A phone, e-mail or web address the appeal did not already give. */
	private static boolean hasContact(CheckContext context) {
		String appealText = (context.appeal() != null) ? context.appeal().text() : "";
		String appealDigits = digitsOf(appealText);
		Matcher phone = PHONE.matcher(context.answer().text());
		while (phone.find()) {
			if (!appealDigits.contains(digitsOf(phone.group()))) {
				return true;
			}
		}
		Matcher contact = EMAIL_OR_URL.matcher(context.answer().text());
		while (contact.find()) {
			if (!appealText.contains(contact.group())) {
				return true;
			}
		}
		return false;
	}

	/** Whether the answer names at least one specific; public for tests. */
	public boolean hasSpecific(CheckContext context) {
		AnalyzedText answer = context.answer();
		if (hasContact(context)) {
			return true;
		}
		List<Token> tokens = answer.tokens();
		for (int i = 0; i < tokens.size(); i++) {
			Token token = tokens.get(i);
			if (token.isNumber() && !isReference(tokens, i) && !context.numberInAppeal(token.form())) {
				return true;
			}
		}
		for (Sentence sentence : answer.sentences()) {
			if (hasPhrase(this.dates, sentence, context) || hasPhrase(this.contacts, sentence, context)) {
				return true;
			}
			if (sentence.index() == 0 && sentence.wordCount() <= 6) {
				// A short first sentence with a name is the address to the citizen, not a responsible person.
				continue;
			}
			for (List<Token> person : this.names.persons(sentence)) {
				if (!context.wordsInAppeal(person.subList(person.size() - 1, person.size()))) {
					return true;
				}
			}
		}
		return false;
	}

	private static boolean hasPhrase(PhraseDictionary dictionary, Sentence sentence, CheckContext context) {
		for (PhraseDictionary.Match match : dictionary.findAll(sentence)) {
			List<Token> words = QualityCheck.wordsBetween(sentence, match.start(), match.end());
			if (!context.wordsInAppeal(words)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * A number that identifies a document or clause («№ 354», «пункт 42(1)», «522-ФЗ», «ГОСТ Р
	 * 52289-2019») or labels a kind of equipment («линии 0,4 кВ») rather than saying how much or when.
	 */
	private boolean isReference(List<Token> tokens, int index) {
		Token previous = (index > 0) ? tokens.get(index - 1) : null;
		if (previous != null && (previous.form().equals("№") || this.referenceBefore.contains(previous.form()))) {
			return true;
		}
		if (index + 2 < tokens.size() && tokens.get(index + 1).form().equals("-")
				&& tokens.get(index + 2).form().equals("фз")) {
			return true;
		}
		if (index + 1 < tokens.size() && this.labelAfter.contains(tokens.get(index + 1).form())) {
			return true;
		}
		// «42(1)», «52289-2019»: a number glued to a reference number by a bracket or dash.
		if (previous != null && previous.kind() == Token.Kind.PUNCT && previous.start() == tokens.get(index).start() - 1
				&& index > 1 && tokens.get(index - 2).isNumber() && tokens.get(index - 2).end() == previous.start()
				&& isReference(tokens, index - 2)) {
			return true;
		}
		return false;
	}

	private static String digitsOf(String text) {
		StringBuilder digits = new StringBuilder(text.length());
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (Character.isDigit(c)) {
				digits.append(c);
			}
		}
		return digits.toString();
	}

}
