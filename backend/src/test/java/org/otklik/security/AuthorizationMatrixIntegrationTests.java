package org.otklik.security;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Stream;

import graphql.language.FieldDefinition;
import graphql.language.ObjectTypeDefinition;
import graphql.language.ObjectTypeExtensionDefinition;
import graphql.schema.idl.TypeDefinitionRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.otklik.appeal.AppealLifecycleIntegrationTestsAccess;
import org.otklik.support.IntegrationTestSupport;
import reactor.core.publisher.Mono;

import org.springframework.graphql.client.WebSocketGraphQlClient;
import org.springframework.graphql.client.WebSocketGraphQlClientInterceptor;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.socket.client.ReactorNettyWebSocketClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every operation of the API, as every kind of caller: allowed or refused as the roles say. The list of
 * operations is read from the schema, so an operation added without a rule here fails the build.
 */
class AuthorizationMatrixIntegrationTests extends IntegrationTestSupport {

	/** Kinds of callers. */
	enum Who {

		CURATOR, HEAD, EXECUTOR, FOREIGN_EXECUTOR, INTEGRATOR, OTHER_INTEGRATOR, NO_ROLE, ANONYMOUS

	}

	static final Set<Who> ANY_ROLE = EnumSet.of(Who.CURATOR, Who.HEAD, Who.EXECUTOR, Who.FOREIGN_EXECUTOR, Who.INTEGRATOR,
			Who.OTHER_INTEGRATOR);

	static final Set<Who> STAFF = EnumSet.of(Who.CURATOR, Who.HEAD, Who.EXECUTOR, Who.FOREIGN_EXECUTOR);

	static final Set<Who> OWN_AGENCY_READERS = EnumSet.of(Who.CURATOR, Who.HEAD, Who.EXECUTOR);

	static final Set<Who> OWN_AGENCY_WORKERS = EnumSet.of(Who.CURATOR, Who.EXECUTOR);

	static final Set<Who> APPEAL_READERS = EnumSet.of(Who.CURATOR, Who.HEAD, Who.EXECUTOR, Who.INTEGRATOR);

	static final Set<Who> CURATOR = EnumSet.of(Who.CURATOR);

	static final Set<Who> WEBHOOK_KEEPERS = EnumSet.of(Who.CURATOR, Who.INTEGRATOR, Who.OTHER_INTEGRATOR);

	static final Set<Who> WEBHOOK_OWNERS = EnumSet.of(Who.CURATOR, Who.INTEGRATOR);

	/** One operation: who may call it, and how to call it on a fixture appeal. */
	record Rule(Set<Who> allowed, Function<Fixture, Call> call) {
	}

	/** A fresh appeal of the health ministry, ingested by the test integrator and taken by its executor. */
	record Fixture(String appealId, String agencyId, String answerId, String otherAgencyId, String channelAccountId,
			String webhookId, String deliveryId, java.util.function.Supplier<String> newWebhook) {
	}

	/** A GraphQL call and where its result lies. */
	record Call(String document, Map<String, Object> variables, String field) {

		static Call of(String document, String field, Object... variables) {
			Map<String, Object> map = new HashMap<>();
			for (int i = 0; i < variables.length; i += 2) {
				map.put((String) variables[i], variables[i + 1]);
			}
			return new Call(document, map, field);
		}

	}

	static final String PERIOD = "{ kind: MONTH }";

	/** Stands for a push device of the caller's own, registered just before the call (see withOwnPushDevice). */
	static final String OWN_PUSH_DEVICE = "own-push-device";

	static final Map<String, Rule> RULES = Map.ofEntries(
			// queries
			Map.entry("me", new Rule(ANY_ROLE, f -> Call.of("{ me { id roles } }", "me"))),
			Map.entry("agencies", new Rule(ANY_ROLE, f -> Call.of("{ agencies { id code } }", "agencies"))),
			Map.entry("limits", new Rule(ANY_ROLE, f -> Call.of("{ limits { answerText pageSize } }", "limits"))),
			Map.entry("agency", new Rule(ANY_ROLE, f -> Call.of("query($id: ID!) { agency(id: $id) { code } }", "agency", "id", f.agencyId()))),
			Map.entry("appeal", new Rule(APPEAL_READERS, f -> Call.of("query($id: ID!) { appeal(id: $id) { id } }", "appeal", "id", f.appealId()))),
			Map.entry("appeals", new Rule(APPEAL_READERS, f -> Call.of(
					"{ appeals(first: 100) { edges { node { id } } } }", "appeals"))),
			Map.entry("checkAnswerQuality", new Rule(ANY_ROLE, f -> Call.of(
					"{ checkAnswerQuality(text: \"Здравствуйте! Спасибо.\") { score } }", "checkAnswerQuality"))),
			Map.entry("slaForecast", new Rule(ANY_ROLE, f -> Call.of("{ slaForecast(channel: VK) { firstResponseDueAt } }", "slaForecast"))),
			Map.entry("slaPolicies", new Rule(ANY_ROLE, f -> Call.of("{ slaPolicies { code } }", "slaPolicies"))),
			Map.entry("calendarYear", new Rule(ANY_ROLE, f -> Call.of("{ calendarYear(year: 2026) { provisional } }", "calendarYear"))),
			Map.entry("agencyStats", new Rule(OWN_AGENCY_READERS, f -> Call.of(
					"query($a: ID!) { agencyStats(agencyId: $a, period: " + PERIOD + ") { figures { received } } }", "agencyStats", "a", f.agencyId()))),
			Map.entry("regionStats", new Rule(CURATOR, f -> Call.of("{ regionStats(period: " + PERIOD + ") { figures { received } } }", "regionStats"))),
			Map.entry("agencyRanking", new Rule(STAFF, f -> Call.of("{ agencyRanking(period: " + PERIOD + ") { minAppeals } }", "agencyRanking"))),
			Map.entry("qualityStats", new Rule(OWN_AGENCY_READERS, f -> Call.of(
					"query($a: ID) { qualityStats(agencyId: $a, period: " + PERIOD + ") { answers } }", "qualityStats", "a", f.agencyId()))),
			Map.entry("suggestRouting", new Rule(EnumSet.of(Who.CURATOR, Who.INTEGRATOR, Who.OTHER_INTEGRATOR), f -> Call.of(
					"{ suggestRouting(text: \"В Ягодном нет врача\") { category } }", "suggestRouting"))),
			Map.entry("routingAgencyRules", new Rule(CURATOR, f -> Call.of("{ routingAgencyRules }", "routingAgencyRules"))),
			Map.entry("routingModel", new Rule(EnumSet.of(Who.CURATOR, Who.HEAD), f -> Call.of("{ routingModel { version } }", "routingModel"))),
			Map.entry("auditLog", new Rule(CURATOR, f -> Call.of("{ auditLog(first: 5) { edges { node { id } } } }", "auditLog"))),
			Map.entry("regionSettings", new Rule(CURATOR, f -> Call.of("{ regionSettings { interimReviewBelowScore } }", "regionSettings"))),
			// mutations
			Map.entry("ingestAppeal", new Rule(EnumSet.of(Who.CURATOR, Who.INTEGRATOR, Who.OTHER_INTEGRATOR), f -> mutation("ingestAppeal",
					Map.of("channel", "VK", "externalId", uniqueId(), "text", "Матрица прав")))),
			Map.entry("rejectAppeal", new Rule(CURATOR, f -> mutation("rejectAppeal", Map.of("appealId", f.appealId(), "reason", "x")))),
			Map.entry("assignAppeal", new Rule(CURATOR, f -> mutation("assignAppeal", Map.of("appealId", f.appealId(), "agencyId", f.agencyId())))),
			Map.entry("reclassifyAppeal", new Rule(CURATOR, f -> mutation("reclassifyAppeal", Map.of("appealId", f.appealId(), "urgent", true)))),
			Map.entry("redirectAppeal", new Rule(OWN_AGENCY_WORKERS, f -> mutation("redirectAppeal",
					Map.of("appealId", f.appealId(), "agencyId", f.otherAgencyId(), "reason", "x")))),
			Map.entry("takeAppeal", new Rule(EnumSet.of(Who.EXECUTOR), f -> mutation("takeAppeal", Map.of("appealId", f.appealId())))),
			Map.entry("submitAnswer", new Rule(EnumSet.of(Who.EXECUTOR, Who.HEAD), f -> mutation("submitAnswer",
					Map.of("appealId", f.appealId(), "kind", "INTERIM", "text", "Здравствуйте! Выезжаем сегодня до 18:00.")))),
			// The fixture is held by EXECUTOR, who hands it over with a comment; the head and curators may too.
			Map.entry("reassignAppeal", new Rule(OWN_AGENCY_READERS, f -> mutation("reassignAppeal",
					Map.of("appealId", f.appealId(), "executorId", "exec2.health", "comment", "Ухожу в отпуск")))),
			Map.entry("takeOverAppeal", new Rule(EnumSet.of(Who.HEAD), f -> mutation("takeOverAppeal", Map.of("appealId", f.appealId())))),
			// Notes: the agency's staff and curators; another agency's executor gets NOT_FOUND, integrators FORBIDDEN.
			Map.entry("addAppealNote", new Rule(OWN_AGENCY_READERS, f -> mutation("addAppealNote",
					Map.of("appealId", f.appealId(), "text", "Матрица: заметка")))),
			// Stores what the suite's default already is (nothing held by score), so no other test sees a change.
			Map.entry("updateRegionSettings", new Rule(CURATOR, f -> mutation("updateRegionSettings",
					Map.of("interimReviewBelowScore", 0, "reviewAllInterimAnswers", false)))),
			Map.entry("agencyExecutors", new Rule(OWN_AGENCY_READERS, f -> Call.of(
					"query($a: ID!) { agencyExecutors(agencyId: $a) { edges { node { id } } } }", "agencyExecutors", "a", f.agencyId()))),
			Map.entry("approveAnswer", new Rule(CURATOR, f -> mutation("approveAnswer", Map.of("appealId", f.appealId(), "answerId", f.answerId())))),
			Map.entry("returnAnswer", new Rule(CURATOR, f -> mutation("returnAnswer",
					Map.of("appealId", f.appealId(), "answerId", f.answerId(), "comment", "x")))),
			Map.entry("closeAppeal", new Rule(CURATOR, f -> mutation("closeAppeal", Map.of("appealId", f.appealId())))),
			Map.entry("reopenAppeal", new Rule(CURATOR, f -> mutation("reopenAppeal", Map.of("appealId", f.appealId(), "reason", "x")))),
			Map.entry("pauseAppeal", new Rule(OWN_AGENCY_WORKERS, f -> mutation("pauseAppeal", Map.of("appealId", f.appealId(), "reason", "x")))),
			Map.entry("resumeAppeal", new Rule(OWN_AGENCY_WORKERS, f -> mutation("resumeAppeal", Map.of("appealId", f.appealId())))),
			Map.entry("extendAppealDeadline", new Rule(OWN_AGENCY_WORKERS, f -> mutation("extendAppealDeadline",
					Map.of("appealId", f.appealId(), "reason", "x")))),
			Map.entry("markAnswerPublished", new Rule(OWN_AGENCY_WORKERS, f -> mutation("markAnswerPublished",
					Map.of("appealId", f.appealId(), "answerId", f.answerId(), "link", "https://vk.com/wall-1_2")))),
			// A malformed line: the curator is allowed and gets INVALID, and the shared rules stay as they are.
			Map.entry("updateRoutingAgencyRules", new Rule(CURATOR, f -> mutation("updateRoutingAgencyRules", Map.of("text", "RULE|X")))),
			Map.entry("retrainRouting", new Rule(CURATOR, f -> mutation("retrainRouting", Map.of("reason", "матрица")))),
			// Webhooks: integrators register and manage their own, curators every one but register none; another
			// integrator's webhook is NOT_FOUND to an integrator. The endpoint is a closed local port: nothing leaves.
			Map.entry("webhooks", new Rule(WEBHOOK_KEEPERS, f -> Call.of("{ webhooks(first: 5) { edges { node { id } } } }", "webhooks"))),
			Map.entry("webhookDeliveries", new Rule(WEBHOOK_KEEPERS, f -> Call.of(
					"query($w: ID!) { webhookDeliveries(webhookId: $w, first: 5) { edges { node { id } } } }", "webhookDeliveries",
					"w", f.webhookId()))),
			Map.entry("registerWebhook", new Rule(EnumSet.of(Who.INTEGRATOR, Who.OTHER_INTEGRATOR), f -> mutation("registerWebhook",
					Map.of("url", "https://localhost:1/matrix", "eventTypes", List.of("REOPENED"))))),
			Map.entry("deleteWebhook", new Rule(WEBHOOK_OWNERS, f -> mutation("deleteWebhook",
					Map.of("webhookId", f.newWebhook().get())))),
			Map.entry("enableWebhook", new Rule(WEBHOOK_OWNERS, f -> mutation("enableWebhook", Map.of("webhookId", f.webhookId())))),
			Map.entry("redeliverWebhook", new Rule(WEBHOOK_OWNERS, f -> mutation("redeliverWebhook",
					Map.of("deliveryId", f.deliveryId())))),
			// The citizen's page: curators manage links and rating tasks; an agency's ratings are for its heads and curators.
			Map.entry("agencyRatings", new Rule(EnumSet.of(Who.CURATOR, Who.HEAD), f -> Call.of(
					"query($a: ID!) { agencyRatings(agencyId: $a, first: 5) { edges { node { score } } } }", "agencyRatings", "a", f.agencyId()))),
			Map.entry("ratingTasks", new Rule(CURATOR, f -> Call.of("{ ratingTasks(first: 5) { edges { node { id } } } }", "ratingTasks"))),
			Map.entry("revokeCitizenLink", new Rule(CURATOR, f -> mutation("revokeCitizenLink", Map.of("appealId", f.appealId())))),
			Map.entry("issueCitizenLink", new Rule(CURATOR, f -> mutation("issueCitizenLink", Map.of("appealId", f.appealId())))),
			Map.entry("closeRatingTask", new Rule(CURATOR, f -> mutation("closeRatingTask", Map.of("taskId", AuthorizationMatrixIntegrationTests.ratingTaskId)))),
			// Web push: every member of staff manages only their own devices (another's, or none, is NOT_FOUND);
			// integrators have no browser. The endpoint is a closed local port: nothing leaves.
			Map.entry("pushPublicKey", new Rule(STAFF, f -> Call.of("{ pushPublicKey }", "pushPublicKey"))),
			Map.entry("pushDevices", new Rule(STAFF, f -> Call.of("{ pushDevices(first: 5) { edges { node { id } } } }", "pushDevices"))),
			Map.entry("pushSettings", new Rule(STAFF, f -> Call.of("{ pushSettings { timeZone } }", "pushSettings"))),
			Map.entry("registerPushDevice", new Rule(STAFF, f -> mutation("registerPushDevice", Map.of("endpoint",
					"https://localhost:1/matrix-push/" + uniqueId(), "p256dh",
					"BOz8DPKdbmLolxxYJeDpKRXdcLzdcOtbM31yfSl5OvvvnqAa8TxsoeO-8h-CYzMfpQ45_KCCCJ86-lIeAaDSZ6M", "auth",
					"AAAAAAAAAAAAAAAAAAAAAA")))),
			Map.entry("updatePushDevice", new Rule(STAFF, f -> mutation("updatePushDevice",
					Map.of("deviceId", OWN_PUSH_DEVICE, "label", "Матрица")))),
			Map.entry("deletePushDevice", new Rule(STAFF, f -> mutation("deletePushDevice",
					Map.of("deviceId", OWN_PUSH_DEVICE)))),
			Map.entry("updatePushSettings", new Rule(STAFF, f -> mutation("updatePushSettings",
					Map.of("quietHoursEnabled", false)))),
			Map.entry("channelAccounts", new Rule(CURATOR, f -> Call.of("{ channelAccounts { id kind } }", "channelAccounts"))),
			Map.entry("connectChannelAccount", new Rule(CURATOR, f -> mutation("connectChannelAccount",
					Map.of("kind", "MAX", "name", "Матрица " + uniqueId(), "token", "max-token")))),
			Map.entry("updateChannelAccount", new Rule(CURATOR, f -> mutation("updateChannelAccount",
					Map.of("accountId", f.channelAccountId(), "name", "Матрица")))),
			Map.entry("disableChannelAccount", new Rule(CURATOR, f -> mutation("disableChannelAccount",
					Map.of("accountId", f.channelAccountId())))),
			Map.entry("checkChannelAccount", new Rule(CURATOR, f -> mutation("checkChannelAccount",
					Map.of("accountId", f.channelAccountId())))),
			Map.entry("retryDelivery", new Rule(CURATOR, f -> mutation("retryDelivery", Map.of("answerId", f.answerId())))),
			Map.entry("upsertSlaPolicy", new Rule(CURATOR, f -> Call.of("""
					mutation { upsertSlaPolicy(input: { code: "MATRIX", name: "Матрица", category: ENVIRONMENT, urgent: false,
					  channelGroup: FORMAL, calendar: BUSINESS, firstResponse: { amount: 3, unit: WORKING_DAYS },
					  finalAnswer: { amount: 30, unit: CALENDAR_DAYS } }) { errors { code } } }""", "upsertSlaPolicy"))),
			Map.entry("loadCalendarYear", new Rule(CURATOR, f -> Call.of("""
					mutation { loadCalendarYear(input: { year: 2040, source: "матрица", days: [] }) { errors { code } } }""",
					"loadCalendarYear"))),
			// Incidents: curators see and correct every one; executors and heads see those with an appeal of their
			// agency (the fixture incident has one of the health ministry's) and answer them; integrators none.
			// The corrections are called so that a curator gets a user error (REQUIRED, INVALID), not a change.
			Map.entry("incidents", new Rule(STAFF, f -> Call.of("{ incidents(first: 5) { edges { node { id } } } }", "incidents"))),
			Map.entry("incident", new Rule(OWN_AGENCY_READERS, f -> Call.of("query($id: ID!) { incident(id: $id) { id size } }",
					"incident", "id", AuthorizationMatrixIntegrationTests.incidentId))),
			Map.entry("confirmIncident", new Rule(CURATOR, f -> mutation("confirmIncident", Map.of("incidentId", AuthorizationMatrixIntegrationTests.incidentId)))),
			Map.entry("mergeIncidents", new Rule(CURATOR, f -> mutation("mergeIncidents",
					Map.of("incidentId", AuthorizationMatrixIntegrationTests.incidentId, "otherIncidentIds", List.of(AuthorizationMatrixIntegrationTests.incidentId))))),
			Map.entry("splitIncident", new Rule(CURATOR, f -> mutation("splitIncident",
					Map.of("incidentId", AuthorizationMatrixIntegrationTests.incidentId, "appealIds", List.of(f.appealId()))))),
			Map.entry("detachAppealFromIncident", new Rule(CURATOR, f -> mutation("detachAppealFromIncident",
					Map.of("incidentId", AuthorizationMatrixIntegrationTests.incidentId, "appealId", f.appealId())))),
			Map.entry("closeIncident", new Rule(CURATOR, f -> mutation("closeIncident", Map.of("incidentId", AuthorizationMatrixIntegrationTests.incidentId)))),
			Map.entry("answerIncident", new Rule(EnumSet.of(Who.EXECUTOR, Who.HEAD), f -> mutation("answerIncident",
					Map.of("incidentId", AuthorizationMatrixIntegrationTests.incidentId, "kind", "INTERIM", "text", "Здравствуйте! Аварийная бригада уже на месте, свет дадут к 18:00.")))),
			Map.entry("incidentUpdated", new Rule(STAFF, f -> Call.of("subscription { incidentUpdated { id } }", "incidentUpdated"))),
			// subscriptions (called over WebSocket)
			Map.entry("appealReceived", new Rule(ANY_ROLE, f -> Call.of("subscription { appealReceived { cursor } }", "appealReceived"))),
			Map.entry("appealChanged", new Rule(ANY_ROLE, f -> Call.of("subscription { appealChanged { cursor } }", "appealChanged"))),
			Map.entry("slaAlerted", new Rule(ANY_ROLE, f -> Call.of("subscription { slaAlerted { cursor } }", "slaAlerted"))));

	static Call mutation(String name, Map<String, Object> input) {
		String type = Character.toUpperCase(name.charAt(0)) + name.substring(1) + "Input";
		return Call.of("mutation($in: " + type + "!) { " + name + "(input: $in) { errors { code } } }", name, "in", input);
	}

	@Test
	void everyOperationInTheSchemaHasARule() throws IOException {
		assertThat(new TreeSet<>(RULES.keySet())).isEqualTo(new TreeSet<>(operations()));
	}

	static Set<String> operations() throws IOException {
		TypeDefinitionRegistry registry = org.otklik.graphql.SchemaFiles.registry();
		Set<String> names = new TreeSet<>();
		for (String root : List.of("Query", "Mutation", "Subscription")) {
			registry.getType(root, ObjectTypeDefinition.class)
				.ifPresent(type -> type.getFieldDefinitions().forEach(f -> names.add(f.getName())));
			for (ObjectTypeExtensionDefinition extension : registry.objectTypeExtensions().getOrDefault(root, List.of())) {
				extension.getFieldDefinitions().stream().map(FieldDefinition::getName).forEach(names::add);
			}
		}
		return names;
	}

	static Stream<Arguments> cases() {
		List<Arguments> cases = new ArrayList<>();
		RULES.keySet().stream().sorted().forEach(op -> {
			for (Who who : Who.values()) {
				cases.add(Arguments.of(op, who));
			}
		});
		return cases.stream();
	}

	@ParameterizedTest(name = "{0} as {1}")
	@MethodSource("cases")
	void operationIsAllowedOnlyForItsRoles(String operation, Who who) {
		Rule rule = RULES.get(operation);
		Fixture fixture = fixture();
		Call call = rule.call().apply(fixture);
		boolean allowed = call.document().startsWith("subscription") ? subscribe(call, who) : execute(call, who, fixture);
		assertThat(allowed).as(operation + " as " + who).isEqualTo(rule.allowed().contains(who));
	}

	@Test
	void personalDataIsShownOnlyToThoseWhoNeedIt() {
		Fixture fixture = fixture();
		String query = "query($id: ID!) { appeal(id: $id) { author { name profileUrl } } }";
		Map<Who, Boolean> expected = Map.of(Who.CURATOR, true, Who.EXECUTOR, true, Who.INTEGRATOR, true, Who.HEAD, false);
		expected.forEach((who, visible) -> {
			Map<?, ?> body = post(token(who), query, Map.of("id", fixture.appealId()));
			Map<?, ?> appeal = (Map<?, ?>) ((Map<?, ?>) body.get("data")).get("appeal");
			assertThat(appeal).as(who + " sees the appeal").isNotNull();
			assertThat(appeal.get("author") != null).as(who + " sees the author").isEqualTo(visible);
		});
		for (Who who : List.of(Who.FOREIGN_EXECUTOR, Who.OTHER_INTEGRATOR)) {
			Map<?, ?> body = post(token(who), query, Map.of("id", fixture.appealId()));
			assertThat(((Map<?, ?>) body.get("data")).get("appeal")).as(who + " sees nothing").isNull();
		}
		// Every read of personal data is in the audit log.
		Map<?, ?> audit = post(token(Who.CURATOR),
				"query($id: ID) { auditLog(filter: { appealId: $id, action: PERSONAL_DATA_READ }) { edges { node { actorId } } } }",
				Map.of("id", fixture.appealId()));
		List<?> edges = (List<?>) ((Map<?, ?>) ((Map<?, ?>) audit.get("data")).get("auditLog")).get("edges");
		List<String> actors = edges.stream().map(e -> String.valueOf(((Map<?, ?>) ((Map<?, ?>) e).get("node")).get("actorId"))).toList();
		assertThat(actors).contains("curator", "exec.minzdrav", "test-integrator");
	}

	Fixture fixture() {
		String id = ingest("Матрица прав: нет врача", Map.of("authorName", "Иван П.", "authorProfileUrl", "https://vk.com/id1"));
		String agencyId = agency(HEALTH).id();
		AppealLifecycleIntegrationTestsAccess.ok(curator(), "assignAppeal", Map.of("appealId", id, "agencyId", agencyId));
		AppealLifecycleIntegrationTestsAccess.ok(executor(HEALTH), "takeAppeal", Map.of("appealId", id));
		Map<String, Object> answered = AppealLifecycleIntegrationTestsAccess.ok(executor(HEALTH), "submitAnswer",
				Map.of("appealId", id, "kind", "INTERIM", "text", "Здравствуйте! Разбираемся."));
		String answerId = (String) ((Map<?, ?>) ((List<?>) answered.get("answers")).get(0)).get("id");
		incident();
		ratingTask();
		return new Fixture(id, agencyId, answerId, agency(TENKA).id(), channelAccount(), webhook(), delivery(),
				this::registerWebhook);
	}

	static volatile String incidentId;

	/** An incident of two posts, one of them assigned to the health ministry (made once). */
	synchronized void incident() {
		if (incidentId != null) {
			return;
		}
		String first = ingest("Матрица прав: в Гижиге нет света с утра");
		String second = ingest("Матрица прав: Гижига без электричества");
		String query = "query($id: ID!) { appeal(id: $id) { incident { id } } }";
		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		while (incidentId == null && System.nanoTime() < deadline) {
			Map<?, ?> appeal = (Map<?, ?>) ((Map<?, ?>) post(token(Who.CURATOR), query, Map.of("id", second)).get("data")).get("appeal");
			Object incident = appeal.get("incident");
			if (incident instanceof Map<?, ?> found) {
				incidentId = (String) found.get("id");
			}
			else {
				sleep(100);
			}
		}
		assertThat(incidentId).as("the posts were grouped").isNotNull();
		AppealLifecycleIntegrationTestsAccess.ok(curator(), "assignAppeal", Map.of("appealId", first, "agencyId", agency(HEALTH).id()));
		// The incident learns its member's agency from the event stream.
		while (System.nanoTime() < deadline) {
			Map<?, ?> data = (Map<?, ?>) post(token(Who.HEAD), "query($id: ID!) { incident(id: $id) { id } }",
					Map.of("id", incidentId)).get("data");
			if (data.get("incident") != null) {
				return;
			}
			sleep(100);
		}
		throw new AssertionError("the head of the health ministry never saw the incident");
	}

	static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError(ex);
		}
	}

	static String webhookId;

	static String ratingTaskId;

	/** A task opened by a citizen's low rating (made once, through the public page). */
	void ratingTask() {
		if (ratingTaskId == null) {
			ratingTaskId = org.otklik.citizen.CitizenTestSupport.lowRatingTask(this.port, curator(), executor(HEALTH),
					ingest("Матрица прав: низкая оценка"), agency(HEALTH).id());
		}
	}

	static String deliveryId;

	/** The test integrator's webhook for new appeals (registered once: registering is itself under test). */
	String webhook() {
		if (webhookId == null) {
			webhookId = registerWebhook();
		}
		return webhookId;
	}

	String registerWebhook() {
		Map<?, ?> body = post(token(Who.INTEGRATOR), """
				mutation($in: RegisterWebhookInput!) { registerWebhook(input: $in) { webhook { id } errors { code } } }""",
				Map.of("in", Map.of("url", "https://localhost:1/matrix", "eventTypes", List.of("RECEIVED"))));
		Map<?, ?> payload = (Map<?, ?>) ((Map<?, ?>) body.get("data")).get("registerWebhook");
		assertThat((List<?>) payload.get("errors")).isEmpty();
		return (String) ((Map<?, ?>) payload.get("webhook")).get("id");
	}

	/** A delivery of the webhook: the fixture appeals are the test integrator's, so each one is queued for it. */
	String delivery() {
		String webhook = webhook();
		if (deliveryId == null) {
			ingest("Матрица прав: событие для вебхука");
		}
		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		while (deliveryId == null && System.nanoTime() < deadline) {
			Map<?, ?> body = post(token(Who.INTEGRATOR),
					"query($w: ID!) { webhookDeliveries(webhookId: $w, first: 1) { edges { node { id } } } }",
					Map.of("w", webhook));
			List<?> edges = (List<?>) ((Map<?, ?>) ((Map<?, ?>) body.get("data")).get("webhookDeliveries")).get("edges");
			if (!edges.isEmpty()) {
				deliveryId = (String) ((Map<?, ?>) ((Map<?, ?>) edges.get(0)).get("node")).get("id");
			}
			else {
				try {
					Thread.sleep(100);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					break;
				}
			}
		}
		assertThat(deliveryId).as("a delivery was queued for the webhook").isNotNull();
		return deliveryId;
	}

	static String channelAccountId;

	/** One Telegram account for the channel operations (connected once: connecting is itself under test). */
	synchronized String channelAccount() {
		if (channelAccountId == null) {
			channelAccountId = curator().document("""
					mutation { connectChannelAccount(input: { kind: TELEGRAM, name: "Матрица", token: "123:abc" })
					  { errors { code } account { id } } }""").execute().path("connectChannelAccount.account.id")
				.entity(String.class).get();
		}
		return channelAccountId;
	}

	String token(Who who) {
		return switch (who) {
			case CURATOR -> this.tokens.curator();
			case HEAD -> this.tokens.head(HEALTH);
			case EXECUTOR -> this.tokens.executor(HEALTH);
			case FOREIGN_EXECUTOR -> this.tokens.executor(TENKA);
			case INTEGRATOR -> this.tokens.integrator("test-integrator");
			case OTHER_INTEGRATOR -> this.tokens.integrator("other-integrator");
			case NO_ROLE -> this.tokens.user("nobody", "Никто", HEALTH);
			case ANONYMOUS -> null;
		};
	}

	/** Allowed means: authenticated, no top-level refusal, and (for reads of the fixture) the object visible. */
	/**
	 * Push devices are only ever their owner's: a call on {@link #OWN_PUSH_DEVICE} gets a device the caller
	 * registered just now (callers who may not register one keep an id that names no device).
	 */
	Call withOwnPushDevice(Call call, String token) {
		Map<?, ?> input = (call.variables().get("in") instanceof Map<?, ?> in) ? in : Map.of();
		if (!OWN_PUSH_DEVICE.equals(input.get("deviceId"))) {
			return call;
		}
		String deviceId = "000000000000000000000000";
		if (token != null) {
			Map<?, ?> body = post(token, """
					mutation($in: RegisterPushDeviceInput!) { registerPushDevice(input: $in) { device { id } } }""",
					Map.of("in", Map.of("endpoint", "https://localhost:1/matrix-push/" + uniqueId(), "p256dh",
							"BOz8DPKdbmLolxxYJeDpKRXdcLzdcOtbM31yfSl5OvvvnqAa8TxsoeO-8h-CYzMfpQ45_KCCCJ86-lIeAaDSZ6M", "auth",
							"AAAAAAAAAAAAAAAAAAAAAA")));
			Map<?, ?> data = (Map<?, ?>) body.get("data");
			Map<?, ?> payload = (data != null) ? (Map<?, ?>) data.get("registerPushDevice") : null;
			Map<?, ?> device = (payload != null) ? (Map<?, ?>) payload.get("device") : null;
			if (device != null) {
				deviceId = (String) device.get("id");
			}
		}
		Map<String, Object> replaced = new HashMap<>();
		input.forEach((key, value) -> replaced.put((String) key, value));
		replaced.put("deviceId", deviceId);
		return new Call(call.document(), Map.of("in", replaced), call.field());
	}

	boolean execute(Call call, Who who, Fixture fixture) {
		WebTestClient client = WebTestClient.bindToServer().baseUrl(graphQlUrl()).responseTimeout(Duration.ofSeconds(30)).build();
		var spec = client.post().header("Content-Type", "application/json");
		String token = token(who);
		if (token != null) {
			spec = spec.header("Authorization", "Bearer " + token);
		}
		call = withOwnPushDevice(call, token);
		var result = spec.bodyValue(Map.of("query", call.document(), "variables", call.variables())).exchange()
			.expectBody(Map.class).returnResult();
		// The body is always read to the end, so the connection goes back to the pool clean.
		if (result.getStatus().value() == 401 || result.getStatus().value() == 403) {
			return false;
		}
		Map<?, ?> body = result.getResponseBody();
		List<?> errors = (List<?>) body.get("errors");
		if (errors != null && errors.stream().anyMatch(e -> refused((Map<?, ?>) e))) {
			return false;
		}
		assertThat(errors).as("unexpected errors for " + call.field() + " as " + who).isNullOrEmpty();
		Object data = ((Map<?, ?>) body.get("data")).get(call.field());
		if (data instanceof Map<?, ?> payload && payload.containsKey("errors")) {
			// Out of the caller's scope looks exactly like a missing appeal, so nothing leaks.
			return ((List<?>) payload.get("errors")).stream()
				.map(e -> ((Map<?, ?>) e).get("code"))
				.noneMatch(code -> "NOT_FOUND".equals(code) || "FORBIDDEN".equals(code));
		}
		if (call.field().equals("appeal")) {
			return data != null;
		}
		if (call.field().equals("appeals")) {
			return String.valueOf(data).contains(fixture.appealId());
		}
		if (call.field().equals("agencyExecutors")) {
			// Another agency's staff get an empty list rather than an error: nothing about the agency leaks.
			return String.valueOf(data).contains("exec2.health");
		}
		return data != null;
	}

	static boolean refused(Map<?, ?> error) {
		Object extensions = error.get("extensions");
		Object classification = (extensions instanceof Map<?, ?> map) ? map.get("classification") : null;
		return "FORBIDDEN".equals(classification) || "UNAUTHORIZED".equals(classification);
	}

	/** Allowed means: the subscription stays open for a while without an error. */
	boolean subscribe(Call call, Who who) {
		String token = token(who);
		WebSocketGraphQlClient client = WebSocketGraphQlClient
			.builder(java.net.URI.create(webSocketUrl()), new ReactorNettyWebSocketClient())
			.interceptor(new WebSocketGraphQlClientInterceptor() {
				@Override
				public Mono<Object> connectionInitPayload() {
					return (token != null) ? Mono.just(Map.of("Authorization", "Bearer " + token)) : Mono.just(Map.of());
				}
			})
			.build();
		try {
			// Connected and acknowledged first, so that the window below holds only the subscription's own
			// handling: with the handshake and connection_init inside it, a refusal arriving after 1.5 s on a
			// loaded machine read as "allowed". A connection refused at init fails here, which is a refusal.
			if (client.start().then(Mono.just(true)).onErrorResume(ex -> Mono.just(false)).block(Duration.ofSeconds(20)) != Boolean.TRUE) {
				return false;
			}
			return client.document(call.document())
				.retrieveSubscription(call.field())
				.toEntity(Map.class)
				.take(Duration.ofMillis(1500))
				.then(Mono.just(true))
				.onErrorResume(ex -> Mono.just(false))
				.block(Duration.ofSeconds(20));
		}
		finally {
			client.stop().block(Duration.ofSeconds(5));
		}
	}

	Map<?, ?> post(String token, String query, Map<String, Object> variables) {
		return WebTestClient.bindToServer().baseUrl(graphQlUrl()).build().post()
			.header("Authorization", "Bearer " + token)
			.header("Content-Type", "application/json")
			.bodyValue(Map.of("query", query, "variables", variables))
			.exchange()
			.returnResult(Map.class)
			.getResponseBody()
			.blockFirst(Duration.ofSeconds(30));
	}

}
