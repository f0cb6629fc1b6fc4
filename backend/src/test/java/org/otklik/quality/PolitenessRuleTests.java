package org.otklik.quality;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** NO_POLITENESS on hand-written answers. */
class PolitenessRuleTests {

	@Test
	void flagsAnswerWithNeitherGreetingNorCourtesy() {
		String answer = "Вывоз мусора с площадки на улице Набережной выполняется по вторникам и пятницам. "
				+ "Следующий вывоз — 15 апреля.";
		assertThat(Coach.rules(answer)).contains(QualityRule.NO_POLITENESS);
	}

	@Test
	void greetingAloneIsEnough() {
		String answer = "Добрый вечер! Площадку на улице Набережной очистят 15 апреля до 12:00.";
		assertThat(Coach.rules(answer)).doesNotContain(QualityRule.NO_POLITENESS);
	}

	@Test
	void thanksWithoutGreetingIsEnough() {
		String answer = "Спасибо за фотографии. Контейнер заменят 15 апреля, до этого его вычистят дважды.";
		assertThat(Coach.rules(answer)).doesNotContain(QualityRule.NO_POLITENESS);
	}

	@Test
	void addressByNameCountsAsAddress() {
		String answer = "Мария Алексеевна, площадку очистят 15 апреля до полудня.";
		assertThat(Coach.rules(answer)).doesNotContain(QualityRule.NO_POLITENESS);
	}

	@Test
	void formalAddressCountsAsAddress() {
		String answer = "Уважаемая заявительница! Площадку очистят 15 апреля до полудня.";
		assertThat(Coach.rules(answer)).doesNotContain(QualityRule.NO_POLITENESS);
	}

	@Test
	void empathyCountsAsCourtesy() {
		String answer = "Сочувствуем: три дня без света в мороз — это тяжело. Линию восстановят к 20:00 сегодня.";
		assertThat(Coach.rules(answer)).doesNotContain(QualityRule.NO_POLITENESS);
	}

	@Test
	void rudenessIsItsOwnRuleNotAMissingCourtesy() {
		assertThat(Coach.rules("Здравствуйте! Отстаньте, ремонт будет 5 мая."))
			.contains(QualityRule.RUDENESS)
			.doesNotContain(QualityRule.NO_POLITENESS);
	}

}
