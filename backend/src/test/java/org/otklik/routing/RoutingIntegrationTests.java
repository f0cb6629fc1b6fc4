package org.otklik.routing;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import java.time.Clock;

import org.junit.jupiter.api.Test;
import org.otklik.agency.AgencyService;
import org.otklik.appeal.AppealService;
import org.otklik.routing.internal.RoutingStore;
import org.otklik.agency.AgencyKind;
import org.otklik.region.Category;
import org.otklik.support.IntegrationTestSupport;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/** Routing suggestions through the API: who may ask, the suggestion stored at intake, and retraining. */
class RoutingIntegrationTests extends IntegrationTestSupport {

	static final String SUGGEST = """
			query($text: String!) { suggestRouting(text: $text) {
			  category confidence alternatives { category score } municipality settlement urgent urgencyReasons
			  notAppeal agency { code } explanation modelVersion } }""";

	static final String APPEAL_ROUTING = """
			query($id: ID!) { appeal(id: $id) { id routing { category municipality settlement urgent notAppeal agency { code } } } }""";

	static final String RETRAIN = """
			mutation { retrainRouting(input: {reason: "test"}) { model { version examples curatorExamples accuracy heldOut }
			  errors { code message } } }""";

	static final String MODEL = "{ routingModel { version trainedAt examples curatorExamples accuracy heldOut } }";

	static final String ASSIGN = """
			mutation($input: AssignAppealInput!) { assignAppeal(input: $input) { errors { code message } } }""";

	static final String RULES = "{ routingAgencyRules }";

	static final String UPDATE_RULES = """
			mutation($text: String!) { updateRoutingAgencyRules(input: {text: $text}) { text errors { code field message } } }""";

	@SuppressWarnings("unchecked")
	private Map<String, Object> suggest(GraphQlTester tester, String text) {
		return tester.document(SUGGEST).variable("text", text).execute().path("suggestRouting").entity(Map.class).get();
	}

	@Test
	void curatorsAndIntegratorsGetASuggestionWithReasons() {
		String text = "В Усть-Омчуге скорая не приехала к отцу с инсультом, ждали три часа, врача в больнице нет";
		for (GraphQlTester tester : List.of(curator(), integrator())) {
			Map<String, Object> s = suggest(tester, text);
			assertThat(s).containsEntry("category", "HEALTHCARE")
				.containsEntry("municipality", "TENKINSKY")
				.containsEntry("settlement", "Усть-Омчуг")
				.containsEntry("urgent", true)
				.containsEntry("notAppeal", false)
				.containsEntry("agency", Map.of("code", HEALTH));
			assertThat((List<?>) s.get("urgencyReasons")).isNotEmpty();
			assertThat((List<?>) s.get("explanation")).isNotEmpty();
			assertThat((List<?>) s.get("alternatives")).hasSize(3);
		}
	}

	@Test
	void aTextThatNamesNoPlaceHasNoMunicipality() {
		Map<String, Object> s = suggest(curator(), "Почему пенсию за ноябрь перечислили не полностью?");
		assertThat(s.get("municipality")).isNull();
		assertThat(s).containsEntry("category", "SOCIAL_PROTECTION");
	}

	@Test
	void thanksAreNotAnAppeal() {
		Map<String, Object> s = suggest(curator(), "Огромное спасибо водителям снегоуборочной техники!");
		assertThat(s).containsEntry("notAppeal", true).containsEntry("category", "OTHER");
	}

	@Test
	void executorsAndHeadsMayNotAskForSuggestionsOrRetrain() {
		assertForbidden(executor(TENKA).document(SUGGEST).variable("text", "Яма на дороге"));
		assertForbidden(head(TENKA).document(SUGGEST).variable("text", "Яма на дороге"));
		assertForbidden(executor(TENKA).document(RETRAIN));
		assertForbidden(integrator().document(RETRAIN));
		assertForbidden(executor(TENKA).document(MODEL));
	}

	@Test
	void anAppealsSuggestionIsStoredAtIntakeAndShownToThoseWhoRouteOrAnswerIt() {
		String id = ingest("В Усть-Омчуге на улице Мира огромная яма, машины бьют колёса, дорогу не ремонтируют");
		await(() -> this.mongo.exists(Query.query(Criteria.where("_id").is(id)), "routingSuggestions")
			.block(Duration.ofSeconds(5)), "the suggestion stored at intake");
		Map<?, ?> routing = curator().document(APPEAL_ROUTING).variable("id", id).execute()
			.path("appeal.routing").entity(Map.class).get();
		assertThat(routing.get("category")).isEqualTo("ROADS_TRANSPORT");
		assertThat(routing.get("municipality")).isEqualTo("TENKINSKY");
		assertThat(routing.get("agency")).isEqualTo(Map.of("code", TENKA));
		// The integrator that sent it reads the appeal but not the routing.
		integrator().document(APPEAL_ROUTING).variable("id", id).execute().path("appeal.id").entity(String.class)
			.isEqualTo(id).path("appeal.routing").valueIsNull();
	}

	@Test
	void aCuratorsCorrectionChangesTheNextSuggestionAfterRetraining() {
		agency("MINKULT", "Министерство культуры", AgencyKind.MINISTRY, List.of(Category.CULTURE), null);
		String text = "Флюгегехаймен у Зюзиков опять квазимодит, трындыбрысь заклинило";
		String before = (String) suggest(curator(), text).get("category");
		String target = before.equals("CULTURE") ? "HEALTHCARE" : "CULTURE";
		String agencyCode = target.equals("CULTURE") ? "MINKULT" : HEALTH;
		String id = ingest(text);
		await(() -> this.mongo.exists(Query.query(Criteria.where("_id").is(id)), "routingSuggestions")
			.block(Duration.ofSeconds(5)), "the suggestion stored at intake");
		curator().document(ASSIGN)
			.variable("input", Map.of("appealId", id, "agencyId", agency(agencyCode).id()))
			.execute()
			.path("assignAppeal.errors").entityList(Object.class).hasSize(0);
		await(() -> this.mongo.exists(Query.query(Criteria.where("appealId").is(id)), "routingExamples")
			.block(Duration.ofSeconds(5)), "the curator's decision stored as an example");
		// A curator's assignment is not an automatic delivery.
		assertThat(this.mongo.exists(Query.query(Criteria.where("_id").is(id)), "routingAutomaticDeliveries")
			.block(Duration.ofSeconds(5))).isFalse();

		Map<?, ?> model = curator().document(RETRAIN).execute().path("retrainRouting.errors").entityList(Object.class)
			.hasSize(0).path("retrainRouting.model").entity(Map.class).get();
		assertThat((Integer) model.get("curatorExamples")).isPositive();
		assertThat((Integer) model.get("version")).isPositive();

		assertThat(suggest(curator(), text)).containsEntry("category", target);
		curator().document(MODEL).execute().path("routingModel.version").entity(Integer.class)
			.isEqualTo((Integer) model.get("version"));
	}

	@Test
	void theCategoryACuratorSetsWithTheAssignmentIsWhatTheNextModelLearns() {
		// The municipal administration answers for housing and roads only; the curator routes the appeal there
		// and says it is about another category. Without the explicit category no label could be told at all.
		String text = "Шмурдяк в Тенькинском опять перепуздрило, крякозябры с утра";
		String before = (String) suggest(curator(), text).get("category");
		String target = before.equals("ENERGY") ? "ENVIRONMENT" : "ENERGY";
		String id = ingest(text);
		await(() -> this.mongo.exists(Query.query(Criteria.where("_id").is(id)), "routingSuggestions")
			.block(Duration.ofSeconds(5)), "the suggestion stored at intake");
		curator().document(ASSIGN)
			.variable("input", Map.of("appealId", id, "agencyId", agency(TENKA).id(), "category", target))
			.execute()
			.path("assignAppeal.errors").entityList(Object.class).hasSize(0);
		await(() -> this.mongo.exists(Query.query(Criteria.where("appealId").is(id).and("category").is(target)),
				"routingExamples").block(Duration.ofSeconds(5)), "the curator's category stored as the example's label");

		curator().document(RETRAIN).execute().path("retrainRouting.errors").entityList(Object.class).hasSize(0);
		assertThat(suggest(curator(), text)).containsEntry("category", target);
	}

	@Autowired
	RoutingStore store;

	@Autowired
	AgencyService agencyService;

	@Autowired
	Clock clock;

	@Autowired
	RoutingProperties properties;

	@Autowired
	AppealService appealService;

	@Test
	void anotherInstancePicksUpARetrainedModelAndEditedRules() {
		// A second instance over the same database (what another replica of the application is).
		RoutingService other = new RoutingService(this.store, this.agencyService, this.clock, this.properties,
				this.appealService);
		try {
			other.reloadIfChanged().block(Duration.ofSeconds(30));
			int before = other.suggest("Нет воды").modelVersion();
			assertThat(other.reloadIfChanged().block(Duration.ofSeconds(30))).isFalse();

			int version = curator().document(RETRAIN).execute().path("retrainRouting.model.version").entity(Integer.class).get();
			assertThat(version).isGreaterThan(before);
			assertThat(other.reloadIfChanged().block(Duration.ofSeconds(30))).isTrue();
			assertThat(other.suggest("Нет воды").modelVersion()).isEqualTo(version);
			assertThat(other.reloadIfChanged().block(Duration.ofSeconds(30))).isFalse();

			String text = "В Ягодном яма на дороге у школы";
			assertThat(other.suggest(text).agencyCode()).isNotEqualTo(HEALTH);
			String rules = curator().document(RULES).execute().path("routingAgencyRules").entity(String.class).get();
			// Every category to the ministry of health, first: the first matching rule wins.
			String allToHealth = java.util.Arrays.stream(Category.values())
				.map(c -> "RULE|" + c + "|*|" + HEALTH + "\n")
				.collect(java.util.stream.Collectors.joining());
			curator().document(UPDATE_RULES).variable("text", allToHealth + rules)
				.execute().path("updateRoutingAgencyRules.errors").entityList(Object.class).hasSize(0);
			try {
				assertThat(other.reloadIfChanged().block(Duration.ofSeconds(30))).isTrue();
				assertThat(other.suggest(text).agencyCode()).isEqualTo(HEALTH);
			}
			finally {
				curator().document(UPDATE_RULES).variable("text", rules)
					.execute().path("updateRoutingAgencyRules.errors").entityList(Object.class).hasSize(0);
			}
		}
		finally {
			other.destroy();
		}
	}

	@Test
	void curatorsEditTheAgencyRulesAndAMalformedLineChangesNothing() {
		String original = curator().document(RULES).execute().path("routingAgencyRules").entity(String.class).get();
		curator().document(UPDATE_RULES).variable("text", "RULE|HEALTHCARE|nowhere|" + HEALTH).execute()
			.path("updateRoutingAgencyRules.errors[0].code").entity(String.class).isEqualTo("INVALID")
			.path("updateRoutingAgencyRules.text").valueIsNull();
		curator().document(RULES).execute().path("routingAgencyRules").entity(String.class).isEqualTo(original);
		String changed = original.replace("RULE|ENVIRONMENT|*|MINPRIRODY", "RULE|ENVIRONMENT|*|" + HEALTH);
		assertThat(changed).isNotEqualTo(original);
		String text = "Медведь бродит возле домов в Сеймчане, люди боятся выходить";
		try {
			curator().document(UPDATE_RULES).variable("text", changed).execute()
				.path("updateRoutingAgencyRules.errors").entityList(Object.class).hasSize(0);
			assertThat(suggest(curator(), text)).containsEntry("category", "ENVIRONMENT")
				.containsEntry("agency", Map.of("code", HEALTH));
		}
		finally {
			curator().document(UPDATE_RULES).variable("text", original).execute()
				.path("updateRoutingAgencyRules.errors").entityList(Object.class).hasSize(0);
		}
		assertThat(suggest(curator(), text).get("agency")).isNull();
		assertForbidden(executor(TENKA).document(RULES));
		assertForbidden(integrator().document(UPDATE_RULES).variable("text", original));
	}

	private static void assertForbidden(GraphQlTester.Request<?> request) {
		request.execute().errors().satisfy(errors -> {
			assertThat(errors).isNotEmpty();
			assertThat(errors).allSatisfy(e -> assertThat(e.getExtensions()).containsEntry("errorDetail", "FORBIDDEN"));
		});
	}

}
