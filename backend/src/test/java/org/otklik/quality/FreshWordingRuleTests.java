package org.otklik.quality;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fifth and sixth passes. Fifth pass, built for the classes own H's first run and the known gaps showed: municipal departments
 * are other bodies, sports, shops and yards are subjects, a place both texts name is not a shared
 * subject, thanks for attention that says what for is the answer's own, watching «под постоянным
 * наблюдением» is a reassurance, a reproach in the subjunctive is rude, and a usable contact stops the
 * learned model from calling an answer unspecific. Each case has a twin that must still be flagged (or
 * stay clean). The sentences are new: none of the data sets uses them. Whole coach (rules and model).
 * Sixth pass, built for the classes own I showed: an object pronoun before a comma is not a possessive
 * contact, signing up at another institution is a redirect, considering something with nothing behind it
 * is a reassurance, the law cited instead of a reason is formalism, colloquial dismissal and irony are
 * rude, and hope about the relationship is stock.
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

	// Sixth pass (own I's classes). Each test fails on the rules before it; the sentences are new.

	@Test
	void anObjectPronounBeforeAContactIsNotTheirContact() {
		// «варит его, горячая вода …»: the pronoun closes the clause; our contractor is doing the repair.
		assertThat(Coach.rules("Здравствуйте, Пётр Ильич! Извините, что вы без тепла. В подвале дома 6 лопнул "
				+ "стояк; бригада МУП «Ольское ЖКХ» заваривает его, горячая вода и отопление вернутся 4 декабря к 16:00."))
			.doesNotContain(QualityRule.REDIRECT);
		assertThat(Coach.rules("Здравствуйте! Спасибо за сообщение. Отопление в доме 6 — забота МУП «Ольское ЖКХ», "
				+ "их горячая линия 8 (41341) 2-55-10.")).contains(QualityRule.REDIRECT);
	}

	@Test
	void signingUpAtAnotherInstitutionIsARedirect() {
		assertThat(Coach.rules("Здравствуйте! Сожалеем, что так вышло. Невролога в районной больнице сейчас нет, "
				+ "записывайтесь на приём к неврологу в областную поликлинику по телефону 8 (4132) 20-40-60."))
			.contains(QualityRule.REDIRECT);
		assertThat(Coach.rules("Добрый день! Спасибо за вопрос. Пособие назначают после регистрации, поэтому "
				+ "встаньте на учёт в центре занятости.")).contains(QualityRule.REDIRECT);
		assertThat(Coach.rules("Добрый день! Спасибо за вопрос. Показания счётчика горячей воды передавайте в "
				+ "теплосети.")).contains(QualityRule.REDIRECT);
		assertThat(Coach.rules("Здравствуйте! Простите за ожидание. Невролог ведёт приём с 12 марта по средам, "
				+ "запишитесь к нему по телефону нашей регистратуры 8 (41345) 2-30-40.")).doesNotContain(QualityRule.REDIRECT);
	}

	@Test
	void consideringWithNothingBehindItIsAReassurance() {
		assertThat(Coach.rules("Здравствуйте! Спасибо, что написали. Жалобы на шум от котельной анализируются, "
				+ "варианты решения прорабатываются с учётом имеющихся возможностей.")).contains(QualityRule.FORMALISM);
		assertThat(Coach.rules("Добрый день! Благодарим за предложение. Возможность продлить маршрут до дачного "
				+ "посёлка рассматривается.")).contains(QualityRule.FORMALISM);
		assertThat(Coach.rules("Здравствуйте! Спасибо за идею. Освещение улицы Горной рассматривается в смете "
				+ "на 2027 год, проект готовит инженер Олег Ким, ответим вам до 15 апреля."))
			.doesNotContain(QualityRule.FORMALISM);
	}

	@Test
	void theLawInPlaceOfAnExplanationIsFormalism() {
		assertThat(Coach.rules("Здравствуйте! Тариф на вывоз мусора установлен в соответствии с нормами "
				+ "действующего законодательства и пересмотру не подлежит.")).contains(QualityRule.FORMALISM);
		assertThat(Coach.rules("Здравствуйте! Спасибо за вопрос. Ремонт моста выходит за рамки полномочий "
				+ "администрации посёлка.")).contains(QualityRule.REDIRECT);
		assertThat(Coach.rules("Здравствуйте! Спасибо за вопрос. Тариф 512 рублей за кубометр утвердил "
				+ "Комитет по тарифам 20 декабря, по закону он действует весь 2027 год."))
			.doesNotContain(QualityRule.FORMALISM);
	}

	@Test
	void colloquialDismissalIsRude() {
		assertThat(Coach.rules("Здравствуйте. Нечего тут писать каждую неделю, автобус ходит как ходил."))
			.contains(QualityRule.RUDENESS);
		assertThat(Coach.rules("Добрый день. Ну закрыли баню, и что теперь? Ждите, как все, новую откроют летом."))
			.contains(QualityRule.RUDENESS);
		assertThat(Coach.rules("Здравствуйте. Фельдшеров на каждую деревню не напасёшься. Приём 3 марта."))
			.contains(QualityRule.RUDENESS);
		assertThat(Coach.rules("Здравствуйте. Конечно, мы всё бросим и поедем менять ваш фонарь. Заменим 20 марта."))
			.contains(QualityRule.RUDENESS);
		assertThat(Coach.rules("Добрый день. Не устраивает — ищите другую управляющую компанию. Трубу заменим 20 марта."))
			.contains(QualityRule.RUDENESS);
		assertThat(Coach.rules("Здравствуйте! Простите, что так долго. Понимаем, как вам надоело ждать: баню "
				+ "откроют 1 июня, а до тех пор по субботам ходит бесплатный автобус до Палатки."))
			.doesNotContain(QualityRule.RUDENESS);
	}

	@Test
	void hopeForTheRelationshipAndAnnouncingAreStock() {
		assertThat(Coach.rules("Здравствуйте! Остановку перенесут к школе 1 сентября. Рассчитываем на дальнейшее "
				+ "конструктивное сотрудничество.")).contains(QualityRule.TEMPLATE_PHRASE);
		assertThat(Coach.rules("Добрый день! Ставим Вас в известность, что остановку перенесут к школе 1 сентября."))
			.contains(QualityRule.TEMPLATE_PHRASE);
		assertThat(Coach.rules("Добрый день! Остановку перенесут к школе 1 сентября. С надеждой на взаимопонимание, "
				+ "отдел транспорта.")).contains(QualityRule.TEMPLATE_PHRASE);
		assertThat(Coach.rules("Добрый день! Спасибо за идею. Остановку перенесут к школе 1 сентября, а если "
				+ "будут вопросы, звоните нам: 8 (4132) 60-70-80.")).doesNotContain(QualityRule.TEMPLATE_PHRASE);
	}

	@Test
	void aNegatedImperativeSendsNobody() {
		assertThat(Coach.rules("Здравствуйте! Спасибо за письмо. Просим о помощи: 15 января не оставляйте "
				+ "автомобили у домов 3 и 5 на Речной, чтобы прошла снегоуборочная техника."))
			.doesNotContain(QualityRule.REDIRECT);
		assertThat(Coach.rules("Здравствуйте! Старую мебель сдавайте в пункт приёма регионального оператора."))
			.contains(QualityRule.REDIRECT);
	}

}
