package org.otklik.quality;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fifth pass, built for the classes own H's first run and the known gaps showed: municipal departments
 * are other bodies, sports, shops and yards are subjects, a place both texts name is not a shared
 * subject, thanks for attention that says what for is the answer's own, watching «под постоянным
 * наблюдением» is a reassurance, a reproach in the subjunctive is rude, and a usable contact stops the
 * learned model from calling an answer unspecific. Each case has a twin that must still be flagged (or
 * stay clean). The sentences are new: none of the data sets uses them. Whole coach (rules and model).
 */
class FreshWordingRuleTests {

	@Test
	void aMunicipalDepartmentIsAnotherBody() {
		assertThat(Coach.rules("Здравствуйте! Спасибо за вопрос. С местами в группе продлённого дня вам лучше "
				+ "в управление образования, там всё объяснят.")).contains(QualityRule.REDIRECT);
		assertThat(Coach.rules("Здравствуйте! Спасибо за вопрос. Мы передали ваше письмо в управление образования: "
				+ "15 сентября заведующая Инна Лебедева позвонит вам и предложит место в группе продлённого дня."))
			.doesNotContain(QualityRule.REDIRECT);
	}

	@Test
	void sportsShopsAndYardsAreSubjects() {
		String gym = "В Омсукчане в спортзале третий месяц нет тренера по боксу, секцию закрыли.";
		assertThat(Coach.rules("Добрый день! Спасибо за сигнал. С 4 марта в магазин на Ленина, 9 снова завозят "
				+ "свежие продукты по средам, ассортимент расширили, товаровед — Алла Ушакова, 8 (41346) 9-20-11.", gym))
			.contains(QualityRule.OFF_TOPIC);
		assertThat(Coach.rules("Добрый день! Спасибо за сигнал. С 4 марта тренировки по боксу ведёт тренер Павел "
				+ "Ким, по вторникам и четвергам в 18:00, запись по телефону 8 (41346) 9-20-11.", gym))
			.doesNotContain(QualityRule.OFF_TOPIC);
		assertThat(Coach.rules("Здравствуйте! Спасибо, что написали. Качели и песочницу во дворе дома 3 управляющая "
				+ "компания «Уют» заменит до 20 июня, мастер — Олег Серов, 8 (4132) 61-00-12.",
				"Во дворе на Школьной сломана горка, дети могут пораниться гвоздями."))
			.doesNotContain(QualityRule.OFF_TOPIC);
	}

	@Test
	void aPlaceBothTextsNameIsNotTheirSubject() {
		assertThat(Coach.rules("Здравствуйте! Спасибо, что написали. В Сеймчане автобус до аэропорта с 1 мая "
				+ "ходит в 6:10 и 14:30, расписание у диспетчера: 8 (41347) 9-11-22.",
				"В Сеймчане в клубе протекает крыша, концерты отменяют."))
			.contains(QualityRule.OFF_TOPIC);
	}

	@Test
	void thanksThatSayWhatForAreTheAnswersOwn() {
		assertThat(Coach.rules("Здравствуйте! Спасибо за внимание к детской площадке. Подрядчик заменит сиденье "
				+ "качелей 3 июня, мастер — Сергей Ли, 8 (4132) 60-12-12.")).doesNotContain(QualityRule.TEMPLATE_PHRASE);
		assertThat(Coach.rules("Здравствуйте! Спасибо за внимание. Подрядчик заменит сиденье качелей 3 июня, "
				+ "мастер — Сергей Ли, 8 (4132) 60-12-12.")).contains(QualityRule.TEMPLATE_PHRASE);
	}

	@Test
	void watchingWithAnAdjectiveIsStillAReassurance() {
		assertThat(Coach.rules("Здравствуйте! Спасибо, что сообщили. Состояние моста находится под регулярным "
				+ "наблюдением дорожной службы, ремонт будет выполнен своевременно.")).contains(QualityRule.FORMALISM);
	}

	@Test
	void aReproachInTheSubjunctiveIsRude() {
		assertThat(Coach.rules("Здравствуйте! Вы бы лучше сами в управляющую компанию сходили, а не жаловались "
				+ "в министерство. Слесарь придёт 4 февраля.")).contains(QualityRule.RUDENESS);
		assertThat(Coach.rules("Здравствуйте! Спасибо, что написали. Вы бы могли позвонить нам напрямую: "
				+ "слесарь придёт 4 февраля, диспетчер — 8 (4132) 60-44-11.")).doesNotContain(QualityRule.RUDENESS);
	}

	@Test
	void anAddressIsAUsableContact() {
		assertThat(Coach.rules("Добрый день! Сочувствуем вам. Справку о составе семьи выдают в паспортном столе, "
				+ "принесите туда паспорта всех жильцов, адрес: Ола, Ленина, 12, кабинет 2."))
			.contains(QualityRule.REDIRECT)
			.doesNotContain(QualityRule.NO_SPECIFICS);
		assertThat(Coach.rules("Добрый день! Сочувствуем вам. Справку о составе семьи выдают в паспортном столе, "
				+ "принесите туда паспорта всех жильцов.")).contains(QualityRule.NO_SPECIFICS);
	}

}
