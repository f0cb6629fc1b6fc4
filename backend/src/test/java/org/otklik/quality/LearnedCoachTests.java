package org.otklik.quality;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.otklik.quality.internal.LearnedCoach;
import org.otklik.quality.internal.QualityEngine;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The learned part of the coach: its class features on new wordings, how it adds to the rules, and
 * that its shipped training data never holds the held-out dev answers or own set E.
 */
class LearnedCoachTests {

	private static final QualityEngine RULES = new QualityEngine(null, LearnedCoach.DEFAULT_THRESHOLDS);

	private static List<String> features(String text) {
		return List.of(RULES.features(text, null));
	}

	@Test
	void officialeseIsSeenAsItsGrammarAndWordClasses() {
		List<String> features = features("Предоставление субсидии осуществляется после прохождения процедуры "
				+ "согласования документации.");
		assertThat(features).contains("kanc=2", "chains=1", "kanc-without-agent", "polite=false", "numbers=0");
	}

	@Test
	void anImperativeNextToAnotherBodyIsTheGrammarOfARedirect() {
		assertThat(features("Звоните в управляющую компанию, они пояснят.")).contains("imp+other-body",
				"body-without-agent");
		assertThat(features("Мы сами позвоним в управляющую компанию и пришлём ответ до пятницы."))
			.doesNotContain("imp+other-body", "body-without-agent");
	}

	@Test
	void greetingRegretTimeAndPhonesAreCounted() {
		List<String> features = features("Доброе утро, Зоя! Жаль, что так вышло. Бригада приедет в четверг, "
				+ "телефон 8 914 222-33-44.");
		assertThat(features).contains("first:greeting", "polite=true", "time=2", "phones=1", "agent=1");
		assertThat(features("Сколько можно писать одно и то же? Сами виноваты.")).contains("questions=1", "blame=2",
				"polite=false");
	}

	@Test
	void theModelRaisesOnlyWhatTheRulesMissedAtItsThreshold() {
		// Two tiny classes: the word «впредь» alone marks TEMPLATE_PHRASE here; no other rule occurs, so
		// their models are not trained and never raise anything.
		List<LearnedCoach.Example> examples = new ArrayList<>();
		List<String[]> features = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			boolean template = i % 2 == 0;
			examples.add(new LearnedCoach.Example("x" + i, "t", "", "",
					template ? EnumSet.of(QualityRule.TEMPLATE_PHRASE) : EnumSet.noneOf(QualityRule.class)));
			features.add(template ? new String[] { "s=впредь", "n" + (i % 3) } : new String[] { "s=бригад", "n" + (i % 3) });
		}
		Map<QualityRule, Double> thresholds = new HashMap<>(LearnedCoach.DEFAULT_THRESHOLDS);
		LearnedCoach model = LearnedCoach.train(examples, features, thresholds);
		String[] template = { "s=впредь", "n1" };
		assertThat(model.probability(QualityRule.TEMPLATE_PHRASE, template)).isGreaterThan(0.8);
		assertThat(model.raise(template, EnumSet.noneOf(QualityRule.class))).containsExactly(QualityRule.TEMPLATE_PHRASE);
		assertThat(model.raise(template, EnumSet.of(QualityRule.TEMPLATE_PHRASE))).isEmpty();
		assertThat(model.probability(QualityRule.REDIRECT, template)).isZero();
		assertThat(model.raise(new String[] { "s=бригад", "n1" }, EnumSet.noneOf(QualityRule.class))).isEmpty();
		thresholds.put(QualityRule.TEMPLATE_PHRASE, 1.01);
		assertThat(LearnedCoach.train(examples, features, thresholds).raise(template, EnumSet.noneOf(QualityRule.class)))
			.as("a threshold above 1 switches the rule's model off")
			.isEmpty();
	}

	@Test
	void aLearnedFindingCoversTheWholeAnswerWithItsOwnMessage() {
		// A nominal non-answer in new wording that no phrase of formalism.txt covers; the shipped model
		// gives it about 0.75, so a lower threshold makes the model raise it.
		String text = "Ремонт кровли многоквартирного дома включается в региональную программу исходя из "
				+ "технического состояния конструктивных элементов. Включение объекта производится по итогам "
				+ "мониторинга.";
		assertThat(RULES.analyse(text, null).findings()).noneMatch((f) -> f.rule() == QualityRule.FORMALISM);
		Map<QualityRule, Double> thresholds = new HashMap<>(LearnedCoach.DEFAULT_THRESHOLDS);
		thresholds.put(QualityRule.FORMALISM, 0.5);
		QualityEngine engine = new QualityEngine(LearnedCoach.shippedExamples(), thresholds);
		List<QualityFinding> formalism = engine.analyse(text, null)
			.findings()
			.stream()
			.filter((f) -> f.rule() == QualityRule.FORMALISM)
			.toList();
		assertThat(formalism).singleElement().satisfies((f) -> {
			assertThat(f.start()).isNull();
			assertThat(f.message()).startsWith("Ответ в целом написан канцеляритом");
		});
	}

	@Test
	void plainConcreteAnswersInNewWordingStayClean() {
		QualityService coach = new QualityService(QualityProperties.defaults());
		for (String text : List.of(
				"Здравствуйте, Павел! Мы передали вашу заявку электрикам, фонарь у дома 7 заменят 3 марта.",
				"Добрый день! Спасибо, что написали. Вывоз веток с Садовой назначен на 14 апреля, машину пришлёт "
						+ "МУП «Чистый город», бригадир Олег Сазонов, 8 (4132) 61-20-30.")) {
			assertThat(coach.check(text, null).findings()).as(text).isEmpty();
		}
	}

	@Test
	void theShippedTrainingDataHoldsNoHeldOutDevAnswerAndNoOwnSetE() {
		List<LearnedCoach.Example> examples = LearnedCoach.shippedExamples();
		assertThat(examples).hasSizeGreaterThan(150);
		Set<String> sets = new java.util.TreeSet<>();
		for (LearnedCoach.Example example : examples) {
			sets.add(example.set());
			if (example.id().startsWith("ad")) {
				assertThat(DevDataset.isTuning(example.id())).as(example.id() + " is in the tuning part").isTrue();
			}
			assertThat(example.id()).doesNotStartWith("owne");
			assertThat(example.id()).doesNotStartWith("ownf");
		}
		assertThat(sets).containsExactly("A", "B", "C", "D", "tuning");
	}

}
