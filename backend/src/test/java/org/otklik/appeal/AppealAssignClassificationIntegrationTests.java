package org.otklik.appeal;

import java.time.Duration;
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

/**
 * One-tap «Принять» on moderation: {@code assignAppeal} with the suggestion's category, municipality and
 * urgency writes them in the same change, records what changed in the history and on the event, and
 * refuses everyone but curators and any bad input without changing anything.
 */
class AppealAssignClassificationIntegrationTests extends IntegrationTestSupport {

	static final String FIELDS = """
			fragment fields on Appeal {
			  id version status category municipality urgent agency { code } sla { policy { code } }
			  history { type fromStatus toStatus toAgency { code } actor { id }
			    classification { fromCategory toCategory fromMunicipality toMunicipality fromUrgent toUrgent } } }
			""";

	static final String ASSIGN = """
			mutation($input: AssignAppealInput!) { assignAppeal(input: $input) {
			  appeal { ...fields }
			  errors { code field message } } }
			""" + FIELDS;

	static final String APPEAL = "query($id: ID!) { appeal(id: $id) { ...fields } }\n" + FIELDS;

	@Autowired
	AppealEventStream events;

	private Map<String, Object> appeal(String id) {
		return curator().document(APPEAL).variable("id", id).execute().path("appeal").entity(MAP).get();
	}

	private static Map<String, Object> input(String id, String agencyId, Object... pairs) {
		Map<String, Object> input = new HashMap<>(Map.of("appealId", id, "agencyId", agencyId));
		for (int i = 0; i < pairs.length; i += 2) {
			input.put((String) pairs[i], pairs[i + 1]);
		}
		return input;
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> last(Map<String, Object> appeal) {
		List<Map<String, Object>> history = (List<Map<String, Object>>) appeal.get("history");
		return history.get(history.size() - 1);
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> map(Object o) {
		return (Map<String, Object>) o;
	}

	@Test
	void acceptingTheSuggestionWritesCategoryPlaceAndUrgencyInOneChangeWithHistoryAndEvent() {
		String id = ingest("Нет света третьи сутки, дома +10 " + uniqueId());
		Map<String, Object> before = appeal(id);
		assertThat(before).containsEntry("category", "OTHER").containsEntry("urgent", false);
		assertThat(before.get("municipality")).isNull();
		String policyBefore = (String) map(map(before.get("sla")).get("policy")).get("code");

		Sinks.One<AppealEvent> seen = Sinks.one();
		Disposable subscription = this.events
			.events(null, e -> e.appeal().id().equals(id) && e instanceof AppealEvent.AppealAssigned, 16)
			.subscribe(seen::tryEmitValue);
		try {
			Map<String, Object> payload = curator().document(ASSIGN)
				.variable("input", input(id, agency(TENKA).id(), "category", "ENERGY", "municipality", "TENKINSKY",
						"urgent", true, "expectedVersion", before.get("version")))
				.execute().path("assignAppeal").entity(MAP).get();
			assertThat((List<?>) payload.get("errors")).isEmpty();
			Map<String, Object> after = map(payload.get("appeal"));
			assertThat(after).containsEntry("status", "ASSIGNED")
				.containsEntry("category", "ENERGY")
				.containsEntry("municipality", "TENKINSKY")
				.containsEntry("urgent", true)
				.containsEntry("version", (Integer) before.get("version") + 1);
			assertThat(map(after.get("agency"))).containsEntry("code", TENKA);
			// The deadlines follow the correction: an urgent appeal falls under the urgent policy.
			assertThat(map(map(after.get("sla")).get("policy"))).containsEntry("code", "URGENT");
			assertThat(policyBefore).isNotEqualTo("URGENT");

			Map<String, Object> entry = last(after);
			assertThat(entry).containsEntry("type", "ASSIGNED").containsEntry("fromStatus", "NEW");
			assertThat(map(entry.get("classification"))).containsEntry("fromCategory", "OTHER")
				.containsEntry("toCategory", "ENERGY")
				.containsEntry("fromMunicipality", null)
				.containsEntry("toMunicipality", "TENKINSKY")
				.containsEntry("fromUrgent", false)
				.containsEntry("toUrgent", true);
			assertThat(appeal(id)).isEqualTo(after);

			AppealEvent.AppealAssigned event = (AppealEvent.AppealAssigned) seen.asMono().block(Duration.ofSeconds(30));
			assertThat(event.toAgencyId()).isEqualTo(agency(TENKA).id());
			assertThat(event.classification()).isEqualTo(new ClassificationChange(Category.OTHER, Category.ENERGY, null,
					Municipality.TENKINSKY, false, true));
			assertThat(event.appeal().category()).isEqualTo(Category.ENERGY);
			assertThat(event.appeal().municipality()).isEqualTo(Municipality.TENKINSKY);
			assertThat(event.appeal().urgent()).isTrue();
		}
		finally {
			subscription.dispose();
		}
	}

	@Test
	void anAssignmentThatKeepsTheClassificationRecordsNoCorrection() {
		String id = ingest("Яма на дороге у школы " + uniqueId(),
				Map.of("category", "ROADS_TRANSPORT", "municipality", "TENKINSKY"));
		Map<String, Object> after = curator().document(ASSIGN)
			.variable("input", input(id, agency(TENKA).id(), "category", "ROADS_TRANSPORT", "municipality", "TENKINSKY",
					"urgent", false))
			.execute().path("assignAppeal.appeal").entity(MAP).get();
		assertThat(after).containsEntry("status", "ASSIGNED").containsEntry("category", "ROADS_TRANSPORT");
		assertThat(last(after)).containsEntry("type", "ASSIGNED").containsEntry("classification", null);

		// Only what is given changes.
		String other = ingest("Во дворе не вывозят мусор " + uniqueId(), Map.of("municipality", "TENKINSKY"));
		Map<String, Object> partly = curator().document(ASSIGN)
			.variable("input", input(other, agency(TENKA).id(), "category", "HOUSING_UTILITIES"))
			.execute().path("assignAppeal.appeal").entity(MAP).get();
		assertThat(partly).containsEntry("category", "HOUSING_UTILITIES")
			.containsEntry("municipality", "TENKINSKY")
			.containsEntry("urgent", false);
		assertThat(map(last(partly).get("classification"))).containsEntry("toCategory", "HOUSING_UTILITIES")
			.containsEntry("toMunicipality", null)
			.containsEntry("toUrgent", null);
	}

	@Test
	void onlyCuratorsAssignWithAClassification() {
		String id = ingest("Нет воды в посёлке " + uniqueId());
		Map<String, Object> before = appeal(id);
		for (HttpGraphQlTester tester : List.of(executor(TENKA), head(TENKA), integrator())) {
			tester.document(ASSIGN)
				.variable("input", input(id, agency(TENKA).id(), "category", "HOUSING_UTILITIES", "urgent", true))
				.execute()
				.errors()
				.satisfy(errors -> {
					assertThat(errors).isNotEmpty();
					assertThat(errors).allSatisfy(e -> assertThat(e.getExtensions()).containsEntry("errorDetail", "FORBIDDEN"));
				});
		}
		assertThat(appeal(id)).isEqualTo(before);
	}

	@Test
	void badInputChangesNothing() {
		String id = ingest("Не ходит автобус " + uniqueId());
		Map<String, Object> before = appeal(id);
		// An unknown category or municipality is not a value of the schema's enums: the request is refused whole.
		curator().document(ASSIGN)
			.variable("input", input(id, agency(TENKA).id(), "category", "WEATHER"))
			.execute()
			.errors()
			.satisfy(errors -> assertThat(errors).isNotEmpty());
		curator().document(ASSIGN)
			.variable("input", input(id, agency(TENKA).id(), "municipality", "ATLANTIS"))
			.execute()
			.errors()
			.satisfy(errors -> assertThat(errors).isNotEmpty());
		// An unknown agency, or a stale version, refuses the classification with the assignment.
		List<Map<String, Object>> errors = curator().document(ASSIGN)
			.variable("input", input(id, "000000000000000000000000", "category", "ROADS_TRANSPORT", "urgent", true))
			.execute().path("assignAppeal.errors").entity(LIST).get();
		assertThat(errors).singleElement().satisfies(e -> assertThat(e).containsEntry("code", "NOT_FOUND")
			.containsEntry("field", List.of("input", "agencyId")));
		errors = curator().document(ASSIGN)
			.variable("input", input(id, agency(TENKA).id(), "category", "ROADS_TRANSPORT", "expectedVersion",
					(Integer) before.get("version") - 1))
			.execute().path("assignAppeal.errors").entity(LIST).get();
		assertThat(errors).singleElement().satisfies(e -> assertThat(e).containsEntry("code", "STALE_VERSION"));
		assertThat(appeal(id)).isEqualTo(before);
	}

	static final org.springframework.core.ParameterizedTypeReference<Map<String, Object>> MAP = AppealLifecycleIntegrationTests.MAP;

	static final org.springframework.core.ParameterizedTypeReference<List<Map<String, Object>>> LIST = AppealLifecycleIntegrationTests.LIST;

}
