package org.otklik.audit;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.otklik.support.IntegrationTestSupport;

import static org.assertj.core.api.Assertions.assertThat;

/** Every change of an appeal reaches the audit log from the event stream, once, with who made it. */
class AuditTrailIntegrationTests extends IntegrationTestSupport {

	@Test
	void everyChangeIsRecordedOnceWithItsActor() throws InterruptedException {
		String id = ingest("Не работает лифт в поликлинике");
		curator().document("mutation($in: AssignAppealInput!) { assignAppeal(input: $in) { errors { code } } }")
			.variable("in", Map.of("appealId", id, "agencyId", agency(HEALTH).id()))
			.execute().path("assignAppeal.errors").entityList(Object.class).hasSize(0);
		executor(HEALTH).document("mutation($in: TakeAppealInput!) { takeAppeal(input: $in) { errors { code } } }")
			.variable("in", Map.of("appealId", id))
			.execute().path("takeAppeal.errors").entityList(Object.class).hasSize(0);

		List<Map<String, Object>> entries = List.of();
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (entries.size() < 3 && System.nanoTime() < deadline) {
			Thread.sleep(100);
			entries = changes(id);
		}
		// Oldest first: the log lists newest first.
		assertThat(entries).extracting(e -> e.get("detail")).containsExactly("TAKEN", "ASSIGNED", "RECEIVED");
		assertThat(entries.get(0)).containsEntry("actorId", "exec.minzdrav");
		assertThat(entries.get(1)).containsEntry("actorId", "curator");
		assertThat(entries.get(0).get("actorRoles")).isEqualTo(List.of("EXECUTOR"));
	}

	@SuppressWarnings("unchecked")
	List<Map<String, Object>> changes(String appealId) {
		return (List<Map<String, Object>>) (List<?>) curator()
			.document("query($id: ID) { auditLog(filter: { appealId: $id, action: STATE_CHANGE }, first: 10) "
					+ "{ edges { node { actorId actorRoles detail } } } }")
			.variable("id", appealId)
			.execute()
			.path("auditLog.edges[*].node")
			.entityList(Map.class)
			.get();
	}

}
