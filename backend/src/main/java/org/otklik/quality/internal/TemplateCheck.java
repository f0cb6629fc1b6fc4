package org.otklik.quality.internal;

import org.otklik.quality.QualityRule;

/**
 * TEMPLATE_PHRASE: stock boilerplate from {@code template.txt}, plus short content-free sentences
 * that only report the appeal's processing, so that unseen variants («Ваша заявка обработана»)
 * are caught without listing them.
 */
public final class TemplateCheck implements QualityCheck {

	private final PhraseDictionary phrases;

	private final PhraseDictionary generic;

	private final int genericMaxWords;

	private final PhraseDictionary bare;

	private final int bareExtraWords;

	private final Messages messages;

	public TemplateCheck(RuleFile file, Messages messages) {
		this.phrases = file.dictionary("phrases");
		this.generic = file.dictionary("generic");
		this.genericMaxWords = new Settings(file).getInt("generic-max-words");
		this.bare = file.dictionary("bare");
		this.bareExtraWords = new Settings(file).getInt("bare-extra-words");
		this.messages = messages;
		messages.require("template.phrase");
		messages.require("template.generic");
	}

	@Override
	public void check(CheckContext context) {
		AnalyzedText answer = context.answer();
		for (PhraseDictionary.Match match : this.phrases.findAll(answer)) {
			context.add(this.messages.finding(QualityRule.TEMPLATE_PHRASE, "template.phrase", match.start(),
					match.end(), answer.fragment(match.start(), match.end())));
		}
		for (Sentence sentence : answer.sentences()) {
			// An apology or thanks with nothing else in its sentence: with a reason or a subject it is the
			// answer's own.
			for (PhraseDictionary.Match match : this.bare.findAll(sentence)) {
				if (wordsOutside(sentence, match) <= this.bareExtraWords) {
					context.add(this.messages.finding(QualityRule.TEMPLATE_PHRASE, "template.phrase", match.start(),
							match.end(), answer.fragment(match.start(), match.end())));
				}
			}
			if (sentence.wordCount() > this.genericMaxWords || hasContent(answer, sentence)) {
				continue;
			}
			for (PhraseDictionary.Match match : this.generic.findAll(sentence)) {
				if (!overlapsFinding(context, match)) {
					context.add(this.messages.finding(QualityRule.TEMPLATE_PHRASE, "template.generic", match.start(),
							match.end(), answer.fragment(match.start(), match.end())));
				}
			}
		}
	}

	/** A number or a quoted name makes a short sentence concrete («Заявка № 15 принята в УК «Уют»»). */
	private static boolean hasContent(AnalyzedText answer, Sentence sentence) {
		for (Token word : sentence.words()) {
			if (word.isNumber()) {
				return true;
			}
		}
		String text = answer.fragment(sentence.start(), sentence.end());
		return text.indexOf('«') >= 0 || text.indexOf('"') >= 0;
	}

	private static int wordsOutside(Sentence sentence, PhraseDictionary.Match match) {
		int outside = 0;
		for (Token word : sentence.words()) {
			if (word.end() <= match.start() || word.start() >= match.end()) {
				outside++;
			}
		}
		return outside;
	}

	private static boolean overlapsFinding(CheckContext context, PhraseDictionary.Match match) {
		return context.findings().stream()
			.anyMatch((finding) -> finding.rule() == QualityRule.TEMPLATE_PHRASE && finding.start() != null
					&& finding.start() < match.end() && match.start() < finding.end());
	}

}
