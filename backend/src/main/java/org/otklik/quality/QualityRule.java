package org.otklik.quality;

/**
 * The mistakes the regional management centre (ЦУР) trains executors to avoid, plus one advisory
 * readability rule. Each rule's dictionary lives in {@code classpath:quality/}.
 */
public enum QualityRule {

	/** Officialese (канцелярит) that hides the substance or makes a non-answer. */
	FORMALISM(true),
	/** No greeting or address and no thanks, apology or empathy; or a curt, blaming tone. */
	NO_POLITENESS(true),
	/** No concrete action with a date, number, responsible person or contact. */
	NO_SPECIFICS(true),
	/** Stock boilerplate sentences («Ваше обращение рассмотрено»). */
	TEMPLATE_PHRASE(true),
	/** Sends the citizen to another body instead of saying who will do what. */
	REDIRECT(true),
	/** Long sentences, chains of participles, full titles of legal acts. Advisory only. */
	TOO_COMPLEX(false),
	/**
	 * Rudeness and blame by tone: dismissive imperatives («отстаньте»), insults, «надоели», blaming the
	 * citizen. Annotators label it NO_POLITENESS, so metrics count it as that ({@link #measuredAs()}).
	 */
	RUDENESS(true),
	/** The answer does not address the appeal it replies to; needs the appeal's text. */
	OFF_TOPIC(false);

	private final boolean labelled;

	QualityRule(boolean labelled) {
		this.labelled = labelled;
	}

	/**
	 * Whether the rule is one of the five trained mistakes that annotators label; advisory rules are
	 * left out of quality metrics.
	 */
	public boolean labelled() {
		return this.labelled;
	}

	/**
	 * The label a finding of this rule counts as when the coach is measured against annotated answers:
	 * the dataset files rudeness under NO_POLITENESS; other labelled rules count as themselves.
	 * {@code null} for rules that annotators do not label.
	 */
	public QualityRule measuredAs() {
		if (!this.labelled) {
			return null;
		}
		return (this == RUDENESS) ? NO_POLITENESS : this;
	}

}
