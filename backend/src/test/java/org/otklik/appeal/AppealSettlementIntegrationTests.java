package org.otklik.appeal;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.otklik.region.Category;
import org.otklik.region.Municipality;
import org.otklik.support.IntegrationTestSupport;
import reactor.core.Disposable;
import reactor.core.publisher.Sinks;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.otklik.appeal.AppealAssignClassificationIntegrationTests.last;
import static org.otklik.appeal.AppealAssignClassificationIntegrationTests.map;

/**
 * The appeal's settlement (from the sender, from the text, from the curator) and {@code reclassifyAppeal}:
 * a curator's correction of an appeal in work that re-chooses the SLA policy, is recorded and streamed, and
 * is refused for finished appeals and for everyone but curators.
 */
class AppealSettlementIntegrationTests extends IntegrationTestSupport {

	static final String FIELDS = """
			fragment fields on Appeal {
			  id version status category municipality settlement urgent agency { code } executor { id }
			  sla { policy { code } finalAnswer { dueAt } }
			  answers { id }
			  viewerCan { reclassify }
			  history { type fromStatus toStatus
			    classification { fromCategory toCategory fromMunicipality toMunicipality fromUrgent toUrgent
			      fromSettlement toSettlement } } }
			""";

	static final String INGEST = """
			mutation($input: IngestAppealInput!) { ingestAppeal(input: $input) {
			  appeal { ...fields } errors { code field message } } }
			""" + FIELDS;

	static final String APPEAL = "query($id: ID!) { appeal(id: $id) { ...fields } }\n" + FIELDS;

	static final String SETTLED = """
			query($s: String!) { appeals(filter: {settlement: $s}, first: 100) { edges { node { id settlement } } } }""";

	@Autowired
	AppealEventStream events;

	private Map<String, Object> appeal(String id) {
		return curator().document(APPEAL).variable("id", id).execute().path("appeal").entity(MAP).get();
	}

	private Map<String, Object> ingestPayload(String text, Object... pairs) {
		Map<String, Object> input = new HashMap<>(Map.of("channel", "VK", "externalId", uniqueId(), "text", text));
		for (int i = 0; i < pairs.length; i += 2) {
			input.put((String) pairs[i], pairs[i + 1]);
		}
		return integrator().document(INGEST).variable("input", input).execute().path("ingestAppeal").entity(MAP).get();
	}

	/** Runs a mutation whose payload has {@code appeal} and {@code errors}; returns the payload. */
	private Map<String, Object> mutate(HttpGraphQlTester tester, String name, Map<String, Object> input) {
		String type = Character.toUpperCase(name.charAt(0)) + name.substring(1) + "Input";
		return tester.document("mutation($input: " + type + "!) { " + name
				+ "(input: $input) { appeal { ...fields } errors { code field message } } }\n" + FIELDS)
			.variable("input", input).execute().path(name).entity(MAP).get();
	}

	private Map<String, Object> ok(HttpGraphQlTester tester, String name, Map<String, Object> input) {
		Map<String, Object> payload = mutate(tester, name, input);
		assertThat((List<?>) payload.get("errors")).as(name).isEmpty();
		return map(payload.get("appeal"));
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> errors(Map<String, Object> payload) {
		return (List<Map<String, Object>>) payload.get("errors");
	}

	private static Instant finalDue(Map<String, Object> appeal) {
		return Instant.parse((String) map(map(appeal.get("sla")).get("finalAnswer")).get("dueAt"));
	}

	private static String policy(Map<String, Object> appeal) {
		return (String) map(map(appeal.get("sla")).get("policy")).get("code");
	}

	// ------------------------------------------------------------------ intake

	@Test
	void aSettlementTheSenderGivesIsStoredInTheGazetteersSpelling() {
		Map<String, Object> payload = ingestPayload("Нет воды в доме " + uniqueId(), "municipality", "TENKINSKY",
				"settlement", "усть-омчуг");
		assertThat(errors(payload)).isEmpty();
		assertThat(map(payload.get("appeal"))).containsEntry("municipality", "TENKINSKY")
			.containsEntry("settlement", "Усть-Омчуг");
	}

	@Test
	void withoutOneTheSettlementTheTextNamesIsTaken() {
		Map<String, Object> named = map(ingestPayload("В Ягодном третий день нет воды " + uniqueId()).get("appeal"));
		assertThat(named).containsEntry("settlement", "Ягодное").containsEntry("municipality", null);
		Map<String, Object> same = map(ingestPayload("В Ягодном третий день нет воды " + uniqueId(), "municipality",
				"YAGODNINSKY").get("appeal"));
		assertThat(same).containsEntry("settlement", "Ягодное");
		// The sender said another municipality: the text's settlement does not belong there.
		Map<String, Object> elsewhere = map(ingestPayload("Ждём автобус из Ягодного " + uniqueId(), "municipality",
				"MAGADAN").get("appeal"));
		assertThat(elsewhere).containsEntry("settlement", null).containsEntry("municipality", "MAGADAN");
		Map<String, Object> none = map(ingestPayload("Не вывозят мусор " + uniqueId()).get("appeal"));
		assertThat(none).containsEntry("settlement", null);
	}

	@Test
	void aSettlementThatIsNotInTheMunicipalityIsRefusedAndNothingIsStored() {
		String externalId = uniqueId();
		for (Map<String, Object> payload : List.of(
				ingestPayload("Нет воды " + externalId, "municipality", "TENKINSKY", "settlement", "Атлантида"),
				ingestPayload("Нет воды " + externalId, "municipality", "TENKINSKY", "settlement", "Ягодное"),
				ingestPayload("Нет воды " + externalId, "settlement", "Ягодное"))) {
			assertThat(payload.get("appeal")).isNull();
			assertThat(errors(payload)).singleElement().satisfies(e -> assertThat(e).containsEntry("code", "INVALID")
				.containsEntry("field", List.of("input", "settlement")));
		}
		assertThat(curator().document(SETTLED).variable("s", "Атлантида").execute()
			.path("appeals.edges").entityList(Object.class).get()).isEmpty();
	}

	// ------------------------------------------------------------------ assignment

	@Test
	void anAssignmentSetsTheSettlementAndTheListFiltersByIt() {
		String id = ingest("Не горят фонари " + uniqueId());
		Map<String, Object> after = ok(curator(), "assignAppeal", Map.of("appealId", id, "agencyId", agency(TENKA).id(),
				"municipality", "TENKINSKY", "settlement", "Усть-Омчуг"));
		assertThat(after).containsEntry("settlement", "Усть-Омчуг").containsEntry("municipality", "TENKINSKY");
		assertThat(map(last(after).get("classification"))).containsEntry("fromSettlement", null)
			.containsEntry("toSettlement", "Усть-Омчуг")
			.containsEntry("toMunicipality", "TENKINSKY");
		List<String> found = curator().document(SETTLED).variable("s", "усть-омчуг").execute()
			.path("appeals.edges[*].node.id").entityList(String.class).get();
		assertThat(found).contains(id);

		String other = ingest("Не горят фонари " + uniqueId());
		Map<String, Object> refused = mutate(curator(), "assignAppeal", Map.of("appealId", other, "agencyId",
				agency(TENKA).id(), "municipality", "TENKINSKY", "settlement", "Синегорье"));
		assertThat(errors(refused)).singleElement().satisfies(e -> assertThat(e).containsEntry("code", "INVALID"));
		assertThat(appeal(other)).containsEntry("status", "NEW").containsEntry("settlement", null);
	}

	// ------------------------------------------------------------------ reclassification

	@Test
	void aCuratorReclassifiesAnAppealInWorkAndTheDeadlinesFollowTheUrgency() {
		String id = ingest("Во дворе яма на дороге " + uniqueId(), Map.of("category", "ROADS_TRANSPORT"));
		ok(curator(), "assignAppeal", Map.of("appealId", id, "agencyId", agency(TENKA).id()));
		Map<String, Object> inWork = ok(executor(TENKA), "takeAppeal", Map.of("appealId", id));
		assertThat(policy(inWork)).isNotEqualTo("URGENT");
		assertThat(map(inWork.get("viewerCan"))).containsEntry("reclassify", false);
		assertThat(map(appeal(id).get("viewerCan"))).containsEntry("reclassify", true);

		Sinks.One<AppealEvent> seen = Sinks.one();
		Disposable subscription = this.events
			.events(null, e -> e.appeal().id().equals(id) && e instanceof AppealEvent.AppealReclassified, 16)
			.subscribe(seen::tryEmitValue);
		try {
			Map<String, Object> after = ok(curator(), "reclassifyAppeal", Map.of("appealId", id, "category", "ENERGY",
					"municipality", "TENKINSKY", "settlement", "Усть-Омчуг", "urgent", true, "expectedVersion",
					inWork.get("version")));
			assertThat(after).containsEntry("status", "IN_PROGRESS")
				.containsEntry("category", "ENERGY")
				.containsEntry("municipality", "TENKINSKY")
				.containsEntry("settlement", "Усть-Омчуг")
				.containsEntry("urgent", true)
				.containsEntry("version", (Integer) inWork.get("version") + 1)
				.containsEntry("executor", inWork.get("executor"))
				.containsEntry("agency", inWork.get("agency"));
			assertThat(policy(after)).isEqualTo("URGENT");
			assertThat(finalDue(after)).isBefore(finalDue(inWork));
			assertThat(last(after)).containsEntry("type", "RECLASSIFIED")
				.containsEntry("fromStatus", "IN_PROGRESS")
				.containsEntry("toStatus", "IN_PROGRESS");
			assertThat(map(last(after).get("classification"))).containsEntry("fromCategory", "ROADS_TRANSPORT")
				.containsEntry("toCategory", "ENERGY")
				.containsEntry("fromUrgent", false)
				.containsEntry("toUrgent", true)
				.containsEntry("toSettlement", "Усть-Омчуг");

			AppealEvent.AppealReclassified event = (AppealEvent.AppealReclassified) seen.asMono()
				.block(Duration.ofSeconds(30));
			assertThat(event.classification()).isEqualTo(new ClassificationChange(Category.ROADS_TRANSPORT,
					Category.ENERGY, null, Municipality.TENKINSKY, false, true, null, "Усть-Омчуг"));
			assertThat(event.appeal().urgent()).isTrue();
		}
		finally {
			subscription.dispose();
		}

		// And back: the ordinary policy again, with its later deadline.
		Map<String, Object> calm = ok(curator(), "reclassifyAppeal", Map.of("appealId", id, "urgent", false));
		assertThat(policy(calm)).isEqualTo(policy(inWork));
		assertThat(finalDue(calm)).isEqualTo(finalDue(inWork));
	}

	@Test
	void finishedAppealsCannotBeReclassified() {
		String rejected = ingest("Продам гараж " + uniqueId());
		ok(curator(), "rejectAppeal", Map.of("appealId", rejected, "reason", "Реклама"));

		String closed = ingest("Не работает бойлер в поликлинике " + uniqueId());
		ok(curator(), "assignAppeal", Map.of("appealId", closed, "agencyId", agency(HEALTH).id()));
		ok(executor(HEALTH), "takeAppeal", Map.of("appealId", closed));
		Map<String, Object> submitted = ok(executor(HEALTH), "submitAnswer", Map.of("appealId", closed, "kind", "FINAL",
				"text", "Здравствуйте! Бойлер заменят 12 марта, телефон 8 (4132) 20-00-00."));
		List<?> answers = (List<?>) submitted.get("answers");
		String answerId = (String) map(answers.get(answers.size() - 1)).get("id");
		ok(curator(), "approveAnswer", Map.of("appealId", closed, "answerId", answerId));
		ok(curator(), "closeAppeal", Map.of("appealId", closed));

		for (String id : List.of(rejected, closed)) {
			Map<String, Object> before = appeal(id);
			assertThat(map(before.get("viewerCan"))).containsEntry("reclassify", false);
			Map<String, Object> payload = mutate(curator(), "reclassifyAppeal",
					Map.of("appealId", id, "category", "ENERGY", "urgent", true));
			assertThat(errors(payload)).singleElement()
				.satisfies(e -> assertThat(e).containsEntry("code", "ILLEGAL_TRANSITION"));
			assertThat(appeal(id)).isEqualTo(before);
		}
	}

	@Test
	void onlyCuratorsReclassifyAndBadInputChangesNothing() {
		String id = ingest("Нет света в подъезде " + uniqueId());
		ok(curator(), "assignAppeal", Map.of("appealId", id, "agencyId", agency(TENKA).id()));
		Map<String, Object> before = appeal(id);
		for (HttpGraphQlTester tester : List.of(executor(TENKA), head(TENKA), integrator())) {
			tester.document("mutation($input: ReclassifyAppealInput!) { reclassifyAppeal(input: $input) { errors { code } } }")
				.variable("input", Map.of("appealId", id, "urgent", true))
				.execute()
				.errors()
				.satisfy(errors -> {
					assertThat(errors).isNotEmpty();
					assertThat(errors).allSatisfy(e -> assertThat(e.getExtensions()).containsEntry("errorDetail", "FORBIDDEN"));
				});
		}
		assertThat(errors(mutate(curator(), "reclassifyAppeal", Map.of("appealId", id, "municipality", "TENKINSKY",
				"settlement", "Атлантида")))).singleElement()
			.satisfies(e -> assertThat(e).containsEntry("code", "INVALID").containsEntry("field", List.of("input", "settlement")));
		assertThat(errors(mutate(curator(), "reclassifyAppeal", Map.of("appealId", id, "urgent", true, "expectedVersion",
				(Integer) before.get("version") - 1)))).singleElement()
			.satisfies(e -> assertThat(e).containsEntry("code", "STALE_VERSION"));
		assertThat(errors(mutate(curator(), "reclassifyAppeal", Map.of("appealId", id)))).singleElement()
			.satisfies(e -> assertThat(e).containsEntry("code", "NO_CHANGE"));
		assertThat(appeal(id)).isEqualTo(before);
	}

	static final org.springframework.core.ParameterizedTypeReference<Map<String, Object>> MAP = AppealLifecycleIntegrationTests.MAP;

}
