package org.otklik.quality;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** RUDENESS on answers written for the test: dismissive imperatives, insults, annoyance, blame. */
class RudenessRuleTests {

	@Test
	void issueExampleWithGreetingAndThanksIsStillRudeAndDoesNotScoreOneHundred() {
		String answer = "Здравствуйте! Спасибо. Отстаньте, надоели… Ничего делать не будем до 1 января. Тел. 8 (4132) 20-30-40.";
		QualityReport report = Coach.SERVICE.check(answer, null);
		assertThat(Coach.rules(answer)).contains(QualityRule.RUDENESS).doesNotContain(QualityRule.NO_POLITENESS);
		assertThat(report.score()).isLessThanOrEqualTo(60);
		assertThat(report.findings()).filteredOn((finding) -> finding.rule() == QualityRule.RUDENESS)
			.extracting((finding) -> answer.substring(finding.start(), finding.end()))
			.contains("Отстаньте", "надоели", "Ничего делать не будем");
	}

	@Test
	void flagsDismissiveImperativesInOtherWording() {
		assertThat(Coach.rules("Добрый день. Хватит писать нам каждый день, бригада приедет 5 марта."))
			.contains(QualityRule.RUDENESS);
		assertThat(Coach.rules("Здравствуйте. Не морочьте голову диспетчерам, свет дадут к 18:00."))
			.contains(QualityRule.RUDENESS);
		assertThat(Coach.rules("Уважаемый житель! Успокойтесь, никто не собирается закрывать ваш ФАП."))
			.contains(QualityRule.RUDENESS);
	}

	@Test
	void flagsInsultsAndAnnoyance() {
		assertThat(Coach.rules("Здравствуйте. Жалобщики вроде вас только мешают работать. Ремонт начнём 10 мая."))
			.contains(QualityRule.RUDENESS);
		assertThat(Coach.rules("Здравствуйте. Вы нас уже достали этими ямами, асфальт положим летом."))
			.contains(QualityRule.RUDENESS);
		assertThat(Coach.rules("Добрый день. Это всё ерунда, вода в норме, анализ от 3 марта."))
			.contains(QualityRule.RUDENESS);
	}

	@Test
	void flagsBlamingTheCitizen() {
		assertThat(Coach.rules("Здравствуйте! Наледь появилась по вашей вине: не надо выливать воду у подъезда. "
				+ "Песок привезут 3 февраля.")).contains(QualityRule.RUDENESS);
		assertThat(Coach.rules("Здравствуйте. Надо было следить за ребёнком, дорогу отремонтируем в июне."))
			.contains(QualityRule.RUDENESS);
	}

	@Test
	void empathyThatReusesTheWordsIsNotRude() {
		assertThat(Coach.rules("Здравствуйте, Анна Петровна! Понимаем, как вам надоели эти отключения. "
				+ "Кабель на улице Ленина заменят 12 марта, отвечает мастер Олег Сидоров, 8 (4132) 62-11-00."))
			.doesNotContain(QualityRule.RUDENESS);
		assertThat(Coach.rules("Здравствуйте! Это не ваша вина: счётчик поставили неверно. Заменим его 4 апреля."))
			.doesNotContain(QualityRule.RUDENESS);
	}

	@Test
	void politeConcreteAnswerIsNotRude() {
		assertThat(Coach.rules("Здравствуйте! Спасибо, что сообщили. Мы проверим котельную 5 декабря, "
				+ "инженер Пётр Лавров позвонит вам после проверки.")).doesNotContain(QualityRule.RUDENESS);
	}

	@Test
	void countsAsNoPolitenessWhenMeasuredAgainstTheDataset() {
		assertThat(QualityRule.RUDENESS.measuredAs()).isEqualTo(QualityRule.NO_POLITENESS);
		assertThat(QualityRule.OFF_TOPIC.measuredAs()).isNull();
		assertThat(QualityRule.TOO_COMPLEX.measuredAs()).isNull();
		assertThat(QualityRule.REDIRECT.measuredAs()).isEqualTo(QualityRule.REDIRECT);
	}

	@Test
	void flagsBlamingToneEvenAfterGreeting() {
		String answer = "Здравствуйте! Сначала разберитесь сами, прежде чем жаловаться в администрацию. "
				+ "Счётчик опломбирован 3 марта.";
		assertThat(Coach.rules(answer)).contains(QualityRule.RUDENESS);
	}

	@Test
	void flagsTellingThePublicToBeStillAndPutUpWithIt() {
		String answer = "Здравствуйте. Ремонт сети идёт по графику. Потерпите ещё немного, до 5 мая всё закончим.";
		assertThat(Coach.rules(answer)).contains(QualityRule.RUDENESS);
	}

	@Test
	void flagsLecturingTheVictimAboutRules() {
		String answer = "Уважаемый житель! Для предотвращения падений гражданам рекомендуется соблюдать "
				+ "правила передвижения в гололёд. Тротуар посыпан 2 февраля.";
		assertThat(Coach.rules(answer)).contains(QualityRule.RUDENESS);
	}

	@Test
	void reportsTheRudeFragmentWithItsOffsets() {
		String answer = "Здравствуйте! Потерпите, пожалуйста. Трубу меняют.";
		QualityReport report = Coach.SERVICE.check(answer, null);
		QualityFinding rude = report.findings()
			.stream()
			.filter((finding) -> finding.rule() == QualityRule.RUDENESS)
			.findFirst()
			.orElseThrow();
		assertThat(answer.substring(rude.start(), rude.end())).isEqualTo("Потерпите");
		assertThat(rude.message()).contains("«Потерпите»");
	}

	@Test
	void flagsDismissiveIdiomsAndHindsightBlame() {
		assertThat(Coach.rules("Здравствуйте! Надо было сразу сообщить, а не ждать неделю. Трубу заменят 4 июня."))
			.contains(QualityRule.RUDENESS);
		assertThat(Coach.rules("Спасибо за вопрос. А что вы хотели, зима. Снег уберут к 5 декабря."))
			.contains(QualityRule.RUDENESS);
	}

}
