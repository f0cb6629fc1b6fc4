package org.otklik.quality.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * A compiled section of a rule file. Finds non-overlapping phrase occurrences, longest first, so
 * that «осуществляется в установленном порядке» counts once and not also as «в установленном
 * порядке».
 */
public final class PhraseDictionary {

	/** A compiled line with its weight. */
	public record Entry(PhrasePattern pattern, double weight) {
	}

	/** One occurrence in a text, with character offsets of the matched words. */
	public record Match(Entry entry, int sentence, int start, int end) {

		public double weight() {
			return this.entry.weight();
		}

		/** Whether this occurrence shares a character with any of {@code others}. */
		public boolean overlapsAny(List<Match> others) {
			for (Match other : others) {
				if (other.start() < this.end && this.start < other.end()) {
					return true;
				}
			}
			return false;
		}

	}

	private final String name;

	private final List<Entry> entries;

	/** Entries by the key of their first word, so a position only tries entries that can start there. */
	private final java.util.Map<String, List<Entry>> byFirstKey = new java.util.HashMap<>();

	/** Entries whose first element is not a plain word: tried at every position. */
	private final List<Entry> unindexed = new ArrayList<>();

	public PhraseDictionary(String name, List<Entry> entries) {
		this.name = name;
		this.entries = List.copyOf(entries);
		for (Entry entry : this.entries) {
			List<String> keys = entry.pattern().firstKeys();
			if (keys == null) {
				this.unindexed.add(entry);
			}
			else {
				for (String key : new java.util.LinkedHashSet<>(keys)) {
					this.byFirstKey.computeIfAbsent(key, (k) -> new ArrayList<>()).add(entry);
				}
			}
		}
	}

	public String name() {
		return this.name;
	}

	public List<Match> findAll(AnalyzedText text) {
		List<Match> matches = new ArrayList<>();
		for (Sentence sentence : text.sentences()) {
			findAll(sentence, matches);
		}
		return matches;
	}

	public List<Match> findAll(Sentence sentence) {
		List<Match> matches = new ArrayList<>();
		findAll(sentence, matches);
		return matches;
	}

	private void findAll(Sentence sentence, List<Match> out) {
		List<Token> words = sentence.words();
		int pos = 0;
		while (pos < words.size()) {
			Entry best = null;
			int bestEnd = -1;
			Token token = words.get(pos);
			List<List<Entry>> candidates = List.of(
					this.byFirstKey.getOrDefault(PhrasePattern.stemKey(token.stem()), List.of()),
					this.byFirstKey.getOrDefault("f:" + token.form(), List.of()), this.unindexed);
			for (List<Entry> group : candidates) {
				for (Entry entry : group) {
					int end = entry.pattern().longestMatch(words, pos);
					if (end > pos && (end > bestEnd || (end == bestEnd && entry.weight() > best.weight()))) {
						best = entry;
						bestEnd = end;
					}
				}
			}
			if (best == null) {
				pos++;
			}
			else {
				out.add(new Match(best, sentence.index(), words.get(pos).start(), words.get(bestEnd - 1).end()));
				pos = bestEnd;
			}
		}
	}

	public boolean anyIn(AnalyzedText text) {
		return !findAll(text).isEmpty();
	}

}
