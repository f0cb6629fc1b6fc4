package org.otklik.quality;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** OFF_TOPIC on answers and appeals written for the test: the answer is judged against the appeal's text. */
class OffTopicRuleTests {

	private static final String DIET_APPEAL = "Здравствуйте. Моему сыну (3 класс, школа № 2) врач назначил диету: "
			+ "без молока и сладкого. В школьной столовой ему дают кашу на молоке и булочки, другого меню нет. "
			+ "Можно ли организовать диетическое питание?";

	private static final String HEATING_ANSWER = "Здравствуйте, Ирина Олеговна! Спасибо, что сообщили. "
			+ "В вашем доме на улице Пролетарской батареи еле тёплые из-за воздуха в стояке. 14 января слесари "
			+ "управляющей компании «Север» спустят воздух и проверят давление в системе отопления. "
			+ "Ответственный — мастер Юрий Белов, 8 (4132) 60-11-22.";

	@Test
	void answerAboutHeatingToAnAppealAboutADietIsOffTopic() {
		QualityReport report = Coach.SERVICE.check(HEATING_ANSWER, DIET_APPEAL);
		assertThat(report.findings()).extracting(QualityFinding::rule).contains(QualityRule.OFF_TOPIC);
		assertThat(report.score()).isLessThan(QualityProperties.defaults().warnBelowScore());
		QualityFinding finding = report.findings()
			.stream()
			.filter((f) -> f.rule() == QualityRule.OFF_TOPIC)
			.findFirst()
			.orElseThrow();
		assertThat(finding.start()).isNull();
		assertThat(finding.message()).contains("обращении");
	}

	@Test
	void theSameAnswerToAnAppealAboutColdRadiatorsIsOnTopic() {
		String appeal = "В квартире +15, батареи холодные уже неделю, дети мёрзнут. Пролетарская, 12.";
		assertThat(Coach.rules(HEATING_ANSWER, appeal)).doesNotContain(QualityRule.OFF_TOPIC);
	}

	@Test
	void sharedSubjectWithoutSharedWordsIsOnTopic() {
		String appeal = "У нас дома холодно, +14, сидим в куртках. Когда это кончится?";
		String answer = "Здравствуйте! Сочувствуем. Котельную в посёлке перевели на резервный насос, радиаторы прогреются "
				+ "к вечеру 3 декабря. Дежурный инженер Ольга Ким, 8 (41345) 2-22-33.";
		assertThat(Coach.rules(answer, appeal)).doesNotContain(QualityRule.OFF_TOPIC);
	}

	@Test
	void withoutTheAppealNothingIsJudged() {
		assertThat(Coach.rules(HEATING_ANSWER)).doesNotContain(QualityRule.OFF_TOPIC);
	}

	@Test
	void answerAboutTheDietIsOnTopic() {
		String answer = "Здравствуйте! Спасибо за сигнал. С 9 декабря столовая школы № 2 будет готовить вашему сыну "
				+ "безмолочный завтрак и обед по назначению врача; меню согласовала диетсестра Анна Литвинова, "
				+ "8 (4132) 62-40-40.";
		assertThat(Coach.rules(answer, DIET_APPEAL)).doesNotContain(QualityRule.OFF_TOPIC);
	}

	@Test
	void shortContentFreeAnswerIsLeftToTheOtherRules() {
		assertThat(Coach.rules("Здравствуйте! Спасибо за сообщение. Мы проверим ситуацию.", DIET_APPEAL))
			.doesNotContain(QualityRule.OFF_TOPIC)
			.contains(QualityRule.NO_SPECIFICS);
	}

}
