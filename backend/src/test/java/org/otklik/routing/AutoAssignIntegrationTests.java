package org.otklik.routing;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.otklik.support.IntegrationTestSupport;

import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Automatic delivery switched on (with any confidence enough, so the test does not depend on the model's
 * probabilities; the thresholds have unit tests): a new appeal goes to the suggested agency, and the
 * history says it was done «автоматически».
 */
@TestPropertySource(properties = { "otklik.routing.auto-assign.enabled=true", "otklik.routing.auto-assign.min-confidence=0",
		"otklik.routing.auto-assign.urgent-min-confidence=0" })
class AutoAssignIntegrationTests extends IntegrationTestSupport {

	static final String APPEAL = """
			query($id: ID!) { appeal(id: $id) { status agency { code } history { type actor { name } } } }""";

	@Test
	void aNewAppealGoesToTheSuggestedAgencyAutomatically() {
		String id = ingest("В Усть-Омчуге на улице Мира огромная яма посреди дороги, машины бьют колёса");
		await(() -> "ASSIGNED".equals(curator().document(APPEAL).variable("id", id).execute().path("appeal.status")
			.entity(String.class).get()), "the automatic assignment");
		Map<?, ?> appeal = curator().document(APPEAL).variable("id", id).execute().path("appeal").entity(Map.class).get();
		assertThat(appeal.get("agency")).isEqualTo(Map.of("code", TENKA));
		List<?> history = (List<?>) appeal.get("history");
		assertThat(history).anySatisfy(h -> {
			Map<?, ?> entry = (Map<?, ?>) h;
			assertThat(entry.get("type")).isEqualTo("ASSIGNED");
			assertThat(entry.get("actor")).isEqualTo(Map.of("name", "автоматически"));
		});
	}

	static final String AUTOMATIC_ROUTING = """
			{ regionStats(period: {kind: DAY}) { figures { received } automaticRouting { delivered redirected share redirectedShare } } }""";

	static final String REDIRECT = """
			mutation($input: RedirectAppealInput!) { redirectAppeal(input: $input) { errors { code message } } }""";

	private Map<?, ?> automaticRouting() {
		return curator().document(AUTOMATIC_ROUTING).execute().path("regionStats.automaticRouting").entity(Map.class).get();
	}

	@Test
	void regionStatsCountAutomaticDeliveriesAndTheirRedirects() {
		Map<?, ?> before = automaticRouting();
		String id = ingest("В Усть-Омчуге на улице Горняков провал асфальта у остановки, объезжаем по встречке");
		await(() -> (Integer) automaticRouting().get("delivered") == (Integer) before.get("delivered") + 1,
				"the automatic delivery counted");
		Map<?, ?> delivered = automaticRouting();
		assertThat(delivered.get("redirected")).isEqualTo(before.get("redirected"));
		int received = curator().document(AUTOMATIC_ROUTING).execute().path("regionStats.figures.received")
			.entity(Integer.class).get();
		assertThat((Double) delivered.get("share")).isEqualTo((Integer) delivered.get("delivered") / (double) received);

		curator().document(REDIRECT)
			.variable("input", Map.of("appealId", id, "agencyId", agency(MAGADAN).id(), "reason", "Это не Тенька"))
			.execute()
			.path("redirectAppeal.errors").entityList(Object.class).hasSize(0);
		await(() -> (Integer) automaticRouting().get("redirected") == (Integer) before.get("redirected") + 1,
				"the redirect counted");
		Map<?, ?> after = automaticRouting();
		assertThat(after.get("delivered")).isEqualTo(delivered.get("delivered"));
		assertThat((Double) after.get("redirectedShare"))
			.isEqualTo((Integer) after.get("redirected") / ((Integer) after.get("delivered")).doubleValue());
	}

	@Test
	void executorsDoNotSeeTheRegionsAutomaticRouting() {
		executor(TENKA).document(AUTOMATIC_ROUTING).execute().errors().satisfy(errors -> assertThat(errors).isNotEmpty());
	}

	@Test
	void aMessageThatIsNotAnAppealIsLeftForModeration() {
		String id = ingest("Огромное спасибо дорожникам Усть-Омчуга за чистые улицы!");
		await(() -> this.mongo.exists(org.springframework.data.mongodb.core.query.Query.query(
				org.springframework.data.mongodb.core.query.Criteria.where("_id").is(id)), "routingSuggestions")
			.block(java.time.Duration.ofSeconds(5)), "the suggestion");
		curator().document(APPEAL).variable("id", id).execute().path("appeal.status").entity(String.class).isEqualTo("NEW");
	}

}
