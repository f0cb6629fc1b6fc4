package org.otklik.incident;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.otklik.support.IntegrationTestSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Incidents through the API: grouping of a burst about one outage, places kept apart, curators' corrections,
 * one answer for every member, and who sees what. Each test uses its own settlement, so tests sharing the
 * application do not meet in one incident.
 */
class IncidentIntegrationTests extends IntegrationTestSupport {

	static final String INCIDENT_OF = """
			query($id: ID!) { appeal(id: $id) { incident { id title size status settlement municipality } } }""";

	static final String INCIDENT = """
			query($id: ID!) { incident(id: $id) { id title size status settlement topics
			  appeals(first: 100) { edges { node { id } } } replies { kind text } } }""";

	static final String INCIDENTS = """
			query($filter: IncidentFilter) { incidents(filter: $filter, first: 100) { edges { node { id size settlement } } } }""";

	/** Thirty ways to say that Синегорье has no power (varied wording, written for this test). */
	static final List<String> SINEGORYE_OUTAGE = List.of(
			"В Синегорье нет света с самого утра, что случилось?",
			"Синегорье опять без электричества, дети мёрзнут",
			"Когда дадут свет в Синегорье? Уже пять часов сидим в темноте",
			"Отключили электроэнергию в Синегорье, никто ничего не объясняет",
			"У нас в Синегорье пропало электричество во всём посёлке",
			"Синегорье обесточено! Холодильники текут, продукты портятся",
			"Почему в Синегорье нет электроэнергии уже второй день?",
			"Жители Синегорья просят срочно восстановить электроснабжение",
			"В посёлке Синегорье авария на подстанции, света нет",
			"Синегорье, улица Победы — нет электричества с ночи",
			"Сколько можно? В Синегорье снова вырубили свет",
			"Нет света в Синегорье, аварийная служба не отвечает на звонки",
			"Синегорье сидит без света, у бабушки кислородный концентратор не работает",
			"Из Синегорья: электричества нет, котёл без насоса встал",
			"В Синегорье погас свет во всех домах, что говорит энергосбыт?",
			"Синегорье. Отключение электроэнергии, никакого объявления не было",
			"Верните свет в Синегорье, невозможно так жить",
			"В Синегорье нет напряжения в сети с шести утра",
			"Синегорье полностью обесточено, это уже третий раз за месяц",
			"Когда в Синегорье починят линию электропередачи? Света нет",
			"Синегорье: без электричества школа и детский сад",
			"В Синегорье опять нет электричества, телефоны сели",
			"Подскажите, в Синегорье плановое отключение света или авария?",
			"Синегорье без света, магазины закрыты, терминалы не работают",
			"В Синегорье выбило свет после ветра, провода лежат на земле",
			"Синегорье, нет электроснабжения на Гидростроителей и Победы",
			"Электричество в Синегорье отключили без предупреждения",
			"Синегорье опять без света, на улице минус сорок",
			"У нас в Синегорье пропал свет, насосная станция стоит",
			"Синегорье в темноте уже сутки, электриков не видно");

	@Test
	void aBurstOfThirtyPostsAboutOneOutageMakesOneIncidentAndUnrelatedPostsStayOut() {
		List<String> ids = new ArrayList<>();
		for (String text : SINEGORYE_OUTAGE) {
			ids.add(ingest(text));
		}
		String pothole = ingest("В Синегорье на улице Гидростроителей огромная яма на дороге, машины бьют колёса");
		String doctor = ingest("В Синегорье в поликлинике нет терапевта, записаться к врачу невозможно");
		String last = ids.get(ids.size() - 1);
		await(() -> incidentOf(last) != null && incidentOf(pothole) == null && seen(doctor), "the grouping");
		await(() -> ((Number) incidentOf(last).get("size")).intValue() == 30, "thirty members");
		Object incidentId = incidentOf(ids.get(0)).get("id");
		for (String id : ids) {
			assertThat(incidentOf(id)).as(id).containsEntry("id", incidentId);
		}
		assertThat(incidentOf(pothole)).isNull();
		assertThat(incidentOf(doctor)).isNull();
		Map<String, Object> incident = incidentOf(last);
		assertThat(incident).containsEntry("settlement", "Синегорье").containsEntry("municipality", "YAGODNINSKY")
			.containsEntry("status", "SUGGESTED");
		List<String> listed = curator().document(INCIDENTS)
			.variable("filter", Map.of("municipality", "YAGODNINSKY"))
			.execute()
			.path("incidents.edges[*].node.settlement")
			.entityList(String.class)
			.get();
		assertThat(listed).containsOnlyOnce("Синегорье");
	}

	@Test
	void theSameOutageInAnotherSettlementIsAnotherIncident() {
		String debin1 = ingest("В Дебине нет света с утра");
		String debin2 = ingest("Дебин без электричества, когда включат?");
		String orot1 = ingest("В Оротукане нет света с утра");
		String orot2 = ingest("Оротукан без электричества, когда включат?");
		await(() -> incidentOf(debin2) != null && incidentOf(orot2) != null, "two incidents");
		assertThat(incidentOf(debin1).get("id")).isEqualTo(incidentOf(debin2).get("id"));
		assertThat(incidentOf(orot1).get("id")).isEqualTo(incidentOf(orot2).get("id"));
		assertThat(incidentOf(debin1).get("id")).isNotEqualTo(incidentOf(orot1).get("id"));
		assertThat(incidentOf(orot1)).containsEntry("settlement", "Оротукан");
	}

	@Test
	void appealsWithAStoredSettlementGroupByItAlthoughTheirTextsNameNoPlace() {
		Map<String, Object> sporn = Map.of("municipality", "YAGODNINSKY", "settlement", "Спорное");
		String first = ingest("Третий час нет света во всём посёлке", sporn);
		String second = ingest("Электричество отключили без предупреждения, когда дадут?", sporn);
		await(() -> incidentOf(second) != null, "the grouping");
		assertThat(incidentOf(first)).isNotNull();
		assertThat(incidentOf(first).get("id")).isEqualTo(incidentOf(second).get("id"));
		assertThat(incidentOf(second)).containsEntry("settlement", "Спорное").containsEntry("municipality", "YAGODNINSKY");
	}

	@Test
	void differentStoredSettlementsOfOneMunicipalityDoNotGroup() {
		String karamken1 = ingest("С утра в домах нет холодной воды, краны сухие",
				Map.of("municipality", "KHASYNSKY", "settlement", "Карамкен"));
		String madaun = ingest("С утра в домах нет холодной воды, краны сухие",
				Map.of("municipality", "KHASYNSKY", "settlement", "Мадаун"));
		String karamken2 = ingest("Водопровод не работает, воды нет с самого утра",
				Map.of("municipality", "KHASYNSKY", "settlement", "Карамкен"));
		// The third appeal pairs with the first of its settlement; by then the second has been decided too.
		await(() -> incidentOf(karamken2) != null && seen(madaun), "the grouping");
		assertThat(incidentOf(karamken1).get("id")).isEqualTo(incidentOf(karamken2).get("id"));
		assertThat(incidentOf(karamken2)).containsEntry("settlement", "Карамкен");
		assertThat(incidentOf(madaun)).isNull();
	}

	@Test
	void curatorsConfirmSplitDetachAndMerge() {
		List<String> ids = List.of(ingest("В Эльгене нет воды в домах"), ingest("Эльген без воды второй день"),
				ingest("В Эльгене пропала вода, краны сухие"), ingest("Когда в Эльгене дадут воду?"));
		await(() -> ids.stream().allMatch(id -> incidentOf(id) != null), "the grouping");
		String incident = (String) incidentOf(ids.get(0)).get("id");
		assertThat(incidentOf(ids.get(3)).get("size")).isEqualTo(4);

		curator().document("""
				mutation($input: ConfirmIncidentInput!) { confirmIncident(input: $input) { incident { status title } errors { code } } }""")
			.variable("input", Map.of("incidentId", incident, "title", "Авария водопровода в Эльгене"))
			.execute()
			.path("confirmIncident.errors").entityList(Object.class).hasSize(0)
			.path("confirmIncident.incident.status").entity(String.class).isEqualTo("CONFIRMED")
			.path("confirmIncident.incident.title").entity(String.class).isEqualTo("Авария водопровода в Эльгене");

		String split = curator().document("""
				mutation($input: SplitIncidentInput!) { splitIncident(input: $input) {
				  incident { size } newIncident { id size status } errors { code } } }""")
			.variable("input", Map.of("incidentId", incident, "appealIds", List.of(ids.get(2), ids.get(3))))
			.execute()
			.path("splitIncident.errors").entityList(Object.class).hasSize(0)
			.path("splitIncident.incident.size").entity(Integer.class).isEqualTo(2)
			.path("splitIncident.newIncident.size").entity(Integer.class).isEqualTo(2)
			.path("splitIncident.newIncident.id").entity(String.class).get();
		assertThat(incidentOf(ids.get(3)).get("id")).isEqualTo(split);

		curator().document("""
				mutation($input: DetachAppealFromIncidentInput!) { detachAppealFromIncident(input: $input) { incident { size } errors { code } } }""")
			.variable("input", Map.of("incidentId", split, "appealId", ids.get(3)))
			.execute()
			.path("detachAppealFromIncident.incident.size").entity(Integer.class).isEqualTo(1);
		assertThat(incidentOf(ids.get(3))).isNull();
		// Detaching an appeal that is not a member is a user error, not a change.
		curator().document("""
				mutation($input: DetachAppealFromIncidentInput!) { detachAppealFromIncident(input: $input) { errors { code field } } }""")
			.variable("input", Map.of("incidentId", split, "appealId", ids.get(3)))
			.execute()
			.path("detachAppealFromIncident.errors[0].code").entity(String.class).isEqualTo("INVALID");

		curator().document("""
				mutation($input: MergeIncidentsInput!) { mergeIncidents(input: $input) { incident { size } errors { code } } }""")
			.variable("input", Map.of("incidentId", incident, "otherIncidentIds", List.of(split)))
			.execute()
			.path("mergeIncidents.errors").entityList(Object.class).hasSize(0)
			.path("mergeIncidents.incident.size").entity(Integer.class).isEqualTo(3);
		assertThat(incidentOf(ids.get(2)).get("id")).isEqualTo(incident);
		curator().document(INCIDENT).variable("id", split).execute().path("incident.status").entity(String.class)
			.isEqualTo("MERGED");
		// A detached appeal is not grouped again by a later similar post.
		String later = ingest("В Эльгене снова нет воды");
		await(() -> incidentOf(later) != null, "the later post joins");
		assertThat(incidentOf(ids.get(3))).isNull();
		assertThat(incidentOf(later).get("id")).isEqualTo(incident);
	}

	@Test
	void anIncidentAnswerReachesEveryMemberOnceAlsoWhenRunAgain() {
		List<String> ids = List.of(ingest("В Таскане нет отопления, батареи холодные"),
				ingest("Таскан: батареи еле тёплые, в квартирах +12"), ingest("В Таскане замерзаем, котельная не греет"));
		await(() -> ids.stream().allMatch(id -> incidentOf(id) != null), "the grouping");
		String incident = (String) incidentOf(ids.get(0)).get("id");
		String tenka = agency(TENKA).id();
		for (String id : ids) {
			curator().document("mutation($input: AssignAppealInput!) { assignAppeal(input: $input) { errors { code } } }")
				.variable("input", Map.of("appealId", id, "agencyId", tenka))
				.execute()
				.path("assignAppeal.errors").entityList(Object.class).hasSize(0);
		}
		String answer = """
				mutation($input: AnswerIncidentInput!) { answerIncident(input: $input) {
				  incident { status } results { appeal { id } answer { id } errors { code } } skipped errors { code } } }""";
		Map<String, Object> input = Map.of("incidentId", incident, "kind", "INTERIM",
				"text", "Здравствуйте! Котельная в Таскане работает на резервном насосе, бригада меняет основной, тепло вернётся к вечеру. Спасибо, что сообщили.",
				"clientAnswerId", "heat-1");
		await(() -> head(TENKA).document(INCIDENT).variable("id", incident).execute()
			.path("incident.appeals.edges").entityList(Object.class).get().size() == 3, "the head sees all three");
		head(TENKA).document(answer).variable("input", input).execute()
			.path("answerIncident.errors").entityList(Object.class).hasSize(0)
			.path("answerIncident.results[*].errors[*]").entityList(Object.class).hasSize(0)
			.path("answerIncident.results").entityList(Object.class).hasSize(3)
			.path("answerIncident.incident.status").entity(String.class).isEqualTo("ANSWERED");
		// Run again: each member keeps one answer.
		head(TENKA).document(answer).variable("input", input).execute()
			.path("answerIncident.results").entityList(Object.class).hasSize(3);
		for (String id : ids) {
			curator().document("query($id: ID!) { appeal(id: $id) { answers { text } } }").variable("id", id).execute()
				.path("appeal.answers").entityList(Object.class).hasSize(1);
		}
		curator().document(INCIDENT).variable("id", incident).execute().path("incident.replies").entityList(Object.class)
			.hasSize(1);
	}

	@Test
	void eachRoleSeesIncidentsInItsScope() {
		List<String> ids = List.of(ingest("В Бурхале нет отопления, в домах холодно"),
				ingest("Бурхала: батареи ледяные, отопление не работает третий день"));
		await(() -> ids.stream().allMatch(id -> incidentOf(id) != null), "the grouping");
		String incident = (String) incidentOf(ids.get(0)).get("id");
		// Nothing of theirs is in it yet: executors and heads of any agency do not see it.
		assertThat(incidentAs(executor(TENKA), incident)).isNull();
		assertThat(incidentAs(head(HEALTH), incident)).isNull();
		curator().document("mutation($input: AssignAppealInput!) { assignAppeal(input: $input) { errors { code } } }")
			.variable("input", Map.of("appealId", ids.get(0), "agencyId", agency(TENKA).id()))
			.execute()
			.path("assignAppeal.errors").entityList(Object.class).hasSize(0);
		await(() -> incidentAs(head(TENKA), incident) != null, "the head of the member's agency sees it");
		// Of its members, only the agency's own appeal; the size counts them all.
		executor(TENKA).document(INCIDENT).variable("id", incident).execute()
			.path("incident.appeals.edges[*].node.id").entityList(String.class).containsExactly(ids.get(0))
			.path("incident.size").entity(Integer.class).isEqualTo(2);
		assertThat(incidentAs(executor(HEALTH), incident)).isNull();
		assertThat(incidentAs(head(HEALTH), incident)).isNull();
		executor(HEALTH).document("{ incidents(first: 100) { edges { node { id } } } }").execute()
			.path("incidents.edges[*].node.id").entityList(String.class).doesNotContain(incident);
		executor(TENKA).document("{ incidents(first: 100) { edges { node { id } } } }").execute()
			.path("incidents.edges[*].node.id").entityList(String.class).contains(incident);
		// Integrators are refused incidents and get no incident on their appeals.
		integrator().document(INCIDENTS).execute().errors().satisfy(errors -> assertThat(errors).isNotEmpty());
		integrator().document(INCIDENT_OF).variable("id", ids.get(1)).execute().path("appeal.incident").valueIsNull();
		// Curators only correct grouping; executors only answer.
		executor(TENKA).document("""
				mutation($input: ConfirmIncidentInput!) { confirmIncident(input: $input) { errors { code } } }""")
			.variable("input", Map.of("incidentId", incident))
			.execute()
			.errors().satisfy(errors -> assertThat(errors).isNotEmpty());
		curator().document("""
				mutation($input: AnswerIncidentInput!) { answerIncident(input: $input) { errors { code } } }""")
			.variable("input", Map.of("incidentId", incident, "kind", "INTERIM", "text", "Ответ"))
			.execute()
			.errors().satisfy(errors -> assertThat(errors).isNotEmpty());
	}

	@org.springframework.beans.factory.annotation.Autowired
	IncidentService incidentService;

	@Test
	void subscribersSeeAnIncidentChange() throws Exception {
		List<String> ids = List.of(ingest("В Атке нет света"), ingest("Атка без электричества с ночи"));
		await(() -> ids.stream().allMatch(id -> incidentOf(id) != null), "the grouping");
		String incident = (String) incidentOf(ids.get(0)).get("id");
		org.springframework.graphql.client.WebSocketGraphQlClient client = org.springframework.graphql.client.WebSocketGraphQlClient
			.builder(java.net.URI.create(webSocketUrl()),
					new org.springframework.web.reactive.socket.client.ReactorNettyWebSocketClient())
			.interceptor(new org.springframework.graphql.client.WebSocketGraphQlClientInterceptor() {
				@Override
				public reactor.core.publisher.Mono<Object> connectionInitPayload() {
					return reactor.core.publisher.Mono.just(Map.of("Authorization", "Bearer " + tokens.curator()));
				}
			})
			.build();
		int subscribedBefore = this.incidentService.subscriberCount();
		try {
			java.util.concurrent.CompletableFuture<String> update = client
				.document("subscription($id: ID) { incidentUpdated(incidentId: $id) { id status title } }")
				.variable("id", incident)
				.retrieveSubscription("incidentUpdated")
				.toEntity(Map.class)
				.filter(i -> "CONFIRMED".equals(i.get("status")))
				.next()
				.map(i -> i.get("id") + "|" + i.get("title"))
				.toFuture();
			// Confirm only once the server has the subscription: its poll looks back from that moment, so the
			// change is surely seen.
			await(() -> this.incidentService.subscriberCount() > subscribedBefore, "the subscription registered");
			curator().document("""
					mutation($input: ConfirmIncidentInput!) { confirmIncident(input: $input) { errors { code } } }""")
				.variable("input", Map.of("incidentId", incident, "title", "Авария на линии в Атке"))
				.execute()
				.path("confirmIncident.errors").entityList(Object.class).hasSize(0);
			assertThat(update.get(30, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(incident + "|Авария на линии в Атке");
		}
		finally {
			client.stop().block(java.time.Duration.ofSeconds(5));
		}
	}

	@Test
	void badInputIsAUserError() {
		curator().document("""
				mutation($input: ConfirmIncidentInput!) { confirmIncident(input: $input) { incident { id } errors { code field } } }""")
			.variable("input", Map.of("incidentId", "000000000000000000000000"))
			.execute()
			.path("confirmIncident.errors[0].code").entity(String.class).isEqualTo("NOT_FOUND");
		curator().document("""
				mutation($input: MergeIncidentsInput!) { mergeIncidents(input: $input) { errors { code field } } }""")
			.variable("input", Map.of("incidentId", "000000000000000000000000", "otherIncidentIds", List.of()))
			.execute()
			.path("mergeIncidents.errors[0].code").entity(String.class).isEqualTo("REQUIRED");
		head(TENKA).document("""
				mutation($input: AnswerIncidentInput!) { answerIncident(input: $input) { errors { code field } } }""")
			.variable("input", Map.of("incidentId", "000000000000000000000000", "kind", "INTERIM", "text", " "))
			.execute()
			.path("answerIncident.errors[0].code").entity(String.class).isEqualTo("REQUIRED");
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> incidentOf(String appealId) {
		Map<?, ?> appeal = curator().document(INCIDENT_OF).variable("id", appealId).execute().path("appeal")
			.entity(Map.class).get();
		return (Map<String, Object>) appeal.get("incident");
	}

	private static Map<?, ?> incidentAs(org.springframework.graphql.test.tester.GraphQlTester tester, String id) {
		Map<String, Object> data = tester.document(INCIDENT).variable("id", id).execute().returnResponse().getData();
		return (Map<?, ?>) data.get("incident");
	}

	private boolean seen(String appealId) {
		return Boolean.TRUE.equals(this.mongo.exists(org.springframework.data.mongodb.core.query.Query.query(
				org.springframework.data.mongodb.core.query.Criteria.where("_id").is(appealId)), "incidentTexts")
			.block(java.time.Duration.ofSeconds(5)));
	}

}
