package org.otklik.incident;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.otklik.incident.internal.Similarity;

import static org.assertj.core.api.Assertions.assertThat;

/** The text rule of grouping on its own: topics, place words left out, Dice on stems and bigrams. */
class SimilarityTests {

	@Test
	void differentWordsForOneOutageShareATopic() {
		Similarity.Features a = Similarity.of("В Синегорье нет света", List.of("Синегорье"));
		Similarity.Features b = Similarity.of("Синегорье обесточено, когда включат электричество?", List.of("Синегорье"));
		assertThat(a.topics()).containsExactly("power");
		assertThat(Similarity.score(a, b, null)).isEqualTo(1.0);
	}

	@Test
	void theWordsOfThePlaceDoNotMakeTextsAlike() {
		Similarity.Features pothole = Similarity.of("В Синегорье яма на дороге", List.of("Синегорье"));
		Similarity.Features power = Similarity.of("В Синегорье нет света", List.of("Синегорье"));
		assertThat(pothole.stems()).noneMatch(stem -> stem.startsWith("синегор"));
		assertThat(Similarity.score(pothole, power, null)).isZero();
	}

	@Test
	void aDriverIsNotAboutWater() {
		assertThat(Similarity.of("Водитель автобуса грубит пассажирам", List.of()).topics()).doesNotContain("water");
		assertThat(Similarity.of("Нет воды в доме", List.of()).topics()).contains("water");
	}

	@Test
	void textsWithoutATopicAreComparedByTheirWords() {
		Similarity.Features a = Similarity.of("Во дворе школы стая бездомных собак, дети боятся", List.of());
		Similarity.Features b = Similarity.of("Бездомные собаки у школы кидаются на детей", List.of());
		Similarity.Features c = Similarity.of("В библиотеке не работает читальный зал", List.of());
		assertThat(Similarity.score(a, b, null)).isGreaterThan(0.34);
		assertThat(Similarity.score(a, c, null)).isLessThan(0.1);
	}

}
