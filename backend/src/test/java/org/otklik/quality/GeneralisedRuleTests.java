package org.otklik.quality;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The classes of each mistake in wording that is in no dictionary line verbatim: redirects without
 * «обратитесь», officialese by its grammar, stock openers and closers in variants.
 */
class GeneralisedRuleTests {

	@Test
	void namingAnotherBodyAsResponsibleIsARedirect() {
		assertThat(Coach.rules("Здравствуйте! Спасибо за сообщение. За уборку двора отвечает управляющая компания."))
			.contains(QualityRule.REDIRECT);
		assertThat(Coach.rules("Добрый день! Этот вопрос относится к ведению Госжилинспекции, телефон 8 (4132) 62-00-00."))
			.contains(QualityRule.REDIRECT)
			.doesNotContain(QualityRule.NO_SPECIFICS);
	}

	@Test
	void recommendingToAddressItElsewhereIsARedirect() {
		assertThat(Coach.rules("Здравствуйте! Ваш вопрос рекомендуем адресовать в Соцфонд.")).contains(QualityRule.REDIRECT);
	}

	@Test
	void tellingWhatToFileAndWhereIsARedirect() {
		assertThat(Coach.rules("Здравствуйте! Для перерасчёта необходимо предоставить в МФЦ справку о временном отсутствии."))
			.contains(QualityRule.REDIRECT);
		assertThat(Coach.rules("Добрый день! Заявление на компенсацию подаётся через МФЦ или в Соцфонд."))
			.contains(QualityRule.REDIRECT);
	}

	@Test
	void theOtherBodysPhoneDoesNotMakeItLessARedirect() {
		assertThat(Coach.rules("Здравствуйте! Позвоните в управляющую компанию по телефону 8 (4132) 60-11-22."))
			.contains(QualityRule.REDIRECT);
		assertThat(Coach.rules("Здравствуйте! По перерасчёту обращайтесь в Магаданэнерго по телефону 8 (4132) 60-00-00."))
			.contains(QualityRule.REDIRECT);
	}

	@Test
	void namingTheBodyAfterForwardingToItIsNotARedirect() {
		assertThat(Coach.rules("Здравствуйте! За уборку двора отвечает УК «Север». Мы передали им ваше обращение, "
				+ "двор уберут до 5 марта.")).doesNotContain(QualityRule.REDIRECT);
	}

	@Test
	void chainsOfVerbalNounsAndAgentlessPassivesAreFormalism() {
		assertThat(Coach.rules("Здравствуйте! Спасибо за обращение. Проведение обследования технического состояния "
				+ "кровли запланировано. Работы будут выполнены.")).contains(QualityRule.FORMALISM);
	}

	@Test
	void lawNormsAndPowersInPlaceOfAnExplanationAreFormalism() {
		assertThat(Coach.rules("Здравствуйте. Перерасчёт не производится, так как он не предусмотрен нормами "
				+ "законодательства и выходит за пределы полномочий министерства.")).contains(QualityRule.FORMALISM);
	}

	@Test
	void reassuranceWithNothingBehindItIsFormalism() {
		assertThat(Coach.rules("Здравствуйте! Спасибо за сигнал. Освещение во дворе держим на контроле, "
				+ "ситуация отслеживается.")).contains(QualityRule.FORMALISM);
	}

	@Test
	void concreteAnswerWithOnePassiveIsNotFormalism() {
		assertThat(Coach.rules("Здравствуйте, Мария Ивановна! Спасибо, что написали. Заявка принята: бригада "
				+ "«Горсвета» заменит фонарь у дома 7 на улице Гагарина 12 марта, мастер Олег Попов, 8 (4132) 62-11-00."))
			.doesNotContain(QualityRule.FORMALISM);
	}

	@Test
	void stockOpenersInTheirVariantsAreTemplates() {
		assertThat(Coach.rules("Добрый день! Настоящим информируем, что вывоз мусора будет 5 мая."))
			.contains(QualityRule.TEMPLATE_PHRASE);
		assertThat(Coach.rules("Здравствуйте! Рассмотрев ваше заявление, поясняем: автобус пойдёт с 1 июля."))
			.contains(QualityRule.TEMPLATE_PHRASE);
		assertThat(Coach.rules("Здравствуйте! Касательно вашего обращения: яму засыплют 3 мая."))
			.contains(QualityRule.TEMPLATE_PHRASE);
	}

	@Test
	void closersAskingForUnderstandingAreTemplatesWhereverTheyStand() {
		assertThat(Coach.rules("Здравствуйте! Просим отнестись с пониманием: воду дадут к 18:00. Бригада уже на месте."))
			.contains(QualityRule.TEMPLATE_PHRASE);
		assertThat(Coach.rules("Здравствуйте! Извините за временные неудобства. Лифт запустят 4 марта."))
			.contains(QualityRule.TEMPLATE_PHRASE);
	}

}
