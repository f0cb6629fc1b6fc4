package org.otklik.quality;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Strong evidence only, fourth pass: OFF_TOPIC judges a short appeal by sector and Lucene stems, a
 * month is a deadline, holding a matter «in view» is officialese when nothing concrete backs it, the
 * citizen's own management company named as the doer is a redirect, and an instruction we gave a
 * contractor is not. Each case has a twin that must still be flagged (or stay clean). Wording is new:
 * none of the data sets uses these sentences. Checked by the whole coach (rules and learned model),
 * because two of the changes stop the model from overruling strong evidence. Against the rules before
 * this pass (9cc7c08) five of the eight fail; the month and the contractor instruction pass there too
 * (the model overruled them on own F's wording, not on these), so they guard the clearance only.
 */
class StrongEvidenceRuleTests {

	private static final String BILL_APPEAL = "Почему за горячую воду в марте начислили вдвое больше обычного?";

	@Test
	void aBillAnswerToAShortServiceAppealIsOnTopic() {
		assertThat(Coach.rules("Здравствуйте, Нина Петровна! Спасибо, что написали. Расчётный центр сделал "
				+ "перерасчёт: переплата 1 240 рублей уйдёт в счёт апреля, новая квитанция придёт до 10 мая.", BILL_APPEAL))
			.doesNotContain(QualityRule.OFF_TOPIC);
	}

	@Test
	void anAnswerFromAnotherSectorStaysOffTopic() {
		assertThat(Coach.rules("Здравствуйте! Спасибо за вопрос. Школьный автобус до Уптара с 12 мая пойдёт "
				+ "в 7:40, маршрут продлят до новой остановки у гимназии.", BILL_APPEAL))
			.contains(QualityRule.OFF_TOPIC);
	}

	@Test
	void inflectedFormsWithAShortStemCountAsTheSameWord() {
		// Snowball cuts «сети» and «сетей» to «сет», three letters; the answer is about the appeal's nets.
		assertThat(Coach.rules("Здравствуйте! Спасибо за сигнал. 12 июля инспекторы сняли 6 сетей, владельцев "
				+ "ищет полиция, телефон 8 (4132) 20-11-00.", "Кто-то ставит сети поперёк протоки у моста"))
			.doesNotContain(QualityRule.OFF_TOPIC);
	}

	@Test
	void aMonthIsADeadline() {
		assertThat(Coach.rules("Здравствуйте! Спасибо, что написали. Скамейки во дворе на Набережной заменит "
				+ "подрядчик в августе.")).doesNotContain(QualityRule.NO_SPECIFICS);
		assertThat(Coach.rules("Здравствуйте! Спасибо, что написали. Скамейки во дворе на Набережной заменит "
				+ "подрядчик позже.")).contains(QualityRule.NO_SPECIFICS);
	}

	@Test
	void holdingAMatterInViewWithNothingConcreteIsOfficialese() {
		assertThat(Coach.rules("Здравствуйте, Анна! Жаль, что так вышло. Крыльцо поликлиники починят, "
				+ "ситуацию держим в центре внимания.")).contains(QualityRule.FORMALISM);
		assertThat(Coach.rules("Здравствуйте, Анна! Жаль, что так вышло. Крыльцо поликлиники бригада "
				+ "ООО «Стройка» починит 14 апреля, ход работ держим на контроле."))
			.doesNotContain(QualityRule.FORMALISM);
	}

	@Test
	void workGoingOnAndADateDeferredToAProcedureIsOfficialese() {
		assertThat(Coach.rules("Здравствуйте! Строительство спортзала идёт, срок открытия будет установлен "
				+ "после окончания проверки.")).contains(QualityRule.FORMALISM);
		assertThat(Coach.rules("Здравствуйте! Спасибо за вопрос. Спортзал откроют 1 сентября, подрядчик "
				+ "ООО «Арена» заканчивает отделку.")).doesNotContain(QualityRule.FORMALISM);
	}

	@Test
	void theCitizensOwnManagementCompanyAsTheDoerIsARedirect() {
		assertThat(Coach.rules("Добрый день, Ольга Ивановна! Спасибо, что написали. Ремонт крыльца организует "
				+ "ваша управляющая компания.")).contains(QualityRule.REDIRECT);
		// A phone of that body keeps it a redirect.
		assertThat(Coach.rules("Добрый день! Благодарим за сигнал. Покос травы во дворе обеспечивает ваша "
				+ "управляющая организация, диспетчер 8 (4132) 64-10-10.")).contains(QualityRule.REDIRECT);
		assertThat(Coach.rules("Добрый день! Спасибо за обращение. Мы передали заявку в вашу управляющую "
				+ "компанию «Дом-Сервис», подъезд уберут 3 марта.")).doesNotContain(QualityRule.REDIRECT);
	}

	@Test
	void anInstructionWeGaveAContractorIsNotARedirect() {
		assertThat(Coach.rules("Здравствуйте! Перевозчику ООО «Колыма-Тур» указано на необходимость соблюдать "
				+ "расписание, с 5 мая рейс в 8:15 будет проверять наш инспектор.")).doesNotContain(QualityRule.REDIRECT);
		assertThat(Coach.rules("Здравствуйте! За соблюдение расписания отвечает перевозчик ООО «Колыма-Тур»."))
			.contains(QualityRule.REDIRECT);
	}

}
