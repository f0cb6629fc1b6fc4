package org.otklik.routing.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import opennlp.tools.doccat.BagOfWordsFeatureGenerator;
import opennlp.tools.doccat.DoccatFactory;
import opennlp.tools.doccat.DoccatModel;
import opennlp.tools.doccat.DocumentCategorizerME;
import opennlp.tools.doccat.DocumentSample;
import opennlp.tools.doccat.FeatureGenerator;
import opennlp.tools.util.ObjectStreamUtils;
import opennlp.tools.util.TrainingParameters;
import org.otklik.region.Category;
import org.otklik.text.RussianStems;

/**
 * The category model: Apache OpenNLP's maximum-entropy document categorizer over Russian stems, stem
 * bigrams and the domain lexicon's hits (ADR 0008). Immutable once trained, so it is shared by all threads.
 */
public final class CategoryClassifier {

	/** A labelled text; {@code weight} repeats it in training (a curator's correction counts more). */
	public record Example(String text, Category category, int weight) {
	}

	/** A category with the model's probability. */
	public record Scored(Category category, double score) {
	}

	private static final int ITERATIONS = 150;

	private final DoccatModel model;

	private final Map<String, Set<Category>> lexicon;

	private CategoryClassifier(DoccatModel model, Map<String, Set<Category>> lexicon) {
		this.model = model;
		this.lexicon = lexicon;
	}

	/** Trains a model; a few hundred examples take well under a second. */
	public static CategoryClassifier train(List<Example> examples, Map<String, Set<Category>> lexicon) {
		List<DocumentSample> samples = new ArrayList<>();
		for (Example example : examples) {
			String[] tokens = tokens(example.text(), lexicon);
			for (int i = 0; i < Math.max(1, example.weight()); i++) {
				samples.add(new DocumentSample(example.category().name(), tokens));
			}
		}
		TrainingParameters params = new TrainingParameters();
		params.put(TrainingParameters.ALGORITHM_PARAM, "MAXENT");
		params.put(TrainingParameters.ITERATIONS_PARAM, ITERATIONS);
		// Every feature counts: with ~20 examples a category, the default cutoff of 5 would drop most words.
		params.put(TrainingParameters.CUTOFF_PARAM, 1);
		try {
			DoccatFactory factory = new DoccatFactory(new FeatureGenerator[] { new BagOfWordsFeatureGenerator() });
			DoccatModel model = DocumentCategorizerME.train("ru", ObjectStreamUtils.createObjectStream(samples), params,
					factory);
			return new CategoryClassifier(model, lexicon);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Every category with its probability, most likely first. */
	public List<Scored> classify(String text) {
		return classify(RussianStems.all(text));
	}

	/** The same for a text already reduced to stems. */
	public List<Scored> classify(List<String> stems) {
		DocumentCategorizerME categorizer = new DocumentCategorizerME(this.model);
		double[] probs = categorizer.categorize(tokens(stems, this.lexicon));
		List<Scored> scored = new ArrayList<>();
		for (int i = 0; i < probs.length; i++) {
			scored.add(new Scored(Category.valueOf(categorizer.getCategory(i)), probs[i]));
		}
		scored.sort(Comparator.comparingDouble(Scored::score).reversed());
		return scored;
	}

	/** The words of the text that belong to a category's lexicon, in order, for the explanation. */
	public List<String> lexiconWords(List<String> stems, Category category) {
		Set<String> words = new LinkedHashSet<>();
		for (String stem : stems) {
			if (this.lexicon.getOrDefault(stem, Set.of()).contains(category)) {
				words.add(stem);
			}
		}
		return List.copyOf(words);
	}

	/** Stems, stem bigrams and one {@code lexCATEGORY} token for every stem in a category's lexicon. */
	static String[] tokens(String text, Map<String, Set<Category>> lexicon) {
		return tokens(RussianStems.all(text), lexicon);
	}

	static String[] tokens(List<String> stems, Map<String, Set<Category>> lexicon) {
		List<String> tokens = new ArrayList<>(stems.size() * 3);
		for (int i = 0; i < stems.size(); i++) {
			String stem = stems.get(i);
			tokens.add(stem);
			if (i > 0) {
				tokens.add(stems.get(i - 1) + "__" + stem);
			}
			for (Category category : lexicon.getOrDefault(stem, Set.of())) {
				tokens.add("lex" + category.name());
			}
		}
		if (tokens.isEmpty()) {
			tokens.add("empty__text");
		}
		return tokens.toArray(String[]::new);
	}

	/** The shipped lexicon: stem → the categories whose words it is. */
	public static Map<String, Set<Category>> loadLexicon() {
		Map<String, Set<Category>> lexicon = new HashMap<>();
		for (String line : resourceLines("/routing/lexicon.txt")) {
			int colon = line.indexOf(':');
			Category category = Category.valueOf(line.substring(0, colon).strip());
			for (String stem : RussianStems.all(line.substring(colon + 1))) {
				lexicon.computeIfAbsent(stem, s -> java.util.EnumSet.noneOf(Category.class)).add(category);
			}
		}
		return lexicon;
	}

	/** Labelled lines {@code CATEGORY|text} of a shipped corpus. */
	public static List<Example> loadCorpus(String resource, int weight) {
		List<Example> examples = new ArrayList<>();
		for (String line : resourceLines(resource)) {
			int bar = line.indexOf('|');
			examples.add(new Example(line.substring(bar + 1).strip(), Category.valueOf(line.substring(0, bar).strip()),
					weight));
		}
		return examples;
	}

	/** Non-blank lines that are not comments. */
	public static List<String> resourceLines(String resource) {
		try (InputStream in = CategoryClassifier.class.getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalStateException(resource + " is missing");
			}
			List<String> lines = new ArrayList<>();
			for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
				if (!line.isBlank() && !line.strip().startsWith("#")) {
					lines.add(line.strip());
				}
			}
			return lines;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Share of examples whose top category is right. */
	public double accuracy(List<Example> heldOut) {
		if (heldOut.isEmpty()) {
			return Double.NaN;
		}
		long right = heldOut.stream().filter(e -> classify(e.text()).get(0).category() == e.category()).count();
		return (double) right / heldOut.size();
	}

}
