package org.otklik.quality.internal;

import java.util.ArrayList;
import java.util.List;

import org.otklik.quality.QualityRule;

/**
 * RUDENESS: dismissive imperatives, insults, annoyance and blame aimed at the citizen, found
 * through the word classes of {@code rudeness.txt}. Separate from NO_POLITENESS because a greeting
 * and a «спасибо» do not make «отстаньте, надоели» acceptable, and it costs more.
 */
public final class RudenessCheck implements QualityCheck {

	private final List<PhraseDictionary> classes = new ArrayList<>();

	private final PhraseDictionary exempt;

	private final PhraseDictionary rhetorical;

	private final List<String> familiarEndings = new ArrayList<>();

	private final int familiarMinLetters;

	private final Messages messages;

	public RudenessCheck(RuleFile file, Messages messages) {
		for (RuleFile.Line line : file.lines("familiar-endings")) {
			this.familiarEndings.add(RussianAnalyzer.fold(line.text()));
		}
		this.familiarMinLetters = new Settings(file).getInt("familiar-min-letters");
		this.classes.add(file.dictionary("dismissive"));
		this.classes.add(file.dictionary("insult"));
		this.classes.add(file.dictionary("blame"));
		this.exempt = file.dictionary("exempt");
		this.rhetorical = file.dictionary("rhetorical");
		this.messages = messages;
		messages.require("rudeness");
	}

	@Override
	public void check(CheckContext context) {
		AnalyzedText answer = context.answer();
		List<PhraseDictionary.Match> exempted = this.exempt.findAll(answer);
		List<PhraseDictionary.Match> found = new ArrayList<>();
		for (PhraseDictionary dictionary : this.classes) {
			for (PhraseDictionary.Match match : dictionary.findAll(answer)) {
				if (!match.overlapsAny(exempted) && !match.overlapsAny(found)) {
					found.add(match);
				}
			}
		}
		for (Sentence sentence : answer.sentences()) {
			if (!reproachfulQuestion(answer, sentence)) {
				continue;
			}
			for (PhraseDictionary.Match match : this.rhetorical.findAll(sentence)) {
				if (!match.overlapsAny(exempted) && !match.overlapsAny(found)) {
					found.add(match);
				}
			}
		}
		for (PhraseDictionary.Match match : found) {
			context.add(this.messages.finding(QualityRule.RUDENESS, "rudeness", match.start(), match.end(),
					answer.fragment(match.start(), match.end())));
		}
		if (found.isEmpty()) {
			Token familiar = familiarVerb(answer, exempted);
			if (familiar != null) {
				context.add(this.messages.finding(QualityRule.RUDENESS, "rudeness", familiar.start(), familiar.end(),
						answer.fragment(familiar.start(), familiar.end())));
			}
		}
	}

	/**
	 * A verb in the second person singular («не напасёшься», «сам понимаешь»): the spoken register of a
	 * conversation, which in an official answer talks down to the citizen whatever the words mean.
	 */
	private Token familiarVerb(AnalyzedText answer, List<PhraseDictionary.Match> exempted) {
		for (Sentence sentence : answer.sentences()) {
			for (Token word : sentence.words()) {
				if (!word.isWord() || word.form().length() < this.familiarMinLetters) {
					continue;
				}
				for (String ending : this.familiarEndings) {
					if (word.form().endsWith(ending) && !inside(word, exempted)) {
						return word;
					}
				}
			}
		}
		return null;
	}

	private static boolean inside(Token word, List<PhraseDictionary.Match> matches) {
		for (PhraseDictionary.Match match : matches) {
			if (match.start() <= word.start() && word.end() <= match.end()) {
				return true;
			}
		}
		return false;
	}

	/**
	 * A question («…?») without the markers of a polite request («бы», «пожалуйста»): «Вы что, газет
	 * не читаете?» reproaches, «Вы не могли бы уточнить номер дома?» asks.
	 */
	private static boolean reproachfulQuestion(AnalyzedText answer, Sentence sentence) {
		String fragment = answer.fragment(sentence.start(), sentence.end()).strip();
		if (!fragment.endsWith("?") && !fragment.endsWith("?!") && !fragment.endsWith("!?")) {
			return false;
		}
		for (Token word : sentence.words()) {
			if (word.form().equals("бы") || word.form().equals("пожалуйста") || word.form().equals("подскажите")) {
				return false;
			}
		}
		return true;
	}

}
