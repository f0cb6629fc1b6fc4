package org.otklik.quality.internal;

import java.util.ArrayList;
import java.util.List;

import org.otklik.quality.QualityRule;

/**
 * FORMALISM: sums the weights of officialese phrases and legal citations and adds points for the
 * grammar of officialese: a high share of verbal nouns, chains of verbal nouns in the genitive
 * («проведение обследования технического состояния»), passives that hide who acts («работы будут
 * выполнены») and reassurances with nothing behind them («ситуацию держим на контроле»). A score,
 * not a single phrase, decides, because one «в рамках» in an otherwise concrete answer is not an
 * отписка.
 */
public final class FormalismCheck implements QualityCheck {

	private final PhraseDictionary phrases;

	private final PhraseDictionary legal;

	private final List<String> nominalSuffixes = new ArrayList<>();

	private final PhraseDictionary reassurance;

	private final PhraseDictionary consideration;

	private final PhrasePattern.PhrasePatternSet lawWord;

	private final double lawPoints;

	private final PhrasePattern.PhrasePatternSet passiveVerb;

	private final PhrasePattern.PhrasePatternSet agent;

	private final PhrasePattern.PhrasePatternSet appealWord;

	private final List<String> genitiveSuffixes = new ArrayList<>();

	private final List<String> verbalNounSuffixes = new ArrayList<>();

	private final List<String> genitiveAdjectiveEndings = new ArrayList<>();

	private final List<String> shortParticipleEndings = new ArrayList<>();

	private final Messages messages;

	private final double threshold;

	private final int chainMinGenitives;

	private final double chainPoints;

	private final double chainMaxPoints;

	private final double passivePoints;

	private final double passiveMaxPoints;

	private final int passiveMinLetters;

	private final int passiveMinSentenceWords;

	private final double reassuranceBare;

	private final double reassuranceBacked;

	private final double reassuranceAlone;

	private final int greetingMaxWords;

	private final int nominalMinWords;

	private final double nominalShareStart;

	private final double nominalSharePerPoint;

	private final double nominalMaxPoints;

	private final int nominalSentenceMin;

	private final int nominalSentenceHigh;

	private final double nominalSentencePoints;

	private final double nominalSentenceMaxPoints;

	public FormalismCheck(RuleFile file, Messages messages) {
		this.phrases = file.dictionary("phrases");
		this.legal = file.dictionary("legal");
		for (RuleFile.Line line : file.lines("nominal-suffixes")) {
			this.nominalSuffixes.add(RussianAnalyzer.fold(line.text()));
		}
		this.reassurance = file.dictionary("reassurance");
		this.consideration = file.dictionary("consideration");
		this.lawWord = file.wordClass("law-word");
		this.passiveVerb = file.wordClass("passive-verb");
		this.agent = file.wordClass("agent");
		this.appealWord = file.wordClass("appeal-word");
		readEndings(file, "genitive-suffixes", this.genitiveSuffixes);
		readEndings(file, "verbal-noun-suffixes", this.verbalNounSuffixes);
		readEndings(file, "genitive-adjective-endings", this.genitiveAdjectiveEndings);
		readEndings(file, "short-participle-endings", this.shortParticipleEndings);
		Settings settings = new Settings(file);
		this.threshold = settings.get("threshold");
		this.chainMinGenitives = settings.getInt("chain-min-genitives");
		this.chainPoints = settings.get("chain-points");
		this.chainMaxPoints = settings.get("chain-max-points");
		this.passivePoints = settings.get("passive-points");
		this.passiveMaxPoints = settings.get("passive-max-points");
		this.passiveMinLetters = settings.getInt("passive-min-letters");
		this.passiveMinSentenceWords = settings.getInt("passive-min-sentence-words");
		this.reassuranceBare = settings.get("reassurance-bare");
		this.reassuranceBacked = settings.get("reassurance-backed");
		this.reassuranceAlone = settings.get("reassurance-alone");
		this.greetingMaxWords = settings.getInt("greeting-max-words");
		this.lawPoints = settings.get("law-points");
		this.nominalMinWords = settings.getInt("nominal-min-words");
		this.nominalShareStart = settings.get("nominal-share-start");
		this.nominalSharePerPoint = settings.get("nominal-share-per-point");
		this.nominalMaxPoints = settings.get("nominal-max-points");
		this.nominalSentenceMin = settings.getInt("nominal-sentence-min");
		this.nominalSentenceHigh = settings.getInt("nominal-sentence-high");
		this.nominalSentencePoints = settings.get("nominal-sentence-points");
		this.nominalSentenceMaxPoints = settings.get("nominal-sentence-max-points");
		this.messages = messages;
		messages.require("formalism.phrase");
		messages.require("formalism.density");
		messages.require("formalism.chain");
		messages.require("formalism.passive");
		messages.require("formalism.reassurance");
	}

	private static void readEndings(RuleFile file, String section, List<String> into) {
		for (RuleFile.Line line : file.lines(section)) {
			into.add(RussianAnalyzer.fold(line.text()));
		}
	}

	/** The formalism score of a text; exposed for tests and tuning. */
	public double score(AnalyzedText text) {
		double score = densityPoints(text) + grammarPoints(text, new ArrayList<>());
		for (PhraseDictionary.Match match : this.phrases.findAll(text)) {
			score += match.weight();
		}
		for (PhraseDictionary.Match match : this.legal.findAll(text)) {
			score += match.weight();
		}
		return score;
	}

	/** Share of verbal and abstract nouns among the words of the text. */
	public double nominalShare(AnalyzedText text) {
		int words = 0;
		int nominal = 0;
		for (Sentence sentence : text.sentences()) {
			for (Token token : sentence.words()) {
				if (!token.isWord()) {
					continue;
				}
				words++;
				if (isNominal(token)) {
					nominal++;
				}
			}
		}
		return (words == 0) ? 0 : (double) nominal / words;
	}

	private boolean isNominal(Token token) {
		String form = token.form();
		if (form.length() < 6) {
			return false;
		}
		for (String suffix : this.nominalSuffixes) {
			if (form.endsWith(suffix)) {
				return true;
			}
		}
		return false;
	}

	private double densityPoints(AnalyzedText text) {
		if (text.wordCount() < this.nominalMinWords) {
			return 0;
		}
		double points = (nominalShare(text) - this.nominalShareStart) / this.nominalSharePerPoint;
		return Math.max(0, Math.min(this.nominalMaxPoints, points));
	}

	/** A piece of officialese found by grammar, with the message key that explains it. */
	private record Spot(String key, int start, int end, double points) {
	}

	/**
	 * Points for genitive chains, agentless passives and bare reassurances, capped per kind; the spots
	 * found are added to {@code spots} for highlighting.
	 */
	private double grammarPoints(AnalyzedText text, List<Spot> spots) {
		double chains = 0;
		double passives = 0;
		double reassurances = 0;
		double nominalSentences = 0;
		double law = 0;
		boolean vague = !anythingConcrete(text);
		for (Sentence sentence : text.sentences()) {
			List<Token> words = sentence.words();
			boolean backed = backed(text, sentence);
			if (!backed) {
				// Prepositions break genitive chains («решение вопроса о выделении средств на устройство
				// освещения»), but a sentence built of verbal nouns with nobody and no date in it is
				// officialese all the same.
				int nominal = 0;
				for (Token word : words) {
					if (word.isWord() && word.form().length() >= 6 && endsWithAny(word.form(), this.verbalNounSuffixes)) {
						nominal++;
					}
				}
				if (nominal >= this.nominalSentenceMin) {
					double points = (nominal >= this.nominalSentenceHigh) ? 2 * this.nominalSentencePoints
							: this.nominalSentencePoints;
					nominalSentences += points;
					spots.add(new Spot("formalism.chain", sentence.start(), sentence.end(), points));
				}
			}
			int i = 0;
			while (i < words.size()) {
				int end = chainEnd(words, i);
				if (end > i) {
					chains += this.chainPoints;
					spots.add(new Spot("formalism.chain", words.get(i).start(), words.get(end - 1).end(), this.chainPoints));
					i = end;
				}
				else {
					i++;
				}
			}
			if (!backed && law == 0) {
				for (Token word : words) {
					if (this.lawWord.matches(word)) {
						law = this.lawPoints;
						spots.add(new Spot("formalism.phrase", word.start(), word.end(), law));
						break;
					}
				}
			}
			if (!backed) {
				Token passive = agentlessPassive(sentence);
				if (passive != null) {
					passives += this.passivePoints;
					spots.add(new Spot("formalism.passive", sentence.start(), sentence.end(), this.passivePoints));
				}
			}
			// A reassurance needs a date, a number or a name behind it; «специалисты» or «мы» are not enough
			// («специалисты в курсе, вопрос на нашем контроле»).
			boolean concrete = concrete(text, sentence);
			List<PhraseDictionary.Match> watched = this.reassurance.findAll(sentence);
			List<PhraseDictionary.Match> found = new ArrayList<>(watched);
			if (!aboutTheAppeal(sentence)) {
				// «Меры прорабатываются», «ситуация изучается»: considering, by anyone, is the same promise
				// of nothing as watching; a sentence about the appeal itself is TEMPLATE_PHRASE's.
				for (PhraseDictionary.Match match : this.consideration.findAll(sentence)) {
					if (!match.overlapsAny(watched)) {
						found.add(match);
					}
				}
			}
			for (PhraseDictionary.Match match : found) {
				double points = concrete ? this.reassuranceBacked : vague ? this.reassuranceAlone : this.reassuranceBare;
				reassurances += points;
				spots.add(new Spot("formalism.reassurance", match.start(), match.end(), points));
			}
		}
		return Math.min(chains, this.chainMaxPoints) + Math.min(passives, this.passiveMaxPoints) + reassurances
				+ Math.min(nominalSentences, this.nominalSentenceMaxPoints) + law;
	}

	/**
	 * The end (exclusive) of a chain of verbal nouns starting at {@code from}: a verbal noun followed
	 * by at least {@code chainMinGenitives} verbal nouns in the genitive, adjectives in the genitive
	 * allowed in between; {@code from} when there is none.
	 */
	private int chainEnd(List<Token> words, int from) {
		if (!isNominal(words.get(from))) {
			return from;
		}
		int genitives = 0;
		int end = from + 1;
		int j = from + 1;
		while (j < words.size()) {
			Token word = words.get(j);
			if (word.isWord() && word.form().length() >= 6 && endsWithAny(word.form(), this.genitiveSuffixes)) {
				genitives++;
				j++;
				end = j;
			}
			else if (word.isWord() && word.form().length() >= 5
					&& endsWithAny(word.form(), this.genitiveAdjectiveEndings)) {
				j++;
			}
			else {
				break;
			}
		}
		return (genitives >= this.chainMinGenitives) ? end : from;
	}

	private boolean aboutTheAppeal(Sentence sentence) {
		for (Token word : sentence.words()) {
			if (this.appealWord.matches(word)) {
				return true;
			}
		}
		return false;
	}

	/** A short passive participle or a reflexive passive, when the sentence names nobody who acts. */
	private Token agentlessPassive(Sentence sentence) {
		if (sentence.wordCount() < this.passiveMinSentenceWords) {
			return null;
		}
		if (aboutTheAppeal(sentence)) {
			return null;
		}
		for (Token word : sentence.words()) {
			if (!word.isWord() || word.form().length() < this.passiveMinLetters) {
				continue;
			}
			boolean shortParticiple = endsWithAny(word.form(), this.shortParticipleEndings);
			boolean reflexive = word.form().endsWith("тся") && this.passiveVerb.matches(word);
			if (shortParticiple || reflexive) {
				return word;
			}
		}
		return null;
	}

	/**
	 * Whether the sentence says who acts or when: a number (date, time, quantity), a quoted name, a
	 * capitalised word after the first (a person or an organisation) or an agent word.
	 */
	private boolean backed(AnalyzedText text, Sentence sentence) {
		List<Token> words = sentence.words();
		for (int j = 0; j < words.size(); j++) {
			Token word = words.get(j);
			if (word.isNumber() || (j > 0 && word.isCapitalised()) || this.agent.matches(word)) {
				return true;
			}
		}
		String fragment = text.fragment(sentence.start(), sentence.end());
		return fragment.indexOf('«') >= 0 || fragment.indexOf('"') >= 0;
	}

	/**
	 * Whether anything in the answer is concrete: a sentence with a number, a quoted name or a
	 * capitalised word, leaving out an opening greeting («Здравствуйте, Елена!»), whose name backs
	 * nothing.
	 */
	private boolean anythingConcrete(AnalyzedText text) {
		for (Sentence sentence : text.sentences()) {
			boolean greeting = sentence.index() == 0 && sentence.words().size() <= this.greetingMaxWords;
			if (!greeting && concrete(text, sentence)) {
				return true;
			}
		}
		return false;
	}

	/** Whether the sentence has a number, a quoted name or a capitalised word after the first. */
	private static boolean concrete(AnalyzedText text, Sentence sentence) {
		List<Token> words = sentence.words();
		for (int j = 0; j < words.size(); j++) {
			if (words.get(j).isNumber() || (j > 0 && words.get(j).isCapitalised())) {
				return true;
			}
		}
		String fragment = text.fragment(sentence.start(), sentence.end());
		return fragment.indexOf('«') >= 0 || fragment.indexOf('"') >= 0;
	}

	private static boolean endsWithAny(String form, List<String> endings) {
		for (String ending : endings) {
			if (form.endsWith(ending)) {
				return true;
			}
		}
		return false;
	}

	@Override
	public void check(CheckContext context) {
		AnalyzedText answer = context.answer();
		List<PhraseDictionary.Match> matches = new ArrayList<>(this.phrases.findAll(answer));
		matches.addAll(this.legal.findAll(answer));
		List<Spot> spots = new ArrayList<>();
		double score = densityPoints(answer) + grammarPoints(answer, spots);
		for (PhraseDictionary.Match match : matches) {
			score += match.weight();
		}
		if (score < this.threshold) {
			return;
		}
		boolean pointed = false;
		for (PhraseDictionary.Match match : matches) {
			// Light connectives («в части», «данный») add to the score but are not worth a highlight.
			if (match.weight() >= 1) {
				context.add(this.messages.finding(QualityRule.FORMALISM, "formalism.phrase", match.start(),
						match.end(), answer.fragment(match.start(), match.end())));
				pointed = true;
			}
		}
		for (Spot spot : spots) {
			if (spot.points() >= 1) {
				context.add(this.messages.finding(QualityRule.FORMALISM, spot.key(), spot.start(), spot.end(),
						answer.fragment(spot.start(), spot.end())));
				pointed = true;
			}
		}
		if (!pointed) {
			context.add(this.messages.finding(QualityRule.FORMALISM, "formalism.density", null, null, null));
		}
	}

}
