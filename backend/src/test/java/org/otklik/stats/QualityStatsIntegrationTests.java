package org.otklik.stats;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.otklik.agency.AgencyKind;
import org.otklik.appeal.AppealLifecycleIntegrationTestsAccess;
import org.otklik.region.Category;
import org.otklik.support.IntegrationTestSupport;

import org.springframework.core.ParameterizedTypeReference;

import static org.assertj.core.api.Assertions.assertThat;

class QualityStatsIntegrationTests extends IntegrationTestSupport {

	static final String AGENCY = "QUALITY_A";

	static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() {
	};

	static final String STATS = """
			query($agency: ID) { qualityStats(agencyId: $agency, period: { kind: DAY }) {
			  answers averageScore rules { rule answers share examples }
			  executors { executor { id } answers rules { rule answers } }
			  trend { date answers rules { rule answers } } } }""";

	@Test
	void submittedAnswersKeepTheirReportAndFeedTheGrowthZones() {
		String agencyId = agency(AGENCY, "Ведомство для проверки качества", AgencyKind.MINISTRY,
				List.of(Category.CULTURE), null).id();
		String id = ingest("В доме нет горячей воды уже неделю, управляющая компания не отвечает");
		AppealLifecycleIntegrationTestsAccess.ok(curator(), "assignAppeal", Map.of("appealId", id, "agencyId", agencyId));
		AppealLifecycleIntegrationTestsAccess.ok(executor(AGENCY), "takeAppeal", Map.of("appealId", id));
		Map<String, Object> answered = AppealLifecycleIntegrationTestsAccess.ok(executor(AGENCY), "submitAnswer",
				Map.of("appealId", id, "kind", "INTERIM", "text", "Обратитесь в управляющую компанию."));

		List<Map<String, Object>> findings = curator()
			.document("query($id: ID!) { appeal(id: $id) { answers { quality { score findings { rule start end } } } } }")
			.variable("id", id).execute().path("appeal.answers[0].quality.findings").entityList(Map.class).get()
			.stream().map(m -> (Map<String, Object>) m).toList();
		assertThat(findings).extracting(f -> f.get("rule")).contains("REDIRECT", "NO_POLITENESS");
		assertThat(answered).isNotNull();

		Map<String, Object> stats = head(AGENCY).document(STATS).variable("agency", agencyId).execute()
			.path("qualityStats").entity(MAP).get();
		assertThat(stats).containsEntry("answers", 1);
		List<Map<String, Object>> rules = (List<Map<String, Object>>) stats.get("rules");
		assertThat(rules).filteredOn(r -> r.get("rule").equals("REDIRECT")).singleElement().satisfies(r -> {
			assertThat(r).containsEntry("answers", 1).containsEntry("share", 1.0);
			assertThat((List<String>) r.get("examples")).anySatisfy(e -> assertThat(e).containsIgnoringCase("обратитесь"));
		});
		// The most frequent mistakes come first.
		assertThat(rules.get(0).get("answers")).isEqualTo(1);
		assertThat(rules.get(rules.size() - 1).get("answers")).isEqualTo(0);
		List<Map<String, Object>> executors = (List<Map<String, Object>>) stats.get("executors");
		assertThat(executors).singleElement().satisfies(e -> assertThat(e).containsEntry("answers", 1));
		List<Map<String, Object>> trend = (List<Map<String, Object>>) stats.get("trend");
		assertThat(trend).singleElement().satisfies(d -> assertThat(d).containsEntry("answers", 1));
	}

	@Test
	void growthZonesOfAnotherAgencyAreForbidden() {
		String agencyId = agency(AGENCY, "Ведомство для проверки качества", AgencyKind.MINISTRY,
				List.of(Category.CULTURE), null).id();
		head(HEALTH).document(STATS).variable("agency", agencyId).execute().errors()
			.satisfy(errors -> assertThat(errors).singleElement()
				.satisfies(e -> assertThat(e.getErrorType().toString()).isEqualTo("FORBIDDEN")));
		head(HEALTH).document(STATS).execute().errors()
			.satisfy(errors -> assertThat(errors).singleElement()
				.satisfies(e -> assertThat(e.getErrorType().toString()).isEqualTo("FORBIDDEN")));
		curator().document(STATS).execute().path("qualityStats.answers").entity(Integer.class)
			.satisfies(n -> assertThat(n).isGreaterThanOrEqualTo(0));
	}

}
