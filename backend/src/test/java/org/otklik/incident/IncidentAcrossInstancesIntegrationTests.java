package org.otklik.incident;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.otklik.support.IntegrationTestSupport;
import org.otklik.support.SecondInstance;
import reactor.core.publisher.Flux;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.graphql.client.HttpGraphQlClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances on one database take a burst of posts about one outage, sent all at once: each instance
 * groups the events it wins, at the same moments as the other, and still exactly one incident comes out.
 */
class IncidentAcrossInstancesIntegrationTests extends IntegrationTestSupport {

	@Autowired
	de.bwaldvogel.mongo.MongoServer embeddedServer;

	@Test
	void concurrentIntakeOnTwoInstancesMakesOneIncident() {
		try (ConfigurableApplicationContext second = SecondInstance.start(this.embeddedServer)) {
			HttpGraphQlClient client = client(this.tokens.integrator("test-integrator"));
			// The same thirty posts, about Сусуман (another settlement than the other tests' incidents).
			List<String> texts = IncidentIntegrationTests.SINEGORYE_OUTAGE.stream()
				.map(text -> text.replace("В Синегорье", "В Сусумане")
					.replace("в Синегорье", "в Сусумане")
					.replace("Синегорья", "Сусумана")
					.replace("Синегорье", "Сусуман"))
				.toList();
			List<String> ids = Flux.fromIterable(texts)
				.flatMap(text -> client.document("""
						mutation($input: IngestAppealInput!) { ingestAppeal(input: $input) { appeal { id } errors { code } } }""")
					.variable("input", new HashMap<>(Map.of("channel", "VK", "externalId", uniqueId(), "text",
							text)))
					.retrieve("ingestAppeal.appeal.id")
					.toEntity(String.class), 15)
				.collectList()
				.block(Duration.ofSeconds(60));
			assertThat(ids).hasSize(30);
			await(() -> ids.stream().allMatch(id -> incidentOf(id) != null), "every post grouped");
			Set<Object> incidents = ids.stream().map(id -> incidentOf(id).get("id")).collect(Collectors.toSet());
			assertThat(incidents).hasSize(1);
			assertThat(incidentOf(ids.get(0)).get("size")).isEqualTo(30);
		}
	}

	private Map<?, ?> incidentOf(String appealId) {
		Map<?, ?> appeal = curator().document(IncidentIntegrationTests.INCIDENT_OF).variable("id", appealId).execute()
			.path("appeal").entity(Map.class).get();
		return (Map<?, ?>) appeal.get("incident");
	}

}
