package org.otklik.quality;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** REDIRECT on hand-written answers, including the forwarding-versus-sending context case. */
class RedirectRuleTests {

	@Test
	void forwardingByTheAuthorityWithADateIsNotARedirect() {
		String answer = "Здравствуйте! Спасибо, что написали. Мы передали ваше обращение в управляющую компанию «Уют», "
				+ "мастер придёт 12 марта.";
		assertThat(Coach.rules(answer)).doesNotContain(QualityRule.REDIRECT);
	}

	@Test
	void tellingTheCitizenToGoToTheManagementCompanyIsARedirect() {
		String answer = "Здравствуйте! Спасибо, что написали. Обратитесь в управляющую компанию.";
		assertThat(Coach.rules(answer)).contains(QualityRule.REDIRECT);
	}

	@Test
	void adviceWithModalAndInfinitiveIsARedirect() {
		assertThat(Coach.rules("Здравствуйте! По вопросу перерасчёта вам следует обратиться к поставщику газа."))
			.contains(QualityRule.REDIRECT);
		assertThat(Coach.rules("Добрый день! Советуем написать жалобу в территориальный отдел Роспотребнадзора."))
			.contains(QualityRule.REDIRECT);
		assertThat(Coach.rules("Здравствуйте! Оспорить штраф можно в суде по месту жительства."))
			.contains(QualityRule.REDIRECT);
	}

	@Test
	void redirectEvenWhenThePhoneOfTheOtherBodyIsGiven() {
		String answer = "Здравствуйте! Спасибо за вопрос. Уточняйте расписание у перевозчика по телефону 8 (4132) 60-60-60.";
		assertThat(Coach.rules(answer)).contains(QualityRule.REDIRECT).doesNotContain(QualityRule.NO_SPECIFICS);
	}

	@Test
	void disclaimingCompetenceIsARedirect() {
		String answer = "Здравствуйте! Этот вопрос не входит в компетенцию министерства.";
		assertThat(Coach.rules(answer)).contains(QualityRule.REDIRECT);
	}

	@Test
	void invitingToCallTheAuthorityIsNotARedirect() {
		String answer = "Здравствуйте! Спасибо за вопрос. Если вода не появится к вечеру, обращайтесь к нам по телефону "
				+ "8 (4132) 20-30-40 или звоните в диспетчерскую.";
		assertThat(Coach.rules(answer)).doesNotContain(QualityRule.REDIRECT);
	}

	@Test
	void askingForAMissingDetailIsNotARedirect() {
		String answer = "Здравствуйте! Спасибо за сигнал. Уточните, пожалуйста, номер дома — бригада выедет сегодня.";
		assertThat(Coach.rules(answer)).doesNotContain(QualityRule.REDIRECT);
	}

	@Test
	void setPhraseObratiteVnimanieIsNotARedirect() {
		String answer = "Здравствуйте! Обратите внимание: с 1 мая автобус № 5 ходит от нового вокзала.";
		assertThat(Coach.rules(answer)).doesNotContain(QualityRule.REDIRECT);
	}

	@Test
	void authoritysOwnNeedIsNotARedirect() {
		String answer = "Здравствуйте! Спасибо за вопрос. Нам нужно уточнить у подрядчика сроки, ответим до 3 апреля.";
		assertThat(Coach.rules(answer)).doesNotContain(QualityRule.REDIRECT);
	}

	@Test
	void callingVerbCountsOnlyWhenItPointsAway() {
		assertThat(Coach.rules("Здравствуйте! Связью занимается оператор. Звоните им на горячую линию."))
			.contains(QualityRule.REDIRECT);
		assertThat(Coach.rules("Здравствуйте! Сочувствуем. Если батареи остынут, звоните в аварийную службу: 8 (4132) 22-00-00."))
			.doesNotContain(QualityRule.REDIRECT);
	}

	@Test
	void demandingFromTheProviderYourselfIsARedirect() {
		assertThat(Coach.rules("Здравствуйте! Осмотр обязана провести управляющая компания. Требуйте от неё акта."))
			.contains(QualityRule.REDIRECT);
	}

	@Test
	void questionAboutWhichBodyIsNotADestination() {
		String answer = "Здравствуйте! Уточните, пожалуйста, в какой поликлинике вы наблюдаетесь, и мы организуем запись.";
		assertThat(Coach.rules(answer)).doesNotContain(QualityRule.REDIRECT);
	}

}
