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

	@Test
	void aMessageThatIsNotAnAppealIsLeftForModeration() {
		String id = ingest("Огромное спасибо дорожникам Усть-Омчуга за чистые улицы!");
		await(() -> this.mongo.exists(org.springframework.data.mongodb.core.query.Query.query(
				org.springframework.data.mongodb.core.query.Criteria.where("_id").is(id)), "routingSuggestions")
			.block(java.time.Duration.ofSeconds(5)), "the suggestion");
		curator().document(APPEAL).variable("id", id).execute().path("appeal.status").entity(String.class).isEqualTo("NEW");
	}

}
