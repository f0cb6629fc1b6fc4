package org.otklik.text;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.ru.RussianAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Reduces Russian text to Snowball stems with Lucene's Russian analyser, so that word forms match
 * («отопление» and «отопления» share the stem «отоплен»). Stop words are dropped.
 */
public final class RussianStems {

	// The analyser is thread-safe: it keeps per-thread token stream components.
	private static final Analyzer ANALYZER = new RussianAnalyzer();

	private RussianStems() {
	}

	/** Distinct stems of the text, in order of first appearance. */
	public static List<String> distinct(String text) {
		return new ArrayList<>(new LinkedHashSet<>(all(text)));
	}

	/** Stems of every non-stop word, in order. */
	public static List<String> all(String text) {
		List<String> stems = new ArrayList<>();
		if (text == null || text.isBlank()) {
			return stems;
		}
		// ё and е are one letter in everyday writing; the stemmer treats them apart.
		String normalised = text.replace('ё', 'е').replace('Ё', 'Е');
		try (TokenStream stream = ANALYZER.tokenStream("text", normalised)) {
			CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
			stream.reset();
			while (stream.incrementToken()) {
				stems.add(term.toString());
			}
			stream.end();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return stems;
	}

}
