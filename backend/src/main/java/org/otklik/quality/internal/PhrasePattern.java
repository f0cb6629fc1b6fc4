package org.otklik.quality.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A compiled dictionary entry: a sequence of slots matched against the words of one sentence.
 * See {@code docs/quality.md} for the line syntax; the short form is
 * {@code word} (any inflection, by Snowball stem), {@code =form} (this exact form),
 * {@code pref*} (surface prefix), {@code <num>}, {@code <cap>}, {@code @class}, {@code a|b}
 * (either), a trailing {@code ?} (optional) and {@code ...} (up to three words in between).
 */
public final class PhrasePattern {

	/** How many words {@code ...} may skip; more would let a phrase span unrelated clauses. */
	static final int GAP = 3;

	/** Shortest stem that may match another stem by prefix; shorter stems must be equal. */
	static final int MIN_PREFIX_STEM = 5;

	/** How many characters a stem may differ in by prefix («рассмотр» ~ «рассмотрен»). */
	static final int MAX_STEM_TAIL = 2;

	private final String source;

	private final List<Slot> slots;

	private PhrasePattern(String source, List<Slot> slots) {
		this.source = source;
		this.slots = List.copyOf(slots);
	}

	public String source() {
		return this.source;
	}

	/**
	 * Compiles one pattern line.
	 * @param classes word classes of the same file, resolved lazily so that classes may refer to
	 *                each other regardless of order
	 */
	public static PhrasePattern compile(String source, Function<String, PhrasePatternSet> classes) {
		List<Slot> slots = new ArrayList<>();
		for (String part : source.trim().split("\\s+")) {
			if (part.isEmpty()) {
				continue;
			}
			if (part.equals("...")) {
				slots.add(new Gap());
				continue;
			}
			boolean optional = part.length() > 1 && part.endsWith("?");
			String body = optional ? part.substring(0, part.length() - 1) : part;
			List<Slot> alternatives = new ArrayList<>();
			for (String alternative : body.split("\\|")) {
				if (alternative.isEmpty()) {
					throw new IllegalArgumentException("Empty alternative in pattern: " + source);
				}
				alternatives.add(atom(alternative, classes, source));
			}
			Slot slot = (alternatives.size() == 1) ? alternatives.get(0) : new AnyOf(alternatives);
			slots.add(optional ? new Optional(slot) : slot);
		}
		if (slots.isEmpty()) {
			throw new IllegalArgumentException("Empty pattern");
		}
		return new PhrasePattern(source.trim(), slots);
	}

	private static Slot atom(String atom, Function<String, PhrasePatternSet> classes, String source) {
		if (atom.equals("<num>")) {
			return new Single(Token::isNumber, null);
		}
		if (atom.equals("<cap>")) {
			return new Single(Token::isCapitalised, null);
		}
		if (atom.startsWith("@")) {
			return new ClassRef(atom.substring(1), classes);
		}
		if (atom.startsWith("=")) {
			String form = RussianAnalyzer.fold(atom.substring(1));
			return new Single((token) -> token.form().equals(form), "f:" + form);
		}
		if (atom.endsWith("*") && atom.length() > 1) {
			String prefix = RussianAnalyzer.fold(atom.substring(0, atom.length() - 1));
			return new Single((token) -> token.form().startsWith(prefix), null);
		}
		if (!atom.chars().allMatch((ch) -> Character.isLetterOrDigit(ch) || ch == '-')) {
			throw new IllegalArgumentException("Unexpected characters in «" + atom + "» of pattern: " + source);
		}
		String stem = RussianAnalyzer.stem(atom);
		return new Single((token) -> token.kind() != Token.Kind.PUNCT && stemsMatch(stem, token.stem()), stemKey(stem));
	}

	/**
	 * Snowball leaves some forms of one word with stems of different length («рассмотрено» →
	 * «рассмотр», «рассмотрения» → «рассмотрен»), so long stems also match by a short prefix.
	 */
	static boolean stemsMatch(String a, String b) {
		if (a.equals(b)) {
			return true;
		}
		String shorter = (a.length() <= b.length()) ? a : b;
		String longer = (shorter == a) ? b : a;
		return shorter.length() >= MIN_PREFIX_STEM && longer.length() - shorter.length() <= MAX_STEM_TAIL
				&& longer.startsWith(shorter);
	}

	/** Longest match starting at {@code from}, as the index after the last matched word, or -1. */
	public int longestMatch(List<Token> words, int from) {
		return longest(words, from, 0);
	}

	private int longest(List<Token> words, int pos, int slotIndex) {
		if (slotIndex == this.slots.size()) {
			return pos;
		}
		int best = -1;
		for (int end : this.slots.get(slotIndex).ends(words, pos)) {
			int candidate = longest(words, end, slotIndex + 1);
			if (candidate > best) {
				best = candidate;
			}
		}
		return best;
	}

	@Override
	public String toString() {
		return this.source;
	}

	/** One element of a pattern; returns every position where a match of it can end. */
	interface Slot {

		List<Integer> ends(List<Token> words, int pos);

	}

	/**
	 * The index key of a stem: stems that {@link #stemsMatch match} share their first
	 * {@link #MIN_PREFIX_STEM} letters, or are equal when shorter.
	 */
	static String stemKey(String stem) {
		return "s:" + ((stem.length() > MIN_PREFIX_STEM) ? stem.substring(0, MIN_PREFIX_STEM) : stem);
	}

	/**
	 * The keys a token must have for this pattern to start on it ({@link #stemKey} of its stem or
	 * «f:» and its form), or {@code null} when the first element is not a plain word (a prefix, a
	 * class, an optional element, a gap) and the pattern must be tried everywhere.
	 */
	List<String> firstKeys() {
		Slot first = this.slots.get(0);
		if (first instanceof Single single) {
			return (single.key() != null) ? List.of(single.key()) : null;
		}
		if (first instanceof AnyOf any && any.allSingle()) {
			List<String> keys = new ArrayList<>();
			for (Slot alternative : any.alternatives()) {
				String key = ((Single) alternative).key();
				if (key == null) {
					return null;
				}
				keys.add(key);
			}
			return keys;
		}
		return null;
	}

	/** @param key see {@link #firstKeys()}; {@code null} when not indexable */
	private record Single(java.util.function.Predicate<Token> test, String key) implements Slot {

		@Override
		public List<Integer> ends(List<Token> words, int pos) {
			return (pos < words.size() && this.test.test(words.get(pos))) ? List.of(pos + 1) : List.of();
		}

	}

	private record AnyOf(List<Slot> alternatives, boolean allSingle) implements Slot {

		AnyOf(List<Slot> alternatives) {
			this(alternatives, alternatives.stream().allMatch(Single.class::isInstance));
		}

		@Override
		public List<Integer> ends(List<Token> words, int pos) {
			if (this.allSingle) {
				// The common case («a|b|c» of words): one word or none, without building lists, because
				// every dictionary tries every entry at every position.
				if (pos >= words.size()) {
					return List.of();
				}
				Token token = words.get(pos);
				for (Slot alternative : this.alternatives) {
					if (((Single) alternative).test().test(token)) {
						return List.of(pos + 1);
					}
				}
				return List.of();
			}
			List<Integer> ends = new ArrayList<>(2);
			for (Slot alternative : this.alternatives) {
				ends.addAll(alternative.ends(words, pos));
			}
			return ends;
		}

	}

	private record Optional(Slot slot) implements Slot {

		@Override
		public List<Integer> ends(List<Token> words, int pos) {
			List<Integer> ends = new ArrayList<>(this.slot.ends(words, pos));
			ends.add(pos);
			return ends;
		}

	}

	private record Gap() implements Slot {

		@Override
		public List<Integer> ends(List<Token> words, int pos) {
			List<Integer> ends = new ArrayList<>(GAP + 1);
			for (int k = 0; k <= GAP && pos + k <= words.size(); k++) {
				ends.add(pos + k);
			}
			return ends;
		}

	}

	private static final class ClassRef implements Slot {

		private final String name;

		private final Function<String, PhrasePatternSet> classes;

		private volatile PhrasePatternSet resolved;

		ClassRef(String name, Function<String, PhrasePatternSet> classes) {
			this.name = name;
			this.classes = classes;
		}

		@Override
		public List<Integer> ends(List<Token> words, int pos) {
			PhrasePatternSet set = this.resolved;
			if (set == null) {
				set = this.classes.apply(this.name);
				this.resolved = set;
			}
			return set.ends(words, pos);
		}

	}

	/** A word class ({@code [@name]} section): matches where any of its members matches. */
	public record PhrasePatternSet(String name, List<PhrasePattern> members) {

		List<Integer> ends(List<Token> words, int pos) {
			List<Integer> ends = new ArrayList<>(1);
			for (PhrasePattern member : this.members) {
				int end = member.longestMatch(words, pos);
				if (end > pos) {
					ends.add(end);
				}
			}
			return ends;
		}

		public boolean matches(Token token) {
			return !ends(List.of(token), 0).isEmpty();
		}

	}

}
