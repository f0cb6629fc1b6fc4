package org.otklik.quality.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A rule resource file ({@code classpath:quality/*.txt}): sections of lines, each line a phrase
 * pattern with an optional weight. Parsing errors name the file and line, because these files are
 * meant to be edited by curators without a Java developer at hand.
 *
 * <pre>
 * # comment (to the end of the line)
 * [section]            phrases used by a rule
 * [@class]             a word class; other lines refer to it as @class
 * pattern ; 2.5        a pattern with a weight (default 1)
 * </pre>
 */
public final class RuleFile {

	/** One non-blank line of a section. */
	public record Line(String text, double weight, int number) {
	}

	private final String name;

	private final Map<String, List<Line>> sections;

	private final Map<String, PhrasePattern.PhrasePatternSet> classes = new LinkedHashMap<>();

	private RuleFile(String name, Map<String, List<Line>> sections) {
		this.name = name;
		this.sections = sections;
		for (Map.Entry<String, List<Line>> section : sections.entrySet()) {
			if (section.getKey().startsWith("@")) {
				String className = section.getKey().substring(1);
				this.classes.put(className,
						new PhrasePattern.PhrasePatternSet(className, compileAll(section.getValue())));
			}
		}
		// Fail at startup on a reference to a class that does not exist, not at the first check.
		for (List<Line> lines : sections.values()) {
			for (Line line : lines) {
				for (String part : line.text().split("[\\s|]+")) {
					String ref = part.endsWith("?") ? part.substring(0, part.length() - 1) : part;
					if (ref.startsWith("@") && !this.classes.containsKey(ref.substring(1))) {
						throw new IllegalStateException(
								this.name + ":" + line.number() + ": unknown word class " + ref);
					}
				}
			}
		}
	}

	public static RuleFile load(String resource) {
		InputStream in = RuleFile.class.getClassLoader().getResourceAsStream(resource);
		if (in == null) {
			throw new IllegalStateException("Quality rule file not found on the classpath: " + resource);
		}
		try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
			return parse(resource, reader.lines().toList());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + resource, ex);
		}
	}

	/** Parses rule-file lines; {@code name} is used in error messages. */
	public static RuleFile parse(String name, List<String> lines) {
		Map<String, List<Line>> sections = new LinkedHashMap<>();
		String current = null;
		for (int i = 0; i < lines.size(); i++) {
			String text = lines.get(i);
			int hash = text.indexOf('#');
			if (hash >= 0) {
				text = text.substring(0, hash);
			}
			text = text.strip();
			if (text.isEmpty()) {
				continue;
			}
			if (text.startsWith("[") && text.endsWith("]")) {
				current = text.substring(1, text.length() - 1).strip();
				sections.computeIfAbsent(current, (key) -> new ArrayList<>());
				continue;
			}
			if (current == null) {
				throw new IllegalStateException(name + ":" + (i + 1) + ": a line before the first [section]");
			}
			double weight = 1;
			int semicolon = text.lastIndexOf(';');
			if (semicolon >= 0) {
				try {
					weight = Double.parseDouble(text.substring(semicolon + 1).strip());
				}
				catch (NumberFormatException ex) {
					throw new IllegalStateException(name + ":" + (i + 1) + ": weight is not a number", ex);
				}
				text = text.substring(0, semicolon).strip();
			}
			sections.get(current).add(new Line(text, weight, i + 1));
		}
		return new RuleFile(name, sections);
	}

	public String name() {
		return this.name;
	}

	/** The raw lines of a section; an absent section is an error, so a typo fails at startup. */
	public List<Line> lines(String section) {
		List<Line> lines = this.sections.get(section);
		if (lines == null) {
			throw new IllegalStateException(this.name + ": missing section [" + section + "]");
		}
		return lines;
	}

	/** Compiles a section into a dictionary. */
	public PhraseDictionary dictionary(String section) {
		List<PhraseDictionary.Entry> entries = new ArrayList<>();
		for (Line line : lines(section)) {
			entries.add(new PhraseDictionary.Entry(compile(line), line.weight()));
		}
		return new PhraseDictionary(section, entries);
	}

	/** A word class as a one-token-or-more matcher. */
	public PhrasePattern.PhrasePatternSet wordClass(String name) {
		PhrasePattern.PhrasePatternSet set = this.classes.get(name);
		if (set == null) {
			throw new IllegalStateException(this.name + ": missing section [@" + name + "]");
		}
		return set;
	}

	private List<PhrasePattern> compileAll(List<Line> lines) {
		List<PhrasePattern> patterns = new ArrayList<>();
		for (Line line : lines) {
			patterns.add(compile(line));
		}
		return patterns;
	}

	private PhrasePattern compile(Line line) {
		try {
			return PhrasePattern.compile(line.text(), this.classes::get);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalStateException(this.name + ":" + line.number() + ": " + ex.getMessage(), ex);
		}
	}

}
