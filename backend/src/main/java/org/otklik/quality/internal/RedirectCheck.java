package org.otklik.quality.internal;

import java.util.List;

import org.otklik.quality.QualityRule;

/**
 * REDIRECT: a sentence that tells the citizen to go somewhere themselves. Detected from the
 * grammar of the advice rather than from names of bodies: a verb of sending or appealing in the
 * imperative, or as an infinitive governed by a modal, with a destination nearby. Forwarding by the
 * authority itself has neither and is never flagged.
 */
public final class RedirectCheck implements QualityCheck {

	private static final String[] IMPERATIVE_ENDINGS = { "ите", "йте", "ьте", "итесь", "йтесь", "ьтесь" };

	private static final String[] INFINITIVE_ENDINGS = { "ть", "ться", "ти", "тись" };

	private final PhrasePattern.PhrasePatternSet sendingVerb;

	private final PhrasePattern.PhrasePatternSet callingVerb;

	private final PhrasePattern.PhrasePatternSet theirDestination;

	private final PhrasePattern.PhrasePatternSet modal;

	private final PhrasePattern.PhrasePatternSet ownSide;

	private final PhrasePattern.PhrasePatternSet firstPerson;

	private final PhrasePattern.PhrasePatternSet destination;

	private final PhrasePattern.PhrasePatternSet questionWord;

	private final PhraseDictionary phrases;

	private final PhraseDictionary responsible;

	private final PhraseDictionary theirContact;

	private final PhrasePattern.PhrasePatternSet enrollingVerb;

	private final PhrasePattern.PhrasePatternSet institution;

	private final PhrasePattern.PhrasePatternSet institutionPreposition;

	private final PhrasePattern.PhrasePatternSet ownPossessive;

	private final PhrasePattern.PhrasePatternSet otherBody;

	private final PhrasePattern.PhrasePatternSet organisation;

	private final PhrasePattern.PhrasePatternSet forwarded;

	private final PhrasePattern.PhrasePatternSet instructed;

	private final PhrasePattern.PhrasePatternSet pointing;

	private final PhrasePattern.PhrasePatternSet notAction;

	private final PhrasePattern.PhrasePatternSet dated;

	private final int modalWindow;

	private final int objectWindow;

	private final int destinationWindow;

	private final Messages messages;

	public RedirectCheck(RuleFile file, Messages messages) {
		this.sendingVerb = file.wordClass("sending-verb");
		this.callingVerb = file.wordClass("calling-verb");
		this.theirDestination = file.wordClass("their-destination");
		this.modal = file.wordClass("modal");
		this.ownSide = file.wordClass("own-side");
		this.firstPerson = file.wordClass("first-person");
		this.destination = file.wordClass("destination");
		this.questionWord = file.wordClass("question-word");
		this.phrases = file.dictionary("phrases");
		this.responsible = file.dictionary("responsible");
		this.theirContact = file.dictionary("their-contact");
		this.enrollingVerb = file.wordClass("enrolling-verb");
		this.institution = file.wordClass("institution");
		this.institutionPreposition = file.wordClass("institution-preposition");
		this.ownPossessive = file.wordClass("own-possessive");
		this.otherBody = file.wordClass("other-body");
		this.organisation = file.wordClass("org");
		this.forwarded = file.wordClass("forwarded");
		this.pointing = file.wordClass("pointing");
		this.instructed = file.wordClass("instructed");
		this.notAction = file.wordClass("not-action");
		this.dated = file.wordClass("dated");
		Settings settings = new Settings(file);
		this.modalWindow = settings.getInt("modal-window");
		this.objectWindow = settings.getInt("object-window");
		this.destinationWindow = settings.getInt("destination-window");
		this.messages = messages;
		messages.require("redirect.sending");
		messages.require("redirect.competence");
		messages.require("redirect.responsible");
	}

	@Override
	public void check(CheckContext context) {
		AnalyzedText answer = context.answer();
		for (PhraseDictionary.Match match : this.phrases.findAll(answer)) {
			context.add(this.messages.finding(QualityRule.REDIRECT, "redirect.competence", match.start(), match.end(),
					answer.fragment(match.start(), match.end())));
		}
		// «Подрядчику указано на необходимость …»: the body named is the one we made act.
		boolean instructedByUs = anyIn(answer, this.instructed);
		boolean forwardedByUs = instructedByUs || anyIn(answer, this.forwarded);
		int before = context.findings().size();
		int datedSentences = 0;
		boolean[] dated = new boolean[answer.sentences().size()];
		// We act ourselves, with a date («мы включили дорогу в план грейдирования на 3 апреля»): naming
		// the body on whose balance the road is is then information, not sending the citizen there.
		boolean weActDated = false;
		for (Sentence sentence : answer.sentences()) {
			dated[sentence.index()] = hasDate(sentence);
			datedSentences += dated[sentence.index()] ? 1 : 0;
			weActDated |= dated[sentence.index()] && ownActionAfter(sentence.words(), -1);
		}
		for (Sentence sentence : answer.sentences()) {
			// The answer gives its own dated facts elsewhere, so a pointer to someone unnamed is
			// supplementary («расписание уточняйте у диспетчера переправы» after the repair date).
			boolean actsElsewhere = datedSentences > (dated[sentence.index()] ? 1 : 0);
			if (sendsCitizen(sentence, actsElsewhere)) {
				context.add(this.messages.finding(QualityRule.REDIRECT, "redirect.sending", sentence.start(),
						sentence.end(), answer.fragment(sentence.start(), sentence.end())));
			}
			else if (!forwardedByUs && !weActDated && !ownActionAfter(sentence.words(), -1)
					&& (namesAnotherBodyResponsible(answer, sentence) || pointsAtBody(answer, sentence))) {
				context.add(this.messages.finding(QualityRule.REDIRECT, "redirect.responsible", sentence.start(),
						sentence.end(), answer.fragment(sentence.start(), sentence.end())));
			}
		}
		if (instructedByUs && context.findings().size() == before) {
			context.clear(QualityRule.REDIRECT);
		}
	}

	/**
	 * «За вывоз мусора отвечает региональный оператор», «дорога на балансе ГКУ …»: the citizen learns
	 * whom to chase, and nobody chases for them.
	 */
	private boolean namesAnotherBodyResponsible(AnalyzedText answer, Sentence sentence) {
		if (this.responsible.findAll(sentence).isEmpty() && !theirContactIn(answer, sentence)) {
			return false;
		}
		List<Token> words = sentence.words();
		for (int j = 0; j < words.size(); j++) {
			if ((!this.otherBody.ends(words, j).isEmpty() || !this.organisation.ends(words, j).isEmpty())
					&& !(j > 0 && this.ownPossessive.matches(words.get(j - 1)))) {
				// «ведёт приём по телефону нашей регистратуры»: our own office is not another body.
				return true;
			}
		}
		return false;
	}

	/**
	 * «Их диспетчер», «его горячая линия»: a possessive pronoun before a contact. Punctuation between the
	 * two means the pronoun closes the clause before it as an object («меняют её, горячая вода …»).
	 */
	private boolean theirContactIn(AnalyzedText answer, Sentence sentence) {
		for (PhraseDictionary.Match match : this.theirContact.findAll(sentence)) {
			String fragment = answer.fragment(match.start(), match.end());
			if (fragment.chars().noneMatch((c) -> c == ',' || c == ';' || c == ':' || c == '—' || c == '–')) {
				return true;
			}
		}
		return false;
	}

	/**
	 * «Вопрос о перерасчёте — к Соцфонду»: a dash or colon, then «к» and a body, with no verb at all,
	 * still sends the citizen there. «— в администрации» is left out: it usually says where the
	 * authority itself receives people.
	 */
	private boolean pointsAtBody(AnalyzedText answer, Sentence sentence) {
		List<Token> tokens = answer.tokens();
		for (int t = 1; t + 1 < tokens.size(); t++) {
			Token token = tokens.get(t);
			if (token.sentence() != sentence.index() || !token.isWord()
					|| !(token.form().equals("к") || token.form().equals("ко"))) {
				continue;
			}
			String before = tokens.get(t - 1).text();
			if (!(before.equals("—") || before.equals("–") || before.equals("-") || before.equals(":"))) {
				continue;
			}
			List<Token> words = sentence.words();
			int at = words.indexOf(token);
			if (at >= 0 && at + 1 < words.size() && (!this.otherBody.ends(words, at + 1).isEmpty()
					|| !this.organisation.ends(words, at + 1).isEmpty())) {
				return true;
			}
		}
		return false;
	}

	private static boolean anyIn(AnalyzedText text, PhrasePattern.PhrasePatternSet set) {
		for (Sentence sentence : text.sentences()) {
			List<Token> words = sentence.words();
			for (int j = 0; j < words.size(); j++) {
				if (!set.ends(words, j).isEmpty()) {
					return true;
				}
			}
		}
		return false;
	}

	/**
	 * A verb of sending or calling addressed to the citizen, with a destination. Strong evidence only:
	 * the destination is another body or a pointing pronoun («обратитесь в УК», «пишите им»); a
	 * destination nobody is named for («уточняйте у диспетчера», «к мастеру») counts only when the
	 * answer gives no dated fact of its own elsewhere. Either way the citizen's step is part of our own
	 * action when the sentence goes on with it («принесите справки в отдел — пересчитаем»).
	 */
	private boolean sendsCitizen(Sentence sentence, boolean actsElsewhere) {
		List<Token> words = sentence.words();
		for (int i = 0; i < words.size(); i++) {
			Token word = words.get(i);
			if (!word.isWord()) {
				continue;
			}
			if (this.callingVerb.matches(word) && endsWithAny(word.form(), IMPERATIVE_ENDINGS)
					&& (after(words, i, this.theirDestination, this.objectWindow)
							|| bodyAfter(words, i, this.destinationWindow))
					&& !ownActionAfter(words, i)) {
				// «Звоните им», «позвоните в УК по телефону …»: the phone of another body is still a redirect.
				return true;
			}
			if (this.enrollingVerb.matches(word) && adviceForm(words, i) && institutionAfter(words, i)
					&& !ownActionAfter(words, i)) {
				// «Записывайтесь к окулисту в областную больницу»: signing up is the help itself only
				// where we are; another institution's phone, if given, is still theirs.
				return true;
			}
			if (!this.sendingVerb.matches(word)) {
				continue;
			}
			boolean advice = adviceForm(words, i);
			if (advice && !objectIsOwnSide(words, i) && destinationNear(words, i) && !ownActionAfter(words, i)
					&& (namedTarget(words, i) || !actsElsewhere)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * The imperative, or an infinitive after a modal that is not the authority's («вам нужно …»). A
	 * negated one («не оставляйте машины у подъезда») sends nobody anywhere.
	 */
	private boolean adviceForm(List<Token> words, int verb) {
		String form = words.get(verb).form();
		if (verb > 0 && words.get(verb - 1).form().equals("не")) {
			return false;
		}
		return endsWithAny(form, IMPERATIVE_ENDINGS)
				|| (endsWithAny(form, INFINITIVE_ENDINGS) && citizensModalNear(words, verb));
	}

	/**
	 * An institution or another body after «в», «во» or «через» within the window after the verb
	 * («… в областную больницу», «через МФЦ»), not one of ours («в нашу поликлинику») and with no «нам»
	 * or «к нам» near the verb.
	 */
	private boolean institutionAfter(List<Token> words, int verb) {
		int to = Math.min(words.size() - 1, verb + this.destinationWindow);
		for (int j = verb + 1; j <= to; j++) {
			if (this.firstPerson.matches(words.get(j))) {
				return false;
			}
			if (!this.institutionPreposition.matches(words.get(j))) {
				continue;
			}
			for (int k = j + 1; k <= Math.min(words.size() - 1, j + 2); k++) {
				if (this.ownPossessive.matches(words.get(k))) {
					break;
				}
				if (!this.institution.ends(words, k).isEmpty() || !this.otherBody.ends(words, k).isEmpty()) {
					return true;
				}
			}
		}
		return false;
	}

	/** Another body, an organisation or a pointing pronoun («туда», «им») near the verb. */
	private boolean namedTarget(List<Token> words, int verb) {
		int from = Math.max(0, verb - this.destinationWindow);
		int to = Math.min(words.size() - 1, verb + this.destinationWindow);
		for (int j = from; j <= to; j++) {
			if (j != verb && (this.pointing.matches(words.get(j)) || !this.otherBody.ends(words, j).isEmpty()
					|| !this.organisation.ends(words, j).isEmpty())) {
				return true;
			}
		}
		return false;
	}

	/**
	 * «…, и мы пересчитаем», «— заменим в тот же день»: the authority acts in the first person after the
	 * position, so the citizen is told their part of our own procedure, not sent away.
	 */
	private boolean ownActionAfter(List<Token> words, int position) {
		for (int j = position + 1; j < words.size(); j++) {
			Token word = words.get(j);
			if (word.isWord() && !this.notAction.matches(word)
					&& (word.form().equals("мы") || firstPersonPluralVerb(word.form()))) {
				return true;
			}
		}
		return false;
	}

	/**
	 * A verb in the first person plural by its ending: «сделаем», «отремонтируем» (-ем after a vowel),
	 * «проверим», «заменим» (-им, but not adjectives after к, г, х and hushing consonants, «таким»,
	 * «общим», nor soft adjectives with a consonant before -ним, «летним»), «привезём», «уберём»,
	 * «поможем». Verbs of feeling and speaking («понимаем», «рекомендуем») are excluded by a word class.
	 */
	static boolean firstPersonPluralVerb(String form) {
		int n = form.length();
		if (n < 5) {
			return false;
		}
		if (endsWithAny(form, FIRST_PLURAL_OPEN) || endsWithAny(form, FIRST_PLURAL_STRESSED)) {
			return true;
		}
		if (!form.endsWith("им") || OWN_PRONOUNS.contains(form)) {
			return false;
		}
		char before = form.charAt(n - 3);
		if ("кгхжшщчь".indexOf(before) >= 0) {
			return false;
		}
		return before != 'н' || "аеиоуыэюя".indexOf(form.charAt(n - 4)) >= 0;
	}

	private static final String[] FIRST_PLURAL_OPEN = { "аем", "яем", "уем", "юем", "еем" };

	private static final String[] FIRST_PLURAL_STRESSED = { "зем", "дем", "рем", "жем", "лем" };

	private static final java.util.Set<String> OWN_PRONOUNS = java.util.Set.of("своим", "моим", "твоим", "самим");

	private boolean hasDate(Sentence sentence) {
		for (Token word : sentence.words()) {
			if (this.dated.matches(word)) {
				return true;
			}
		}
		return false;
	}

	/** A modal within the window whose subject is not the authority («нам нужно уточнить»). */
	private boolean citizensModalNear(List<Token> words, int verb) {
		int from = Math.max(0, verb - this.modalWindow);
		int to = Math.min(words.size() - 1, verb + this.modalWindow);
		for (int j = from; j <= to; j++) {
			if (j != verb && this.modal.matches(words.get(j)) && !firstPersonBefore(words, j)) {
				return true;
			}
		}
		return false;
	}

	private boolean firstPersonBefore(List<Token> words, int modalIndex) {
		for (int j = Math.max(0, modalIndex - 2); j < modalIndex; j++) {
			if (this.firstPerson.matches(words.get(j))) {
				return true;
			}
		}
		return false;
	}

	private boolean objectIsOwnSide(List<Token> words, int verb) {
		int to = Math.min(words.size(), verb + 1 + this.objectWindow);
		for (int j = verb + 1; j < to; j++) {
			if (!this.ownSide.ends(words, j).isEmpty()) {
				return true;
			}
			if (this.destination.matches(words.get(j))) {
				// «Обращайтесь в Магаданэнерго по телефону …»: the destination comes first, so the phone
				// is theirs, not ours; «обращайтесь к нам» names us right after it.
				return j + 1 < words.size() && !this.ownSide.ends(words, j + 1).isEmpty();
			}
		}
		return false;
	}

	/**
	 * «Позвоните в управляющую компанию»: a destination right before another body. A fallback
	 * («если к вечеру воды не будет, позвоните …») is advice on top of the authority's own action,
	 * not a redirect, so a sentence with «если» does not count.
	 */
	private boolean bodyAfter(List<Token> words, int verb, int window) {
		for (Token word : words) {
			if (word.form().equals("если")) {
				return false;
			}
		}
		int to = Math.min(words.size() - 1, verb + window);
		for (int j = verb + 1; j < to; j++) {
			if (this.destination.matches(words.get(j)) && !this.otherBody.ends(words, j + 1).isEmpty()) {
				return true;
			}
			// «Звоните на горячую линию банка», «позвоните диспетчеру УК»: the body with any preposition.
			if (!this.otherBody.ends(words, j).isEmpty()) {
				return true;
			}
		}
		return false;
	}

	private boolean destinationNear(List<Token> words, int verb) {
		int from = Math.max(0, verb - this.destinationWindow);
		int to = Math.min(words.size() - 1, verb + this.destinationWindow);
		for (int j = from; j <= to; j++) {
			if (j != verb && this.destination.matches(words.get(j))
					&& !(j + 1 < words.size() && this.questionWord.matches(words.get(j + 1)))) {
				return true;
			}
			// «Адресовать перевозчику», «оставьте на сайте сетевой организации»: the body itself, in
			// the dative or after any preposition, is the destination.
			if (j > verb && !this.otherBody.ends(words, j).isEmpty()) {
				return true;
			}
		}
		return false;
	}

	private static boolean after(List<Token> words, int verb, PhrasePattern.PhrasePatternSet set, int window) {
		int to = Math.min(words.size() - 1, verb + window);
		for (int j = verb + 1; j <= to; j++) {
			if (set.matches(words.get(j))) {
				return true;
			}
		}
		return false;
	}

	private static boolean endsWithAny(String form, String[] endings) {
		for (String ending : endings) {
			if (form.endsWith(ending)) {
				return true;
			}
		}
		return false;
	}

}
