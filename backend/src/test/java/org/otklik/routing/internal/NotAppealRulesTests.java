package org.otklik.routing.internal;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class NotAppealRulesTests {

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "Огромное спасибо бригаде скорой помощи, спасли отца!", "Поздравляю всех с Днём рыбака!",
			"Продаю зимние шины, почти новые, пишите в личку", "Скидки до 70% только до воскресенья! Переходите по ссылке",
			"Доброе утро всем! Какая красота сегодня на Нагаевской бухте" })
	void thanksGreetingsAndAdvertisingAreNotAppeals(String text) {
		assertThat(NotAppealRules.reason(text)).isPresent();
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "Спасибо, что починили, но через день опять нет воды",
			"Поздравляю с праздником! Почему до сих пор не убрали снег у школы?",
			"Третий день нет света, помогите", "Когда откроют библиотеку?" })
	void anySignOfAProblemKeepsItAnAppeal(String text) {
		assertThat(NotAppealRules.reason(text)).isEmpty();
	}

	// New wordings written for these tests (not from any data set).

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "Отдам котят в добрые руки, звоните", "Ремонт квартир под ключ недорого, опыт 10 лет",
			"Всем добрый вечер, какой сегодня закат над бухтой", "Ура, снег выпал! Дети счастливы",
			"Продам гараж на Берзина, торг" })
	void classifiedsAndChatterAreNotAppeals(String text) {
		assertThat(NotAppealRules.reason(text)).isPresent();
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "Благодарим за ремонт дороги, теперь бы ещё освещение сделать",
			"Спасибо врачам, но нужно больше талонов к педиатру", "Поздравляем ветеранов, но почему им не выплатили подарочные?",
			"Доброе утро. В посёлке нет воды третий день" })
	void aWishOrAComplaintBesideThanksKeepsItAnAppeal(String text) {
		assertThat(NotAppealRules.reason(text)).isEmpty();
	}

}
