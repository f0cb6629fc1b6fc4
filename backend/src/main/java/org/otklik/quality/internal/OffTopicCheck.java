package org.otklik.quality.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.lucene.analysis.CharArraySet;

import org.otklik.quality.QualityRule;

/**
 * OFF_TOPIC: the answer does not address the appeal it replies to, measured against the appeal's
 * text by shared content stems and shared subject areas ({@code offtopic.txt}). Silent without the
 * appeal, and for answers too short to judge, so a bare template is left to the other rules.
 */
public final class OffTopicCheck implements QualityCheck {

	private static final CharArraySet STOP_WORDS = org.apache.lucene.analysis.ru.RussianAnalyzer.getDefaultStopSet();

	private static final int MIN_LETTERS = 4;

	/** Prepositions after which a capitalised word is a place: «в Сусумане», «во Владивостоке», «из Эльгена». */
	private static final Set<String> PLACE_PREPOSITIONS = Set.of("в", "во", "из");

	private final List<String> generic = new ArrayList<>();

	private final Map<String, List<String>> topics = new LinkedHashMap<>();

	/** Generic prefixes by first letter: every word of both texts is looked up, so no full scans. */
	private final Map<Character, List<String>> genericByLetter = new java.util.HashMap<>();

	/** Topic prefixes by first letter, each with its topic. */
	private final Map<Character, List<String[]>> topicsByLetter = new java.util.HashMap<>();

	private final int minAnswerWords;

	private final int maxOverlap;

	private final int minAppealWords;

	private final int shortAppealWords;

	private final int minTopicHits;

	/** Topics of one sector («heat» and «money»: a bill for heating is about heating). */
	private final Map<String, Set<String>> related = new java.util.HashMap<>();

	private final Messages messages;

	/** What one text is about: its content words (stem → first form seen) and the topics it touches. */
	public record Subject(Map<String, String> words, Set<String> topics, int topicHits) {
	}

	public OffTopicCheck(RuleFile file, Messages messages) {
		for (RuleFile.Line line : file.lines("generic")) {
			for (String prefix : line.text().split("\\s+")) {
				this.generic.add(RussianAnalyzer.fold(prefix));
			}
		}
		for (RuleFile.Line line : file.lines("topics")) {
			int colon = line.text().indexOf(':');
			if (colon <= 0) {
				throw new IllegalStateException(file.name() + ":" + line.number() + ": expected «topic : prefixes»");
			}
			List<String> prefixes = new ArrayList<>();
			for (String prefix : line.text().substring(colon + 1).strip().split("\\s+")) {
				prefixes.add(RussianAnalyzer.fold(prefix));
			}
			this.topics.put(line.text().substring(0, colon).strip(), prefixes);
		}
		for (String prefix : this.generic) {
			this.genericByLetter.computeIfAbsent(prefix.charAt(0), (c) -> new ArrayList<>()).add(prefix);
		}
		this.topics.forEach((topic, prefixes) -> {
			for (String prefix : prefixes) {
				this.topicsByLetter.computeIfAbsent(prefix.charAt(0), (c) -> new ArrayList<>())
					.add(new String[] { prefix, topic });
			}
		});
		for (RuleFile.Line line : file.lines("related")) {
			String[] sector = line.text().strip().split("\\s+");
			for (String topic : sector) {
				if (!this.topics.containsKey(topic)) {
					throw new IllegalStateException(file.name() + ":" + line.number() + ": unknown topic «" + topic + "»");
				}
				for (String other : sector) {
					this.related.computeIfAbsent(topic, (t) -> new LinkedHashSet<>()).add(other);
				}
			}
		}
		Settings settings = new Settings(file);
		this.minAppealWords = settings.getInt("min-appeal-words");
		this.shortAppealWords = settings.getInt("short-appeal-words");
		this.minTopicHits = settings.getInt("min-answer-topic-words");
		this.minAnswerWords = settings.getInt("min-answer-words");
		this.maxOverlap = settings.getInt("max-overlap");
		this.messages = messages;
		messages.require("offtopic");
	}

	@Override
	public void check(CheckContext context) {
		if (context.appeal() == null) {
			return;
		}
		Subject answer = subject(context.answer());
		if (answer.words().size() < this.minAnswerWords) {
			return;
		}
		Subject appeal = subject(context.appeal());
		if (appeal.words().size() < this.minAppealWords) {
			// «Помогите!!!», a photo caption or a one-line complaint: too little to judge against.
			return;
		}
		// Strong evidence only: the answer must be clearly about its own subject, not brush one word of it.
		if (answer.topicHits() < this.minTopicHits) {
			return;
		}
		// Off topic means about something else, not about nothing: an answer that touches no subject at
		// all («вопрос находится в работе») is a template or a non-answer, the other rules' business.
		if (answer.topics().isEmpty() || appeal.topics().isEmpty() || !unrelated(answer.topics(), appeal.topics())
				|| overlap(answer, appeal) > ((appeal.words().size() < this.shortAppealWords) ? 0 : this.maxOverlap)) {
			return;
		}
		List<String> shown = new ArrayList<>();
		for (String form : appeal.words().values()) {
			if (shown.size() == 3) {
				break;
			}
			shown.add("«" + form + "»");
		}
		context.add(this.messages.finding(QualityRule.OFF_TOPIC, "offtopic", null, null,
				"в обращении: " + String.join(", ", shown)));
	}

	/** Content words and topics of a text; public for measurement. */
	public Subject subject(AnalyzedText text) {
		Map<String, String> words = new LinkedHashMap<>();
		Set<String> touched = new LinkedHashSet<>();
		int hits = 0;
		String previous = "";
		for (Token token : text.tokens()) {
			if (!token.isWord()) {
				continue;
			}
			// «в Сусумане», «из Эльгена»: the place both texts name is where, not what; an answer about
			// bread in Сусуман is not about the stadium in Сусуман. Streets («на Портовой») stay words.
			boolean place = PLACE_PREPOSITIONS.contains(previous) && Character.isUpperCase(token.text().charAt(0));
			previous = token.form();
			// Topics first: short words such as «УК» name a subject without being a content word.
			char first = token.form().charAt(0);
			for (String[] entry : this.topicsByLetter.getOrDefault(first, List.of())) {
				if (matches(token.form(), entry[0])) {
					touched.add(entry[1]);
					hits++;
				}
			}
			if (!place && token.form().length() >= MIN_LETTERS && !STOP_WORDS.contains(token.form())
					&& !startsWithAny(token.form(), this.genericByLetter.getOrDefault(first, List.of()))) {
				words.putIfAbsent(token.stem(), token.text());
			}
		}
		return new Subject(words, touched, hits);
	}

	/** How many of the answer's content stems the appeal shares. */
	public static int overlap(Subject answer, Subject appeal) {
		int shared = 0;
		for (String stem : answer.words().keySet()) {
			for (String other : appeal.words().keySet()) {
				if (sameStem(stem, other)) {
					shared++;
					break;
				}
			}
		}
		return shared;
	}

	private static boolean sameStem(String a, String b) {
		// Snowball cuts «сетями» and «сетей» to «сет»: equal short stems of 4+-letter words are one word.
		if (a.length() >= MIN_LETTERS - 1 && a.equals(b)) {
			return true;
		}
		String shorter = (a.length() <= b.length()) ? a : b;
		String longer = (shorter == a) ? b : a;
		return shorter.length() >= MIN_LETTERS && longer.startsWith(shorter);
	}

	/** Whether no topic of one text is a topic of the other or of the same sector ({@code [related]}). */
	private boolean unrelated(Set<String> a, Set<String> b) {
		for (String item : a) {
			if (b.contains(item)) {
				return false;
			}
			for (String other : this.related.getOrDefault(item, Set.of())) {
				if (b.contains(other)) {
					return false;
				}
			}
		}
		return true;
	}

	private static boolean startsWithAny(String form, List<String> prefixes) {
		for (String prefix : prefixes) {
			if (matches(form, prefix)) {
				return true;
			}
		}
		return false;
	}

	/** A prefix ending in «*» matches a beginning; any other entry the whole word. */
	private static boolean matches(String form, String prefix) {
		if (prefix.endsWith("*")) {
			return form.regionMatches(0, prefix, 0, prefix.length() - 1);
		}
		return form.equals(prefix);
	}

}
