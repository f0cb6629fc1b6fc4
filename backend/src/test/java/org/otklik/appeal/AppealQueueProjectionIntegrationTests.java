package org.otklik.appeal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.otklik.support.IntegrationTestSupport;

import org.springframework.core.ParameterizedTypeReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A queue page fetches only the stored fields its selection reads ({@link AppealSearch#SUMMARY_READS}); what it
 * answers must be what the same selection answers from full appeals, cursors included, in both orders.
 */
class AppealQueueProjectionIntegrationTests extends IntegrationTestSupport {

	/** The PWA's queue selection (as {@code bench/queue.mjs} asks for it). */
	private static final String QUEUE_FIELDS = """
			id number version status channel text municipality category urgent receivedAt
			firstRespondedAt answeredAt redirectCount agency { id name } executor { id name }
			sla { paused firstResponse { state dueAt } finalAnswer { state dueAt } }""";

	private static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() {
	};

	@Test
	void theQueueSelectionAnswersAsFromFullAppeals() {
		String marker = "проекция" + Math.abs(uniqueId().hashCode());
		String taken = ingest("Поликлиника " + marker, Map.of("authorName", "Анна Сидорова"));
		String assigned = ingest("Дорога " + marker);
		ingest("Не распределено " + marker);
		AppealLifecycleIntegrationTests.ok(curator(), "assignAppeal",
				Map.of("appealId", taken, "agencyId", agency(HEALTH).id()));
		AppealLifecycleIntegrationTests.ok(curator(), "assignAppeal",
				Map.of("appealId", assigned, "agencyId", agency(TENKA).id()));
		AppealLifecycleIntegrationTests.ok(executor(HEALTH), "takeAppeal", Map.of("appealId", taken));

		for (String order : List.of("RECEIVED_DESC", "DUE_ASC")) {
			Map<String, Object> projected = page(marker, order, QUEUE_FIELDS);
			// history reads a list a summary leaves out, so this selection gets full appeals.
			Map<String, Object> full = withoutHistory(page(marker, order, QUEUE_FIELDS + " history { type }"));

			assertThat(edges(projected)).as(order).isNotEmpty();
			assertThat(projected).as(order).isEqualTo(full);
		}
		assertThat(edges(page(marker, "RECEIVED_DESC", QUEUE_FIELDS))).hasSize(3);
		Map<String, Object> node = node(page(marker, "RECEIVED_DESC", QUEUE_FIELDS), taken);
		assertThat(node.get("executor")).isNotNull();
		assertThat(node.get("agency")).isEqualTo(Map.of("id", agency(HEALTH).id(), "name", agency(HEALTH).name()));
		assertThat(node.get("sla")).isNotNull();
		assertThat(node.get("text")).isEqualTo("Поликлиника " + marker);
	}

	private Map<String, Object> page(String marker, String order, String fields) {
		return curator().document("query($filter: AppealFilter, $order: AppealOrder) { appeals(filter: $filter, orderBy: $order, first: 50) "
				+ "{ edges { cursor node { " + fields + " } } pageInfo { hasNextPage endCursor } } }")
			.variable("filter", Map.of("text", marker))
			.variable("order", order)
			.execute()
			.path("appeals")
			.entity(MAP)
			.get();
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> edges(Map<String, Object> page) {
		return (List<Map<String, Object>>) page.get("edges");
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> node(Map<String, Object> page, String id) {
		return edges(page).stream()
			.map(edge -> (Map<String, Object>) edge.get("node"))
			.filter(node -> id.equals(node.get("id")))
			.findFirst()
			.orElseThrow();
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> withoutHistory(Map<String, Object> page) {
		List<Map<String, Object>> edges = new ArrayList<>();
		for (Map<String, Object> edge : edges(page)) {
			Map<String, Object> node = new LinkedHashMap<>((Map<String, Object>) edge.get("node"));
			assertThat(node.remove("history")).isNotNull();
			edges.add(Map.of("cursor", edge.get("cursor"), "node", node));
		}
		Map<String, Object> result = new LinkedHashMap<>(page);
		result.put("edges", edges);
		return result;
	}

}
