package org.otklik.quality;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** NO_SPECIFICS on hand-written answers, including the appeal-context cases. */
class SpecificsRuleTests {

	@Test
	void flagsVaguePromises() {
		String answer = "Здравствуйте! Спасибо за сигнал. Мы разберёмся и примем меры, о результатах сообщим дополнительно.";
		assertThat(Coach.rules(answer)).contains(QualityRule.NO_SPECIFICS);
	}

	@Test
	void namingABodyWithoutContactIsNotSpecific() {
		String answer = "Здравствуйте! Спасибо, что сообщили. Информацию передали в управление дорожного хозяйства.";
		assertThat(Coach.rules(answer)).contains(QualityRule.NO_SPECIFICS);
	}

	@Test
	void dateIsSpecific() {
		String answer = "Здравствуйте! Спасибо, что сообщили. Яму засыплют до двадцать пятого — к 25 октября.";
		assertThat(Coach.rules(answer)).doesNotContain(QualityRule.NO_SPECIFICS);
	}

	@Test
	void weekdayWithoutDigitsIsSpecific() {
		String answer = "Здравствуйте! Спасибо, что сообщили. Мастер придёт в понедельник утром.";
		assertThat(Coach.rules(answer)).doesNotContain(QualityRule.NO_SPECIFICS);
	}

	@Test
	void phoneIsSpecific() {
		String answer = "Здравствуйте! Спасибо за вопрос. Запишитесь к специалисту по телефону +7 914 855-12-40.";
		assertThat(Coach.rules(answer)).doesNotContain(QualityRule.NO_SPECIFICS);
	}

	@Test
	void namedResponsiblePersonIsSpecific() {
		String answer = "Здравствуйте! Спасибо, что написали. Вопрос решает инженер Кузнецова Анна Викторовна, она свяжется с вами.";
		assertThat(Coach.rules(answer)).doesNotContain(QualityRule.NO_SPECIFICS);
	}

	@Test
	void addressingTheCitizenByNameIsNotAResponsiblePerson() {
		String answer = "Здравствуйте, Анна Викторовна! Спасибо, что написали. Мы во всём разберёмся.";
		assertThat(Coach.rules(answer)).contains(QualityRule.NO_SPECIFICS);
	}

	@Test
	void numberFromTheAppealIsTheSubjectNotASpecific() {
		String appeal = "Дом 14 по улице Пролетарской, в подъезде 3 не горит свет уже неделю!";
		String answer = "Здравствуйте! Спасибо, что сообщили. Освещение в подъезде 3 дома 14 будет восстановлено.";
		assertThat(Coach.rules(answer, appeal)).contains(QualityRule.NO_SPECIFICS);
		// Without the appeal the same numbers look like specifics.
		assertThat(Coach.rules(answer)).doesNotContain(QualityRule.NO_SPECIFICS);
	}

	@Test
	void dateFromTheAppealIsTheSubjectButANewDateIsSpecific() {
		String appeal = "С 2 февраля нет горячей воды на улице Лесной.";
		String repeats = "Здравствуйте! Спасибо за сообщение. Отключение со 2 февраля связано с аварией.";
		String answers = "Здравствуйте! Спасибо за сообщение. Отключение со 2 февраля связано с аварией, воду дадут 6 февраля.";
		assertThat(Coach.rules(repeats, appeal)).contains(QualityRule.NO_SPECIFICS);
		assertThat(Coach.rules(answers, appeal)).doesNotContain(QualityRule.NO_SPECIFICS);
	}

	@Test
	void lawNumbersAreNotSpecifics() {
		String answer = "Здравствуйте! Спасибо за обращение. Порядок определён статьёй 157 Жилищного кодекса "
				+ "и постановлением № 354, в соответствии с пунктом 42(1) Правил.";
		assertThat(Coach.rules(answer)).contains(QualityRule.NO_SPECIFICS);
	}

	@Test
	void quantityIsSpecific() {
		String answer = "Здравствуйте! Спасибо, что сообщили. На участок направлены 2 трактора и грейдер.";
		assertThat(Coach.rules(answer)).doesNotContain(QualityRule.NO_SPECIFICS);
	}

	@Test
	void streetAddressWithReceptionHoursIsSpecific() {
		String answer = "Здравствуйте! Справку выдают в отделе по ул. Горького, 16, часы приёма — по будням.";
		assertThat(Coach.rules(answer)).doesNotContain(QualityRule.NO_SPECIFICS);
	}

}
