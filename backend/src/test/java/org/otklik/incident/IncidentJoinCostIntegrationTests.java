package org.otklik.incident;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.otklik.incident.internal.IncidentStore;
import org.otklik.support.IntegrationTestSupport;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Joining an incident costs the same at any size: a new appeal is compared with a bounded sample of the
 * incident's newest members kept beside it, not with every member, and is appended in one update. Texts here
 * have no topic, so every join really compares words. Counts only reads of this test's own appeals.
 */
class IncidentJoinCostIntegrationTests extends IntegrationTestSupport {

	private static final String INCIDENT_OF = """
			query($id: ID!) { appeal(id: $id) { incident { id size } } }""";

	@Autowired
	IncidentStore store;

	private final Set<String> read = ConcurrentHashMap.newKeySet();

	@AfterEach
	void stopWatching() {
		this.store.watchMemberReads(null);
	}

	@Test
	void joiningALargeIncidentReadsNoMemberAndAppendsInOneUpdate() {
		this.store.watchMemberReads(this.read::add);
		int n = IncidentStore.SAMPLE_SIZE + 12;
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			ids.add(ingest("В Палатке не работает банкомат в магазине Север, нельзя снять наличные, обращение "
					+ "номер " + (i + 1)));
		}
		String last = ids.get(n - 1);
		await(() -> incidentOf(last) != null && ((Number) incidentOf(last).get("size")).intValue() == n,
				"every post in one incident");
		String incident = (String) incidentOf(ids.get(0)).get("id");
		for (String id : ids) {
			assertThat(incidentOf(id)).as(id).containsEntry("id", incident);
		}
		// No join read any member's features: each compared with the sample only.
		assertThat(this.read).doesNotContainAnyElementsOf(ids);
		// The sample stays bounded while the incident grows past it.
		Document samples = this.mongo.findById(incident, Document.class, "incidentSamples").block();
		assertThat(samples).isNotNull();
		assertThat(samples.getList("samples", Document.class)).hasSize(IncidentStore.SAMPLE_SIZE);
		// One update per join: made with two members at version 0, each later member moved it by one.
		Document stored = this.mongo.findOne(Query.query(Criteria.where("_id").is(incident)), Document.class,
				Incident.COLLECTION).block();
		assertThat(((Number) stored.get("version")).longValue()).isEqualTo(n - 2);
		assertThat(stored.getList("members", Document.class)).extracting(m -> m.getString("appealId"))
			.containsExactlyElementsOf(ids);
	}

	@Test
	void anIncidentWithoutSamplesAfterASplitReadsOnlyItsNewestMembers() {
		String card = "В Талой сломался терминал оплаты в аптеке на Центральной, сдачу не выдают";
		String cash = "В Талой сломался терминал оплаты в аптеке, карты не принимают, только наличные";
		List<String> ids = List.of(ingest(card), ingest(card + "!"), ingest(cash), ingest(cash + "!"));
		await(() -> ids.stream().allMatch(id -> incidentOf(id) != null)
				&& ((Number) incidentOf(ids.get(3)).get("size")).intValue() == 4, "the grouping");
		String incident = (String) incidentOf(ids.get(0)).get("id");
		String split = curator().document("""
				mutation($input: SplitIncidentInput!) { splitIncident(input: $input) { newIncident { id } errors { code } } }""")
			.variable("input", Map.of("incidentId", incident, "appealIds", List.of(ids.get(2), ids.get(3))))
			.execute()
			.path("splitIncident.errors").entityList(Object.class).hasSize(0)
			.path("splitIncident.newIncident.id").entity(String.class).get();
		this.store.watchMemberReads(this.read::add);
		String later = ingest(cash + "!!");
		await(() -> incidentOf(later) != null, "the later post joins");
		// It is most like the split-off pair, which has no samples of its own: their features are read from
		// the seen appeals (at most the sample size), the original incident's come from its samples.
		assertThat(incidentOf(later)).containsEntry("id", split);
		assertThat(this.read).containsExactlyInAnyOrder(ids.get(2), ids.get(3));
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> incidentOf(String appealId) {
		Map<?, ?> appeal = curator().document(INCIDENT_OF).variable("id", appealId).execute().path("appeal")
			.entity(Map.class).get();
		return (Map<String, Object>) appeal.get("incident");
	}

}
