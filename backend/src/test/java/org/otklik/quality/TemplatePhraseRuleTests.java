package org.otklik.quality;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** TEMPLATE_PHRASE on hand-written answers. */
class TemplatePhraseRuleTests {

	@Test
	void flagsStockThanksForTheAppeal() {
		assertThat(Coach.rules("Благодарим Вас за обращение! Яму засыплют 3 мая.")).contains(QualityRule.TEMPLATE_PHRASE);
	}

	@Test
	void flagsInflectedReceiptFormula() {
		// Not the dictionary's wording: «рассмотрена» with «заявка», «к сведению приняты».
		assertThat(Coach.rules("Здравствуйте! Ваша заявка рассмотрена. Замечания приняты к сведению."))
			.contains(QualityRule.TEMPLATE_PHRASE);
	}

	@Test
	void flagsUnlistedContentFreeProcessingSentence() {
		assertThat(Coach.rules("Здравствуйте! Ваше сообщение обработано. Лёд сколют 4 марта."))
			.contains(QualityRule.TEMPLATE_PHRASE);
	}

	@Test
	void flagsFormulaicApologyAndHope() {
		assertThat(Coach.rules("Приносим свои извинения за причинённые неудобства. Рассчитываем на ваше понимание."))
			.contains(QualityRule.TEMPLATE_PHRASE);
	}

	@Test
	void flagsAnnouncingAnAnswerInsteadOfGivingIt() {
		assertThat(Coach.rules("Здравствуйте! На ваше обращение сообщаем, что автобус пойдёт с 1 июля."))
			.contains(QualityRule.TEMPLATE_PHRASE);
	}

	@Test
	void plainSpecificThanksIsNotATemplate() {
		String answer = "Здравствуйте! Спасибо, что сообщили о сломанной лавочке. Её починят до 10 июня.";
		assertThat(Coach.rules(answer)).doesNotContain(QualityRule.TEMPLATE_PHRASE);
	}

	@Test
	void concreteProcessingSentenceIsNotATemplate() {
		String answer = "Здравствуйте! Ваша заявка принята в УК «Северный дом» под номером 512, мастер придёт 5 марта.";
		assertThat(Coach.rules(answer)).doesNotContain(QualityRule.TEMPLATE_PHRASE);
	}

	@Test
	void flagsOtherStockThanksAndForwardingFormulas() {
		assertThat(Coach.rules("Добрый день! Благодарим за проявленную бдительность. Лёд сколют 4 марта."))
			.contains(QualityRule.TEMPLATE_PHRASE);
		assertThat(Coach.rules("Здравствуйте! Ваше обращение направлено по компетенции в министерство."))
			.contains(QualityRule.TEMPLATE_PHRASE);
	}

	@Test
	void flagsAnnouncingAFactAndHopingForTheRelationship() {
		// «… о том, что …» announces what could simply be said; a hope or confidence about the relationship
		// says nothing about what happens next.
		assertThat(Coach.rules("Добрый день! Извещаем Вас о том, что подача воды возобновлена в 14:00."))
			.contains(QualityRule.TEMPLATE_PHRASE);
		assertThat(Coach.rules("Здравствуйте! Автобус № 3 пойдёт по зимнему расписанию с 1 декабря. Выражаем уверенность в дальнейшем сотрудничестве."))
			.contains(QualityRule.TEMPLATE_PHRASE);
	}

	@Test
	void sayingTheFactPlainlyIsNotATemplate() {
		String answer = "Здравствуйте! Подачу воды в доме на Кольцевой, 5 возобновили в 14:00, напор проверили с жителями.";
		assertThat(Coach.rules(answer)).doesNotContain(QualityRule.TEMPLATE_PHRASE);
	}

}
