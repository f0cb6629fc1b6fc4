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
 * The category model: Apache OpenNLP's maximum-entropy document categorizer, blended with its naive Bayes
 * one, over Russian stems, stem bigrams, the domain lexicon's hits and one feature for any place name
 * (ADR 0008). Immutable once trained, so it is shared by all threads.
 */
public final class CategoryClassifier {

	/** A labelled text; {@code weight} repeats it in training (a curator's correction counts more). */
	public record Example(String text, Category category, int weight) {
	}

	/** A category with the model's probability. */
	public record Scored(Category category, double score) {
	}

	private static final int ITERATIONS = 150;

	/** Stems of the region's place names, read as the one feature {@link #PLACE} (see {@link Gazetteer#placeStems()}). */
	private static final Set<String> PLACES = Gazetteer.load().placeStems();

	private static final String PLACE = "place__";

	private final DoccatModel model;

	private final DoccatModel bayes;

	private final Map<String, Set<Category>> lexicon;

	private CategoryClassifier(DoccatModel model, DoccatModel bayes,
			Map<String, Set<Category>> lexicon) {
		this.model = model;
		this.bayes = bayes;
		this.lexicon = lexicon;
	}

	/**
	 * How many times a lexicon hit is repeated as a feature: a short text has few words, and the sector's
	 * vocabulary must outweigh the rest (5-fold cross-validation on the shipped examples: 0.757 with 1,
	 * 0.794 with 3; with the extended lexicon, mean of four splits, 0.846 with 3, 0.854 with 4 and 5, 0.852
	 * with 6).
	 */
	private static final int LEX_REPEAT = 4;

	/**
	 * Share of OpenNLP's naive Bayes model in the blended probabilities (the rest is maxent): naive Bayes
	 * does better on the shortest texts, maxent on long ones (cross-validation 0.794 alone, 0.813 blended).
	 */
	private static final double BAYES_WEIGHT = 0.3;

	/**
	 * Texts of at most this many stems get the naive Bayes blend; longer ones have words enough for maxent
	 * alone (the same cross-validated accuracy) and skip its cost.
	 */
	private static final int SHORT = 60;

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
			TrainingParameters nb = new TrainingParameters();
			nb.put(TrainingParameters.ALGORITHM_PARAM, "NAIVEBAYES");
			nb.put(TrainingParameters.CUTOFF_PARAM, 1);
			DoccatModel bayes = DocumentCategorizerME.train("ru", ObjectStreamUtils.createObjectStream(samples), nb,
					new DoccatFactory(new FeatureGenerator[] { new BagOfWordsFeatureGenerator() }));
			return new CategoryClassifier(model, bayes, lexicon);
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
		String[] tokens = tokens(stems, this.lexicon);
		double[] probs = categorizer.categorize(tokens);
		double bayesWeight = (stems.size() <= SHORT) ? BAYES_WEIGHT : 0;
		Map<String, Double> byName = new HashMap<>();
		for (int i = 0; i < probs.length; i++) {
			byName.put(categorizer.getCategory(i), probs[i] * (1 - bayesWeight));
		}
		if (bayesWeight > 0) {
			DocumentCategorizerME nb = new DocumentCategorizerME(this.bayes);
			double[] bayesProbs = nb.categorize(tokens);
			for (int i = 0; i < bayesProbs.length; i++) {
				byName.merge(nb.getCategory(i), bayesProbs[i] * bayesWeight, Double::sum);
			}
		}
		List<Scored> scored = new ArrayList<>();
		byName.forEach((name, p) -> scored.add(new Scored(Category.valueOf(name), p)));
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
		String previous = null;
		for (int i = 0; i < stems.size(); i++) {
			String stem = stems.get(i);
			if (PLACES.contains(stem) && !lexicon.containsKey(stem)) {
				stem = PLACE;
			}
			tokens.add(stem);
			if (previous != null) {
				tokens.add(previous + "__" + stem);
			}
			previous = stem;
			for (Category category : lexicon.getOrDefault(stem, Set.of())) {
				for (int k = 0; k < LEX_REPEAT; k++) {
					tokens.add("lex" + category.name());
				}
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
