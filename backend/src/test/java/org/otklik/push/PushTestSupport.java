package org.otklik.push;

import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.otklik.security.Role;
import org.otklik.support.FakeHttpServer;
import org.otklik.support.IntegrationTestSupport;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.test.context.TestPropertySource;

/**
 * The whole application with short waits, http to localhost allowed, and one fake push service whose
 * paths tests subscribe at. Each test signs in as staff of its own, so other tests' devices never mix in.
 */
@TestPropertySource(properties = { "otklik.push.allow-http-localhost=true", "otklik.push.initial-backoff=50ms",
		"otklik.push.max-backoff=200ms", "otklik.push.send-every=100ms", "otklik.push.group-window=200ms",
		"otklik.push.max-attempts=4" })
abstract class PushTestSupport extends IntegrationTestSupport {

	static final FakeHttpServer PUSH = FakeHttpServer.byPath("fake-push", 201);

	static final JsonMapper JSON = JsonMapper.builder().build();

	static final String REGISTER = """
			mutation($in: RegisterPushDeviceInput!) { registerPushDevice(input: $in) {
			  errors { code field message } device { id label pushService notices } } }""";

	static final String DEVICES = "{ pushDevices(first: 100) { edges { node { id label notices pushService } } } }";

	/** A tester for an executor of the agency, with a subject of the test's own. */
	HttpGraphQlTester executorOf(String agencyCode, String who) {
		return as(this.tokens.user("exec-" + who, "Исполнитель", agencyCode, Role.EXECUTOR));
	}

	/** A new browser subscription at a fresh path of the fake push service. */
	BrowserSubscription browser() throws Exception {
		return new BrowserSubscription(PUSH.url("/push/" + uniqueId()));
	}

	static String path(BrowserSubscription browser) {
		return browser.endpoint.substring(browser.endpoint.indexOf("/push/"));
	}

	String register(HttpGraphQlTester who, BrowserSubscription browser) {
		var response = who.document(REGISTER).variable("in", browser.input("Телефон")).execute();
		response.path("registerPushDevice.errors").entityList(Object.class).hasSize(0);
		return response.path("registerPushDevice.device.id").entity(String.class).get();
	}

	@SuppressWarnings("unchecked")
	List<Map<String, Object>> devices(HttpGraphQlTester who) {
		return (List<Map<String, Object>>) (List<?>) who.document(DEVICES).execute()
			.path("pushDevices.edges[*].node").entityList(Map.class).get();
	}

	void assign(String appealId, String agencyCode) {
		curator().document("mutation($in: AssignAppealInput!) { assignAppeal(input: $in) { errors { code } } }")
			.variable("in", Map.of("appealId", appealId, "agencyId", agency(agencyCode).id()))
			.execute().path("assignAppeal.errors").entityList(Object.class).hasSize(0);
	}

	/** The stored notices of a device. */
	List<Document> notices(String deviceId) {
		return this.mongo.find(Query.query(Criteria.where("deviceId").is(deviceId)), Document.class, "push_notices")
			.collectList().block(java.time.Duration.ofSeconds(10));
	}

	static JsonNode json(String text) {
		return JSON.readTree(text);
	}

}
