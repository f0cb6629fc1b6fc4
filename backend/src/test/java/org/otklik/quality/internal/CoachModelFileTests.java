package org.otklik.quality.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.otklik.quality.QualityRule;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The coach's models written by the build: the file on the classpath is the model a start would train on the
 * shipped answers, to the last bit of every probability, and a file trained from other inputs is not used.
 */
class CoachModelFileTests {

	private static final QualityEngine RULES = new QualityEngine(null, LearnedCoach.DEFAULT_THRESHOLDS);

	@Test
	void theBuiltModelGivesExactlyTheProbabilitiesOfTrainingAtStart() {
		LearnedCoach built = LearnedCoach.shipped(LearnedCoach.DEFAULT_THRESHOLDS).orElseThrow();
		LearnedCoach trained = QualityEngine.trainShipped(RULES, LearnedCoach.DEFAULT_THRESHOLDS);
		List<String[]> features = shippedFeatures();
		for (String[] answer : features) {
			for (QualityRule rule : LearnedCoach.RULES) {
				assertThat(built.probability(rule, answer)).isEqualTo(trained.probability(rule, answer));
			}
		}
		// Not a vacuous comparison: the models are there and tell answers apart.
		assertThat(features.stream().map(f -> built.probability(QualityRule.FORMALISM, f)).distinct().count())
			.isGreaterThan(10);
	}

	@Test
	void aModelFileOfOtherInputsOrAnotherLayoutIsNotUsed() throws IOException {
		LearnedCoach trained = QualityEngine.trainShipped(RULES, LearnedCoach.DEFAULT_THRESHOLDS);
		ByteArrayOutputStream file = new ByteArrayOutputStream();
		trained.write(file, "trained-on-something-else");
		assertThat(LearnedCoach.read(new ByteArrayInputStream(file.toByteArray()), LearnedCoach.shippedFingerprint(),
				LearnedCoach.DEFAULT_THRESHOLDS)).isEmpty();
		byte[] otherLayout = file.toByteArray();
		otherLayout[3]++;
		assertThat(LearnedCoach.read(new ByteArrayInputStream(otherLayout), "trained-on-something-else",
				LearnedCoach.DEFAULT_THRESHOLDS)).isEmpty();
		assertThat(LearnedCoach.read(new ByteArrayInputStream(file.toByteArray()), "trained-on-something-else",
				LearnedCoach.DEFAULT_THRESHOLDS)).isPresent();
	}

	private static List<String[]> shippedFeatures() {
		List<String[]> features = new ArrayList<>();
		for (LearnedCoach.Example example : LearnedCoach.shippedExamples()) {
			features.add(RULES.features(example.text(), example.appeal()));
		}
		return features;
	}

}
