package org.otklik.appeal;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.otklik.graphql.Connection;
import org.otklik.security.Caller;
import org.otklik.security.Role;
import org.otklik.support.IntegrationTestSupport;

import org.springframework.beans.factory.annotation.Autowired;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The queue page as the PWA asks for it: agencies come from one loader keyed by agency id, and the caller,
 * resolved once per request, still decides each field (personal data) and the scope.
 */
class AppealQueuePageIntegrationTests extends IntegrationTestSupport {

	private static final String PAGE = """
			query($filter: AppealFilter) { appeals(filter: $filter, first: 50) {
			  edges { node { id agency { id name } author { name } sla { paused } } } } }""";

	private static final ParameterizedTypeReference<List<Map<String, Object>>> EDGES = new ParameterizedTypeReference<>() {
	};

	@Test
	void eachAppealNamesItsOwnAgencyAndAnUnassignedOneNone() {
		String marker = "очередь" + Math.abs(uniqueId().hashCode());
		String health1 = ingest("Поликлиника 1 " + marker);
		String health2 = ingest("Поликлиника 2 " + marker);
		String tenka = ingest("Дорога " + marker);
		String unassigned = ingest("Не распределено " + marker);
		assign(health1, HEALTH);
		assign(health2, HEALTH);
		assign(tenka, TENKA);

		Map<String, Map<String, Object>> page = page(curator(), marker);

		assertThat(page).containsOnlyKeys(health1, health2, tenka, unassigned);
		assertThat(agencyName(page, health1)).isEqualTo(agency(HEALTH).name());
		assertThat(agencyName(page, health2)).isEqualTo(agency(HEALTH).name());
		assertThat(agencyName(page, tenka)).isEqualTo(agency(TENKA).name());
		assertThat(page.get(unassigned).get("agency")).isNull();
		assertThat(page.get(health1).get("sla")).isNotNull();
	}

	@Test
	void theCallerOfEachRequestDecidesPersonalDataAndScope() {
		String marker = "автор" + Math.abs(uniqueId().hashCode());
		String health = ingest("Поликлиника " + marker, Map.of("authorName", "Иван Петров"));
		String tenka = ingest("Дорога " + marker, Map.of("authorName", "Пётр Иванов"));
		assign(health, HEALTH);
		assign(tenka, TENKA);

		// Back to back with different callers: nothing of one request's caller reaches the next.
		Map<String, Map<String, Object>> executor = page(executor(HEALTH), marker);
		Map<String, Map<String, Object>> head = page(head(HEALTH), marker);
		Map<String, Map<String, Object>> curator = page(curator(), marker);

		assertThat(executor).containsOnlyKeys(health);
		assertThat(executor.get(health).get("author")).isEqualTo(Map.of("name", "Иван Петров"));
		// A head sees the agency's appeals but not who wrote them.
		assertThat(head).containsOnlyKeys(health);
		assertThat(head.get(health).get("author")).isNull();
		assertThat(curator).containsOnlyKeys(health, tenka);
		assertThat(curator.get(tenka).get("author")).isEqualTo(Map.of("name", "Пётр Иванов"));
	}

	@Test
	void aPageThatAsksForHistoryAndAnswersGetsThem() {
		String marker = "история" + Math.abs(uniqueId().hashCode());
		String health = ingest("Поликлиника " + marker);
		assign(health, HEALTH);

		List<Map<String, Object>> edges = curator().document("""
				query($filter: AppealFilter) { appeals(filter: $filter, first: 50) {
				  edges { node { id history { type } answers { id } viewerCan { assign } } } } }""")
			.variable("filter", Map.of("text", marker))
			.execute()
			.path("appeals.edges")
			.entity(EDGES)
			.get();

		assertThat(edges).hasSize(1);
		@SuppressWarnings("unchecked")
		Map<String, Object> node = (Map<String, Object>) edges.get(0).get("node");
		// Received and assigned: the full appeal, not a summary with an empty history.
		assertThat((List<?>) node.get("history")).hasSizeGreaterThanOrEqualTo(2);
		assertThat((List<?>) node.get("answers")).isEmpty();
		assertThat(node.get("viewerCan")).isNotNull();
	}

	/**
	 * The summary fetch names the fields it includes (the embedded server clones whole documents for an
	 * exclusion); whatever it names, each summary appeal must be the full one without the omitted lists.
	 */
	@Test
	void aSummaryAppealIsTheFullOneWithoutItsGrowingLists() {
		String marker = "сводка" + Math.abs(uniqueId().hashCode());
		String health = ingest("Поликлиника " + marker, Map.of("authorName", "Анна Сидорова"));
		ingest("Дорога " + marker);
		assign(health, HEALTH);
		Caller curator = new Caller("test-curator", "Куратор", Set.of(Role.CURATOR), null, null);
		AppealInputs.AppealFilter filter = new AppealInputs.AppealFilter(null, null, null, null, null, null, null, null,
				marker, null, null, null, null, null);

		List<Appeal> full = pageOf(curator, filter, false);
		List<Appeal> summary = pageOf(curator, filter, true);

		assertThat(full).hasSize(2);
		assertThat(full.stream().filter(a -> a.id().equals(health)).findFirst().orElseThrow().history()).isNotEmpty();
		assertThat(summary).isEqualTo(full.stream().map(AppealQueuePageIntegrationTests::withoutLists).toList());
		assertThat(this.search.summaryInclusions()).contains("_id", "version", "agencyId", "sla", "author", "number")
			.doesNotContain("answers", "history", "messages", "searchTerms");
	}

	@Autowired
	private AppealSearch search;

	private List<Appeal> pageOf(Caller caller, AppealInputs.AppealFilter filter, boolean summary) {
		return this.search.appeals(caller, filter, null, 50, null, summary)
			.map(page -> page.edges().stream().map(Connection.Edge::node).toList())
			.block(Duration.ofSeconds(30));
	}

	private static Appeal withoutLists(Appeal a) {
		return new Appeal(a.id(), a.version(), a.status(), a.channel(), a.externalId(), a.url(), a.postedAt(), a.text(),
				a.author(), a.municipality(), a.category(), a.urgent(), a.reach(), a.agencyId(), a.executor(), List.of(),
				List.of(), a.redirectCount(), a.returnCount(), a.receivedAt(), a.firstRespondedAt(), a.answeredAt(),
				a.closedAt(), a.reopenedAt(), List.of(), a.ingestedBy(), a.lastEvent(), a.sla(), a.source(), List.of(),
				a.number(), a.settlement());
	}

	private void assign(String appealId, String agencyCode) {
		AppealLifecycleIntegrationTests.ok(curator(), "assignAppeal",
				Map.of("appealId", appealId, "agencyId", agency(agencyCode).id()));
	}

	private static Map<String, Map<String, Object>> page(HttpGraphQlTester tester, String marker) {
		List<Map<String, Object>> edges = tester.document(PAGE)
			.variable("filter", Map.of("text", marker))
			.execute()
			.path("appeals.edges")
			.entity(EDGES)
			.get();
		Map<String, Map<String, Object>> byId = new HashMap<>();
		for (Map<String, Object> edge : edges) {
			@SuppressWarnings("unchecked")
			Map<String, Object> node = (Map<String, Object>) edge.get("node");
			byId.put((String) node.get("id"), node);
		}
		return byId;
	}

	@SuppressWarnings("unchecked")
	private static Object agencyName(Map<String, Map<String, Object>> page, String id) {
		return ((Map<String, Object>) page.get(id).get("agency")).get("name");
	}

}
