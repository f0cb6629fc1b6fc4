package org.otklik.routing.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.otklik.region.Category;
import org.otklik.routing.RoutingModel;

/**
 * Trains the router: on the shipped seed corpus and the TRAIN part of the shared dev data, plus the
 * corrections curators made. Accuracy is measured on a fifth of the examples held out by a hash of the
 * text (a model trained without them), then the model in use is trained on all of them.
 */
public final class Training {

	/** A curator's correction counts this many times: it is authoritative and about this region's wording. */
	public static final int CURATOR_WEIGHT = 3;

	private static final Map<String, Set<Category>> LEXICON = CategoryClassifier.loadLexicon();

	private static final List<CategoryClassifier.Example> SHIPPED = shipped();

	private static final Gazetteer GAZETTEER = Gazetteer.shipped();

	private Training() {
	}

	private static List<CategoryClassifier.Example> shipped() {
		List<CategoryClassifier.Example> examples = new ArrayList<>(
				CategoryClassifier.loadCorpus("/routing/seed-corpus.txt", 1));
		examples.addAll(CategoryClassifier.loadCorpus("/routing/dev-train.txt", 1));
		return List.copyOf(examples);
	}

	/** The examples shipped with the application. */
	public static List<CategoryClassifier.Example> shippedExamples() {
		return SHIPPED;
	}

	public static Map<String, Set<Category>> lexicon() {
		return LEXICON;
	}

	/** Whether an example belongs to the held-out fifth used to measure accuracy. */
	static boolean heldOut(CategoryClassifier.Example example) {
		return Math.floorMod(example.text().hashCode(), 5) == 0;
	}

	/**
	 * A new router trained on the shipped examples and the curators' ones. Without curators' examples the
	 * classifier is the same every time, so it is trained once per class loader: each start used to train it
	 * twice for the model that answers from the first request and twice again for the one retrained at
	 * readiness (CPU while health was still waiting).
	 */
	public static Router train(List<CategoryClassifier.Example> curatorExamples, AgencyRules rules, int version,
			Instant now) {
		Fit fit = curatorExamples.isEmpty() ? ShippedFit.FIT : fit(curatorExamples);
		RoutingModel model = new RoutingModel(version, now, fit.examples(), curatorExamples.size(),
				Double.isNaN(fit.accuracy()) ? null : fit.accuracy(), fit.heldOut());
		return new Router(fit.classifier(), GAZETTEER, rules, model);
	}

	private static Fit fit(List<CategoryClassifier.Example> curatorExamples) {
		List<CategoryClassifier.Example> all = new ArrayList<>(SHIPPED);
		all.addAll(curatorExamples);
		List<CategoryClassifier.Example> fit = all.stream().filter(e -> !heldOut(e)).toList();
		List<CategoryClassifier.Example> held = all.stream().filter(Training::heldOut).toList();
		double accuracy = CategoryClassifier.train(fit, LEXICON).accuracy(held);
		return new Fit(CategoryClassifier.train(all, LEXICON), accuracy, all.size(), held.size());
	}

	/** A trained classifier (immutable, shared by the routers that use it) and its measured accuracy. */
	private record Fit(CategoryClassifier classifier, double accuracy, int examples, int heldOut) {
	}

	/** The fit on the shipped examples alone, made on first use (holder idiom: once, thread-safe). */
	private static final class ShippedFit {

		static final Fit FIT = fit(List.of());

	}

}
