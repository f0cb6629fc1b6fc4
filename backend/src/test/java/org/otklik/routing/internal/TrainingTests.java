package org.otklik.routing.internal;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.otklik.region.Category;

import static org.assertj.core.api.Assertions.assertThat;

class TrainingTests {

	static final AgencyRules RULES = AgencyRules.parse(AgencyRules.shippedText());

	@Test
	void retrainingWithoutCuratorExamplesReusesTheShippedFitUnderTheNewVersion() {
		Instant first = Instant.parse("2026-12-06T10:00:00Z");
		Instant later = Instant.parse("2026-12-06T11:00:00Z");
		Router shipped = Training.train(List.of(), RULES, 0, first);
		Router retrained = Training.train(List.of(), RULES, 1, later);

		assertThat(retrained.classifier()).isSameAs(shipped.classifier());
		assertThat(retrained.model().version()).isEqualTo(1);
		assertThat(retrained.model().trainedAt()).isEqualTo(later);
		assertThat(retrained.model().examples()).isEqualTo(Training.shippedExamples().size());
		assertThat(retrained.model().curatorExamples()).isZero();
		assertThat(retrained.model().accuracy()).isEqualTo(shipped.model().accuracy()).isNotNull();
	}

	@Test
	void curatorExamplesTrainANewClassifier() {
		Router shipped = Training.train(List.of(), RULES, 0, Instant.EPOCH);
		List<CategoryClassifier.Example> corrections = List.of(
				new CategoryClassifier.Example("Во дворе не вывозят мусор третью неделю", Category.values()[0],
						Training.CURATOR_WEIGHT));
		Router retrained = Training.train(corrections, RULES, 1, Instant.EPOCH);

		assertThat(retrained.classifier()).isNotSameAs(shipped.classifier());
		assertThat(retrained.model().examples()).isEqualTo(Training.shippedExamples().size() + 1);
		assertThat(retrained.model().curatorExamples()).isEqualTo(1);
	}

}
