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

}
