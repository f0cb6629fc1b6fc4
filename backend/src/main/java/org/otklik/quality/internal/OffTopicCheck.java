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

	private final List<String> generic = new ArrayList<>();

	private final Map<String, List<String>> topics = new LinkedHashMap<>();

	/** Generic prefixes by first letter: every word of both texts is looked up, so no full scans. */
	private final Map<Character, List<String>> genericByLetter = new java.util.HashMap<>();

	/** Topic prefixes by first letter, each with its topic. */
	private final Map<Character, List<String[]>> topicsByLetter = new java.util.HashMap<>();

	private final int minAnswerWords;

	private final int maxOverlap;

	private final Messages messages;

	/** What one text is about: its content words (stem → first form seen) and the topics it touches. */
	public record Subject(Map<String, String> words, Set<String> topics) {
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
		Settings settings = new Settings(file);
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
		if (appeal.words().size() < this.minAnswerWords) {
			// «Помогите!!!» or a photo caption: nothing to compare against.
			return;
		}
		// Off topic means about something else, not about nothing: an answer that touches no subject at
		// all («вопрос находится в работе») is a template or a non-answer, the other rules' business.
		if (answer.topics().isEmpty() || appeal.topics().isEmpty() || !disjoint(answer.topics(), appeal.topics())
				|| overlap(answer, appeal) > this.maxOverlap) {
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
		for (Token token : text.tokens()) {
			if (!token.isWord()) {
				continue;
			}
			// Topics first: short words such as «УК» name a subject without being a content word.
			char first = token.form().charAt(0);
			for (String[] entry : this.topicsByLetter.getOrDefault(first, List.of())) {
				if (matches(token.form(), entry[0])) {
					touched.add(entry[1]);
				}
			}
			if (token.form().length() >= MIN_LETTERS && !STOP_WORDS.contains(token.form())
					&& !startsWithAny(token.form(), this.genericByLetter.getOrDefault(first, List.of()))) {
				words.putIfAbsent(token.stem(), token.text());
			}
		}
		return new Subject(words, touched);
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
		String shorter = (a.length() <= b.length()) ? a : b;
		String longer = (shorter == a) ? b : a;
		return shorter.length() >= MIN_LETTERS && longer.startsWith(shorter);
	}

	private static boolean disjoint(Set<String> a, Set<String> b) {
		for (String item : a) {
			if (b.contains(item)) {
				return false;
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
