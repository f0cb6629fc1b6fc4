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
	void flagsBlamingToneEvenAfterGreeting() {
		String answer = "Здравствуйте! Сначала разберитесь сами, прежде чем жаловаться в администрацию. "
				+ "Счётчик опломбирован 3 марта.";
		assertThat(Coach.rules(answer)).contains(QualityRule.NO_POLITENESS);
	}

	@Test
	void flagsTellingThePublicToBeStillAndPutUpWithIt() {
		String answer = "Здравствуйте. Ремонт сети идёт по графику. Потерпите ещё немного, до 5 мая всё закончим.";
		assertThat(Coach.rules(answer)).contains(QualityRule.NO_POLITENESS);
	}

	@Test
	void flagsLecturingTheVictimAboutRules() {
		String answer = "Уважаемый житель! Для предотвращения падений гражданам рекомендуется соблюдать "
				+ "правила передвижения в гололёд. Тротуар посыпан 2 февраля.";
		assertThat(Coach.rules(answer)).contains(QualityRule.NO_POLITENESS);
	}

	@Test
	void reportsTheRudeFragmentWithItsOffsets() {
		String answer = "Здравствуйте! Потерпите, пожалуйста. Трубу меняют.";
		QualityReport report = Coach.SERVICE.check(answer, null);
		QualityFinding rude = report.findings()
			.stream()
			.filter((finding) -> finding.rule() == QualityRule.NO_POLITENESS)
			.findFirst()
			.orElseThrow();
		assertThat(answer.substring(rude.start(), rude.end())).isEqualTo("Потерпите");
		assertThat(rude.message()).contains("«Потерпите»");
	}

	@Test
	void flagsDismissiveIdiomsAndHindsightBlame() {
		assertThat(Coach.rules("Здравствуйте! Надо было сразу сообщить, а не ждать неделю. Трубу заменят 4 июня."))
			.contains(QualityRule.NO_POLITENESS);
		assertThat(Coach.rules("Спасибо за вопрос. А что вы хотели, зима. Снег уберут к 5 декабря."))
			.contains(QualityRule.NO_POLITENESS);
	}

}
