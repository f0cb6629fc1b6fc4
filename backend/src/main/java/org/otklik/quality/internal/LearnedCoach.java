package org.otklik.quality.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import opennlp.tools.ml.EventTrainer;
import opennlp.tools.ml.TrainerFactory;
import opennlp.tools.ml.maxent.io.BinaryQNModelWriter;
import opennlp.tools.ml.model.AbstractModel;
import opennlp.tools.ml.model.BinaryFileDataReader;
import opennlp.tools.ml.model.Event;
import opennlp.tools.ml.model.GenericModelReader;
import opennlp.tools.ml.model.MaxentModel;
import opennlp.tools.util.ObjectStreamUtils;
import opennlp.tools.util.TrainingParameters;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.otklik.quality.QualityRule;

/**
 * Five binary maximum-entropy models (OpenNLP, L2-regularised quasi-Newton), one per labelled rule,
 * over features that name classes rather than phrases: grammar (verbal nouns
 * and their chains, passives, second-person imperatives, questions), what the answer has (numbers,
 * phones, names, greetings) and where stock words stand (first and last sentence), plus Snowball stems.
 * The model only adds: a rule the hand-written checks did not raise is raised when its probability
 * reaches the rule's threshold. Trained from {@code quality/coach-training.jsonl} by the build
 * ({@link CoachModelBuild}, into {@link #SHIPPED_MODEL}), or at start when that file is missing or was
 * trained on other data; immutable and thread-safe afterwards.
 */
public final class LearnedCoach {

	/** The labelled answers shipped for training. */
	public static final String TRAINING = QualityEngine.BASE + "coach-training.jsonl";

	/**
	 * The models trained on the shipped answers, written by the build: training them at start took a second of
	 * CPU, and the quasi-Newton trainer ends each model with {@code System.gc()}, five full collections of
	 * 0.2-0.7 s each on every start.
	 */
	public static final String SHIPPED_MODEL = QualityEngine.BASE + "coach-model.bin";

	/** The resources the shipped models depend on (the answers and what their features are made of). */
	private static final List<String> SHIPPED_INPUTS = List.of(TRAINING, QualityEngine.BASE + "learned.txt",
			QualityEngine.BASE + "abbreviations.txt");

	/** Raised when the layout of {@link #SHIPPED_MODEL} changes. */
	private static final int FORMAT = 1;

	/** The five rules annotators label, in the dataset's order. */
	public static final List<QualityRule> RULES = List.of(QualityRule.FORMALISM, QualityRule.NO_POLITENESS,
			QualityRule.NO_SPECIFICS, QualityRule.TEMPLATE_PHRASE, QualityRule.REDIRECT);

	/**
	 * The probability at which the model raises a rule the checks did not, per rule: the value with the
	 * best F1 of rules plus model over the leave-one-set-out predictions of the training sets (ties to
	 * the lower value), chosen without the held-out part or own set E (docs/quality.md).
	 */
	public static final Map<QualityRule, Double> DEFAULT_THRESHOLDS = Map.of(QualityRule.FORMALISM, 0.8,
			QualityRule.NO_POLITENESS, 0.5, QualityRule.NO_SPECIFICS, 0.6, QualityRule.TEMPLATE_PHRASE, 0.8,
			QualityRule.REDIRECT, 0.5);

	private static final String YES = "y";

	private static final String NO = "n";

	/** L2 cost of the quasi-Newton trainer: strong, because 200 answers must not be memorised. */
	static final double L2_COST = 1.0;

	/** One labelled answer: its text, the appeal it answers, the set it came from and its labels. */
	public record Example(String id, String set, String appeal, String text, Set<QualityRule> labels) {
	}

	private final Map<QualityRule, MaxentModel> models;

	private final Map<QualityRule, Double> thresholds;

	private LearnedCoach(Map<QualityRule, MaxentModel> models, Map<QualityRule, Double> thresholds) {
		this.models = models;
		this.thresholds = thresholds;
	}

	/** The shipped labelled answers. */
	public static List<Example> shippedExamples() {
		JsonMapper mapper = JsonMapper.builder().build();
		List<Example> examples = new ArrayList<>();
		try (InputStream in = LearnedCoach.class.getClassLoader().getResourceAsStream(TRAINING)) {
			if (in == null) {
				throw new IllegalStateException("Coach training data not found on the classpath: " + TRAINING);
			}
			int line = 0;
			for (String row : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
				line++;
				if (row.isBlank()) {
					continue;
				}
				JsonNode node = mapper.readTree(row);
				Set<QualityRule> labels = EnumSet.noneOf(QualityRule.class);
				for (JsonNode label : node.get("findings")) {
					QualityRule rule = QualityRule.valueOf(label.asString());
					if (!RULES.contains(rule)) {
						throw new IllegalStateException(TRAINING + ":" + line + ": not a labelled rule: " + rule);
					}
					labels.add(rule);
				}
				examples.add(new Example(node.get("id").asString(), node.get("set").asString(),
						node.get("appeal").asString(), node.get("text").asString(), labels));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return examples;
	}

	/**
	 * Trains the five models.
	 * @param features the features of each example, in the order of {@code examples}
	 * @param thresholds the probability at which each rule is raised
	 */
	public static LearnedCoach train(List<Example> examples, List<String[]> features,
			Map<QualityRule, Double> thresholds) {
		return train(examples, features, thresholds, L2_COST);
	}

	/** Trains the five models with this L2 cost (cross-validation tries several). */
	public static LearnedCoach train(List<Example> examples, List<String[]> features,
			Map<QualityRule, Double> thresholds, double l2Cost) {
		Map<QualityRule, MaxentModel> models = new EnumMap<>(QualityRule.class);
		TrainingParameters params = new TrainingParameters();
		params.put(TrainingParameters.ALGORITHM_PARAM, "MAXENT_QN");
		params.put(TrainingParameters.ITERATIONS_PARAM, 200);
		params.put(TrainingParameters.CUTOFF_PARAM, 2);
		params.put("L1Cost", 0.0);
		params.put("L2Cost", l2Cost);
		params.put(TrainingParameters.THREADS_PARAM, 1);
		for (QualityRule rule : RULES) {
			List<Event> events = new ArrayList<>();
			Set<String> outcomes = new java.util.HashSet<>();
			for (int i = 0; i < examples.size(); i++) {
				String outcome = examples.get(i).labels().contains(rule) ? YES : NO;
				outcomes.add(outcome);
				events.add(new Event(outcome, features.get(i)));
			}
			if (outcomes.size() < 2) {
				// Nothing to learn for this rule (no answer has it, or all do): it is left to the checks.
				continue;
			}
			EventTrainer trainer = TrainerFactory.getEventTrainer(params, null);
			try {
				models.put(rule, trainer.train(ObjectStreamUtils.createObjectStream(events)));
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return new LearnedCoach(models, Map.copyOf(thresholds));
	}

	/**
	 * What the shipped models were trained from: a digest of the shipped inputs and the trainer's settings. A
	 * model file with another fingerprint is stale and is not used.
	 */
	static String shippedFingerprint() {
		try {
			java.security.MessageDigest digest = java.security.MessageDigest.getInstance("SHA-256");
			for (String resource : SHIPPED_INPUTS) {
				try (InputStream in = LearnedCoach.class.getClassLoader().getResourceAsStream(resource)) {
					if (in == null) {
						throw new IllegalStateException("Coach input not found on the classpath: " + resource);
					}
					digest.update(resource.getBytes(StandardCharsets.UTF_8));
					digest.update(in.readAllBytes());
				}
			}
			digest.update(("L2=" + L2_COST + ";format=" + FORMAT).getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest.digest());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (java.security.NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Writes the models with the fingerprint of what they were trained from. */
	void write(OutputStream out, String fingerprint) throws IOException {
		DataOutputStream data = new DataOutputStream(out);
		data.writeInt(FORMAT);
		data.writeUTF(fingerprint);
		data.writeInt(this.models.size());
		for (Map.Entry<QualityRule, MaxentModel> entry : this.models.entrySet()) {
			ByteArrayOutputStream bytes = new ByteArrayOutputStream();
			// The writer closes its stream, so each model goes to its own buffer first.
			new BinaryQNModelWriter((AbstractModel) entry.getValue(), new DataOutputStream(bytes)).persist();
			data.writeUTF(entry.getKey().name());
			data.writeInt(bytes.size());
			bytes.writeTo(data);
		}
		data.flush();
	}

	/** The models written by {@link #write}, if they were trained from what {@code fingerprint} names. */
	static Optional<LearnedCoach> read(InputStream in, String fingerprint, Map<QualityRule, Double> thresholds)
			throws IOException {
		DataInputStream data = new DataInputStream(in);
		if (data.readInt() != FORMAT || !data.readUTF().equals(fingerprint)) {
			return Optional.empty();
		}
		Map<QualityRule, MaxentModel> models = new EnumMap<>(QualityRule.class);
		int count = data.readInt();
		for (int i = 0; i < count; i++) {
			QualityRule rule = QualityRule.valueOf(data.readUTF());
			byte[] model = data.readNBytes(data.readInt());
			models.put(rule, new GenericModelReader(new BinaryFileDataReader(new ByteArrayInputStream(model))).getModel());
		}
		return Optional.of(new LearnedCoach(models, Map.copyOf(thresholds)));
	}

	/** The models the build trained on the shipped answers, unless missing or trained from other data. */
	static Optional<LearnedCoach> shipped(Map<QualityRule, Double> thresholds) {
		try (InputStream in = LearnedCoach.class.getClassLoader().getResourceAsStream(SHIPPED_MODEL)) {
			return (in != null) ? read(in, shippedFingerprint(), thresholds) : Optional.empty();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The probability that the answer with these features has this mistake. */
	public double probability(QualityRule rule, String[] features) {
		MaxentModel model = this.models.get(rule);
		if (model == null) {
			return 0;
		}
		double[] outcomes = model.eval(features);
		int yes = model.getIndex(YES);
		return (yes < 0) ? 0 : outcomes[yes];
	}

	/** The rules the model raises for an answer with these features, besides those already found. */
	public Set<QualityRule> raise(String[] features, Set<QualityRule> found) {
		Set<QualityRule> raised = EnumSet.noneOf(QualityRule.class);
		if (java.util.Arrays.asList(features).contains(LearnedFeatures.SHORT)) {
			// Under 15 words: the model learned from whole answers, and a fragment gives it too little to
			// weigh; the rules judge short texts alone.
			return raised;
		}
		for (QualityRule rule : RULES) {
			if (!found.contains(rule) && probability(rule, features) >= this.thresholds.get(rule)) {
				raised.add(rule);
			}
		}
		return raised;
	}

}
