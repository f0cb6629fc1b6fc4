package org.otklik.quality;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Scoring, limits, properties and thread-safety of {@link QualityService}. */
class QualityServiceTests {

	private static final String GOOD = "Здравствуйте, Ирина Олеговна! Спасибо, что сообщили о протечке. 14 мая кровельщики "
			+ "ООО «Крыша» заменят два листа кровли над вашей квартирой. Ответственный — мастер Юрий Сергеевич Белов, "
			+ "8 (4132) 60-11-22.";

	private static final String BAD = "Ваше обращение рассмотрено. По данному вопросу рекомендуем обратиться в "
			+ "управляющую организацию, содержание общего имущества осуществляется в установленном порядке "
			+ "в соответствии с действующим законодательством.";

	@Test
	void answerWithoutFindingsScoresOneHundred() {
		QualityReport report = Coach.SERVICE.check(GOOD, null);
		assertThat(report.findings()).isEmpty();
		assertThat(report.score()).isEqualTo(100);
	}

	@Test
	void eachDistinctRuleTakesItsPenaltyOnce() {
		QualityReport report = Coach.SERVICE.check(BAD, null);
		assertThat(report.findings()).extracting(QualityFinding::rule)
			.contains(QualityRule.TEMPLATE_PHRASE, QualityRule.REDIRECT, QualityRule.FORMALISM,
					QualityRule.NO_POLITENESS, QualityRule.NO_SPECIFICS);
		// 100 - 15 - 25 - 20 - 20 - 25 (- 5 if TOO_COMPLEX), clamped at zero.
		assertThat(report.score()).isZero();
	}

	@Test
	void penaltiesAreConfigurablePerRegion() {
		QualityProperties lenient = new QualityProperties(null, null, null, Map.of(QualityRule.NO_SPECIFICS, 5));
		String vague = "Здравствуйте! Спасибо, что написали. Мы разберёмся.";
		assertThat(new QualityService(lenient).check(vague, null).score()).isEqualTo(95);
	}

	@Test
	void findingsAreOrderedByPositionWithWholeAnswerFindingsLast() {
		List<QualityFinding> findings = Coach.SERVICE.check(BAD, null).findings();
		Integer previous = -1;
		boolean seenNull = false;
		for (QualityFinding finding : findings) {
			if (finding.start() == null) {
				seenNull = true;
				assertThat(finding.end()).isNull();
				continue;
			}
			assertThat(seenNull).as("fragment findings come before whole-answer ones").isFalse();
			assertThat(finding.start()).isGreaterThanOrEqualTo(previous);
			assertThat(finding.end()).isGreaterThan(finding.start()).isLessThanOrEqualTo(BAD.length());
			previous = finding.start();
		}
	}

	@Test
	void everyFindingHasARussianMessageAndSuggestion() {
		for (QualityFinding finding : Coach.SERVICE.check(BAD, null).findings()) {
			assertThat(finding.message()).isNotBlank().containsPattern("[а-яА-Я]").doesNotContain("{0}");
			assertThat(finding.suggestion()).isNotBlank().doesNotContain("{0}");
		}
	}

	@Test
	void rejectsTextLongerThanTheLimit() {
		QualityService service = new QualityService(new QualityProperties(null, null, 100, null));
		assertThatThrownBy(() -> service.check("а".repeat(101), null)).isInstanceOf(AnswerTooLongException.class)
			.hasMessageContaining("не более 100");
		assertThat(service.check("а".repeat(100), null)).isNotNull();
	}

	@Test
	void emptyAnswerIsReportedNotRejected() {
		QualityReport report = Coach.SERVICE.check("", null);
		assertThat(report.findings()).extracting(QualityFinding::rule)
			.contains(QualityRule.NO_POLITENESS, QualityRule.NO_SPECIFICS);
		assertThat(report.readability().wordCount()).isZero();
	}

	@Test
	void blocksOnlyWhenTheRegionSetsAThreshold() {
		QualityReport poor = Coach.SERVICE.check(BAD, null);
		assertThat(QualityProperties.defaults().blocks(poor)).isFalse();
		assertThat(QualityProperties.defaults().warns(poor)).isTrue();
		assertThat(new QualityProperties(50, null, null, null).blocks(poor)).isTrue();
	}

	@Test
	void rejectsThresholdsOutsideZeroToOneHundred() {
		assertThatThrownBy(() -> new QualityProperties(101, null, null, null))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new QualityProperties(null, null, null, Map.of(QualityRule.REDIRECT, -1)))
			.isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void concurrentChecksGiveTheSameReportsAsSequentialOnes() throws Exception {
		List<String> texts = List.of(GOOD, BAD, "Потерпите.", "Обратитесь в суд.");
		List<QualityReport> expected = texts.stream().map((text) -> Coach.SERVICE.check(text, null)).toList();
		ExecutorService pool = Executors.newFixedThreadPool(4);
		try {
			for (int round = 0; round < 50; round++) {
				List<Future<QualityReport>> futures = texts.stream()
					.map((text) -> pool.submit(() -> Coach.SERVICE.check(text, null)))
					.toList();
				for (int i = 0; i < texts.size(); i++) {
					assertThat(futures.get(i).get()).isEqualTo(expected.get(i));
				}
			}
		}
		finally {
			pool.shutdownNow();
		}
	}

}
