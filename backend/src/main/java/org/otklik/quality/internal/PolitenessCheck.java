package org.otklik.quality.internal;

import org.otklik.quality.QualityRule;

/**
 * NO_POLITENESS: fires when the answer has neither a greeting or personal address nor thanks,
 * apology or empathy. A curt or blaming tone is {@link RudenessCheck}'s business.
 */
public final class PolitenessCheck implements QualityCheck {

	private final PhraseDictionary greeting;

	private final PhraseDictionary thanks;

	private final PhraseDictionary apology;

	private final PhraseDictionary empathy;

	private final Names names;

	private final Messages messages;

	public PolitenessCheck(RuleFile file, Names names, Messages messages) {
		this.greeting = file.dictionary("greeting");
		this.thanks = file.dictionary("thanks");
		this.apology = file.dictionary("apology");
		this.empathy = file.dictionary("empathy");
		this.names = names;
		this.messages = messages;
		messages.require("politeness.missing");
	}

	@Override
	public void check(CheckContext context) {
		AnalyzedText answer = context.answer();
		boolean addressed = this.greeting.anyIn(answer) || addressedByName(answer);
		boolean courteous = this.thanks.anyIn(answer) || this.apology.anyIn(answer) || this.empathy.anyIn(answer);
		if (!addressed && !courteous) {
			context.add(this.messages.finding(QualityRule.NO_POLITENESS, "politeness.missing", null, null, null));
		}
	}

	/** «Ольга Владимировна, …» or «Ирина!» in the first sentence is a personal address. */
	private boolean addressedByName(AnalyzedText answer) {
		if (answer.sentences().isEmpty()) {
			return false;
		}
		for (Token word : answer.sentences().get(0).words()) {
			if (this.names.isNamePart(word)) {
				return true;
			}
		}
		return false;
	}

}
