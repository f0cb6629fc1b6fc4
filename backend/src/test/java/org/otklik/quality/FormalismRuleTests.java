package org.otklik.quality;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** FORMALISM on hand-written answers (none taken from the dev data). */
class FormalismRuleTests {

	@Test
	void flagsAnswerMadeOfProcedureAndCompetenceWording() {
		String answer = "Уважаемый Пётр Сергеевич! Содержание внутриквартальных проездов осуществляется "
				+ "подведомственным учреждением в пределах доведённых лимитов бюджетных обязательств. "
				+ "Ремонт покрытия будет рассмотрен при формировании муниципальной программы в установленном порядке.";
		assertThat(Coach.rules(answer)).contains(QualityRule.FORMALISM);
	}

	@Test
	void flagsInflectedFormsOfStockWordingThroughStems() {
		// Different case endings than the dictionary lines: «осуществлялась», «установленным порядком»,
		// «пределах предоставленной компетенции».
		String answer = "Здравствуйте! Проверка осуществлялась в пределах предоставленной компетенции, "
				+ "решение принималось в соответствии с действующим законодательством. Ситуация контролируется.";
		assertThat(Coach.rules(answer)).contains(QualityRule.FORMALISM);
	}

	@Test
	void flagsDenseNominalStyleEvenWithoutStockPhrases() {
		String answer = "Здравствуйте! Проведение обследования технического состояния конструкций перекрытия "
				+ "и определение необходимости выполнения усиления несущих элементов предусматривает "
				+ "привлечение специализированной организации и согласование проектирования.";
		assertThat(Coach.rules(answer)).contains(QualityRule.FORMALISM);
	}

	@Test
	void doesNotFlagPlainConcreteAnswer() {
		String answer = "Здравствуйте, Нина Павловна! Спасибо, что написали. Лампы в вашем подъезде заменим "
				+ "в четверг, 14 марта: придёт электрик Сергей Котов. Если свет снова погаснет, позвоните "
				+ "в диспетчерскую по номеру 8 (4132) 61-22-33.";
		assertThat(Coach.rules(answer)).doesNotContain(QualityRule.FORMALISM);
	}

	@Test
	void doesNotFlagOneStockConnectiveInAConcreteAnswer() {
		String answer = "Здравствуйте! Понимаем, как неудобно ходить по льду. В рамках зимнего содержания "
				+ "тротуар на улице Гагарина посыплют песком сегодня до 18:00, а к пятнице сколют наледь "
				+ "у остановки. Бригадир — Олег Иванович Фомин, 8 (41345) 2-30-30.";
		assertThat(Coach.rules(answer)).doesNotContain(QualityRule.FORMALISM);
	}

	@Test
	void shortStockSentencesAreTemplateNotFormalism() {
		String answer = "Добрый день! Ваша жалоба рассмотрена. Информация принята к сведению.";
		assertThat(Coach.rules(answer)).contains(QualityRule.TEMPLATE_PHRASE).doesNotContain(QualityRule.FORMALISM);
	}

	@Test
	void shortPlainAnswerFullOfVerbalNounsIsNotFormalism() {
		// Density alone must not decide on two lines about a benefit.
		assertThat(Coach.rules("Добрый день! Для получения компенсации подайте заявление, решение примут за 10 дней."))
			.doesNotContain(QualityRule.FORMALISM);
	}

	@Test
	void flagsRefusalWrappedInOfficialese() {
		String answer = "Рассмотрев Ваше обращение, информируем Вас о том, что заявленные требования удовлетворению "
				+ "не подлежат, поскольку мероприятия по ремонту осуществляются в порядке очерёдности.";
		assertThat(Coach.rules(answer)).contains(QualityRule.FORMALISM);
	}

}
