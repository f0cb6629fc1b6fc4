package org.otklik.quality.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the learned model sees of an answer: features that name classes rather than phrases, so they
 * carry over to wording the model has never seen. Grammar (verbal nouns and chains of them, passives,
 * second-person imperatives, questions), what the answer has (numbers, long numbers such as phones,
 * capitalised names), counts of the word classes of {@code learned.txt} (канцелярит, other bodies,
 * agents, greetings, regret, time words, vague promises, blame) in the whole answer, in its first and
 * last sentence and together in one sentence, and finally Snowball stems and stem bigrams. The rules'
 * own hits are left out on purpose: the rules were tuned on the training answers and fit them almost
 * perfectly, so a model given their hits learns to copy them and adds nothing where they fail.
 * Immutable and thread-safe.
 */
public final class LearnedFeatures {

	private static final List<String> VERBAL_NOUN = List.of("ание", "ания", "аний", "ании", "анию", "анием",
			"ение", "ения", "ений", "ении", "ению", "ением", "ость", "ости", "остей", "остью", "ция", "ции", "цию");

	private static final List<String> PASSIVE = List.of("ется", "ются", "ится", "ятся", "ено", "ена", "ены", "ано",
			"ана", "аны", "ято", "ята", "яты", "ован", "овано", "ованы");

	private static final List<String> IMPERATIVE = List.of("ите", "йте", "итесь", "айтесь", "ейтесь", "ьте");

	/** The feature of an answer under 15 words. */
	static final String SHORT = "words=0";

	/** Class name → its entries: a trailing «*» marks a prefix, otherwise the exact folded form. */
	private final Map<String, List<String>> classes = new LinkedHashMap<>();

	/** Exact forms → their classes, looked up once a word. */
	private final Map<String, List<String>> exact = new java.util.HashMap<>();

	/** Prefixes by their first letter → class name, so a word is compared with few of them. */
	private final Map<Character, List<String[]>> prefixes = new java.util.HashMap<>();

	public LearnedFeatures(RuleFile file) {
		for (String name : List.of("kanc", "other-body", "agent", "greeting", "regret", "time", "vague", "blame")) {
			List<String> entries = new ArrayList<>();
			for (RuleFile.Line line : file.lines(name)) {
				for (String entry : line.text().split("\\s+")) {
					if (!entry.isEmpty()) {
						entries.add(RussianAnalyzer.fold(entry));
					}
				}
			}
			if (entries.isEmpty()) {
				throw new IllegalStateException(file.name() + ": section [" + name + "] is empty");
			}
			this.classes.put(name, List.copyOf(entries));
			for (String entry : entries) {
				if (entry.endsWith("*")) {
					String prefix = entry.substring(0, entry.length() - 1);
					this.prefixes.computeIfAbsent(prefix.charAt(0), (c) -> new ArrayList<>())
						.add(new String[] { prefix, name });
				}
				else {
					this.exact.computeIfAbsent(entry, (e) -> new ArrayList<>()).add(name);
				}
			}
		}
	}

	/** The classes of {@code learned.txt} a word belongs to. */
	List<String> classesOf(String form) {
		List<String> found = new ArrayList<>(2);
		found.addAll(this.exact.getOrDefault(form, List.of()));
		if (!form.isEmpty()) {
			for (String[] prefix : this.prefixes.getOrDefault(form.charAt(0), List.of())) {
				if (form.startsWith(prefix[0]) && !found.contains(prefix[1])) {
					found.add(prefix[1]);
				}
			}
		}
		return found;
	}

	/** The features of an answer, each a string such as {@code kanc=2} or {@code s=отоплен}. */
	public String[] of(AnalyzedText answer) {
		Set<String> features = new LinkedHashSet<>();
		List<Sentence> sentences = answer.sentences();
		int words = answer.wordCount();
		features.add("words=" + bucket(words, 15, 30, 60, 100));
		features.add("sentences=" + bucket(sentences.size(), 2, 4, 7));
		int verbalNouns = 0;
		int chains = 0;
		int passives = 0;
		int imperatives = 0;
		int numbers = 0;
		int longNumbers = 0;
		int capitalisedInside = 0;
		Map<String, Integer> classCounts = new LinkedHashMap<>();
		this.classes.keySet().forEach((name) -> classCounts.put(name, 0));
		for (int s = 0; s < sentences.size(); s++) {
			String where = (s == 0) ? "first" : (s == sentences.size() - 1) ? "last" : "mid";
			List<Token> tokens = sentences.get(s).words();
			Set<String> inSentence = new LinkedHashSet<>();
			boolean previousVerbal = false;
			boolean imperativeHere = false;
			String previousStem = null;
			int runDigits = 0;
			boolean phoneInRun = false;
			for (int i = 0; i < tokens.size(); i++) {
				Token word = tokens.get(i);
				if (word.isNumber()) {
					numbers++;
					// «8 914 222-33-44» is several number tokens: a run of 6+ digits is a phone.
					runDigits += digits(word.form());
					if (runDigits >= 6 && !phoneInRun) {
						longNumbers++;
						phoneInRun = true;
					}
					previousVerbal = false;
					previousStem = null;
					continue;
				}
				runDigits = 0;
				phoneInRun = false;
				String form = word.form();
				boolean verbal = form.length() >= 6 && endsWithAny(form, VERBAL_NOUN);
				if (verbal) {
					verbalNouns++;
					if (previousVerbal) {
						chains++;
					}
				}
				previousVerbal = verbal;
				if (form.length() >= 5 && endsWithAny(form, PASSIVE)) {
					passives++;
				}
				if (form.length() >= 5 && endsWithAny(form, IMPERATIVE)) {
					imperatives++;
					imperativeHere = true;
				}
				if (i > 0 && word.isCapitalised()) {
					capitalisedInside++;
				}
				for (String name : classesOf(form)) {
					classCounts.merge(name, 1, Integer::sum);
					inSentence.add(name);
					if (!"mid".equals(where)) {
						features.add(where + ":" + name);
					}
				}
				if (form.length() < 3) {
					previousStem = null;
					continue;
				}
				String stem = word.stem();
				features.add("s=" + stem);
				if (i < 3) {
					features.add(where + "=" + stem);
				}
				if (previousStem != null) {
					features.add("b=" + previousStem + "_" + stem);
				}
				previousStem = stem;
			}
			// Pairs of classes in one sentence: an imperative next to another body is the grammar of
			// a redirect, a body with no agent the grammar of «это обязанность УК».
			if (imperativeHere) {
				inSentence.forEach((name) -> features.add("imp+" + name));
			}
			if (inSentence.contains("other-body") && !inSentence.contains("agent")) {
				features.add("body-without-agent");
			}
			if (inSentence.contains("kanc") && !inSentence.contains("agent") && !inSentence.contains("time")) {
				features.add("kanc-without-agent");
			}
		}
		features.add("vn=" + bucket((words == 0) ? 0 : 100 * verbalNouns / words, 5, 10, 15, 20));
		features.add("chains=" + bucket(chains, 1, 2, 3));
		features.add("passives=" + bucket(passives, 1, 2, 3));
		features.add("imperatives=" + bucket(imperatives, 1, 2));
		features.add("numbers=" + bucket(numbers, 1, 2, 4));
		features.add("phones=" + bucket(longNumbers, 1));
		features.add("names=" + bucket(capitalisedInside, 1, 3, 6));
		classCounts.forEach((name, count) -> features.add(name + "=" + bucket(count, 1, 2, 4)));
		boolean polite = classCounts.get("greeting") > 0 || classCounts.get("regret") > 0;
		features.add("polite=" + polite);
		int questions = 0;
		for (Token token : answer.tokens()) {
			if (token.kind() == Token.Kind.PUNCT && "?".equals(token.form())) {
				questions++;
			}
		}
		features.add("questions=" + bucket(questions, 1));
		return features.toArray(String[]::new);
	}

	private static int digits(String form) {
		int count = 0;
		for (int i = 0; i < form.length(); i++) {
			count += Character.isDigit(form.charAt(i)) ? 1 : 0;
		}
		return count;
	}

	private static String bucket(int value, int... bounds) {
		int b = 0;
		while (b < bounds.length && value >= bounds[b]) {
			b++;
		}
		return Integer.toString(b);
	}

	private static boolean endsWithAny(String form, List<String> endings) {
		for (String ending : endings) {
			if (form.endsWith(ending)) {
				return true;
			}
		}
		return false;
	}

}
