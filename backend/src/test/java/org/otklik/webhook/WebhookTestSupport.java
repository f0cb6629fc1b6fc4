package org.otklik.webhook;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.otklik.support.FakeHttpServer;
import org.otklik.support.IntegrationTestSupport;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.test.context.TestPropertySource;

/**
 * The whole application with short backoffs and http to localhost allowed, and one fake receiver whose
 * paths tests register as webhooks.
 */
@TestPropertySource(properties = { "otklik.webhooks.allow-http-localhost=true", "otklik.webhooks.initial-backoff=50ms",
		"otklik.webhooks.max-backoff=200ms", "otklik.webhooks.send-every=100ms" })
abstract class WebhookTestSupport extends IntegrationTestSupport {

	static final FakeHttpServer RECEIVER = FakeHttpServer.byPath("fake-receiver", 200);

	static final JsonMapper JSON = JsonMapper.builder().build();

	static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() {
	};

	static final String REGISTER = """
			mutation($in: RegisterWebhookInput!) { registerWebhook(input: $in) {
			  secret errors { code field message } webhook { id url eventTypes ownerId enabled } } }""";

	static final String DELIVERIES = """
			query($id: ID!) { webhookDeliveries(webhookId: $id, first: 50) { edges { node { id eventId eventType appealId
			  state attemptCount nextAttemptAt lastError attempts { statusCode error } } } } }""";

	static final String WEBHOOKS = """
			{ webhooks(first: 100) { edges { node { id ownerId enabled disabledReason disabledAt } } } }""";

	/** A tester for an integrator client of the test's own. */
	HttpGraphQlTester integrator(String clientId) {
		return as(this.tokens.integrator(clientId));
	}

	/** Registers a webhook at a fresh path of the receiver; returns id, secret and path. */
	Map<String, String> register(HttpGraphQlTester who, String... eventTypes) {
		String path = "/hook-" + uniqueId();
		var response = who.document(REGISTER)
			.variable("in", Map.of("url", RECEIVER.url(path), "eventTypes", List.of(eventTypes), "description", "тест"))
			.execute();
		response.path("registerWebhook.errors").entityList(Object.class).hasSize(0);
		String id = response.path("registerWebhook.webhook.id").entity(String.class).get();
		String secret = response.path("registerWebhook.secret").entity(String.class).get();
		return Map.of("id", id, "secret", secret, "path", path);
	}

	/** Ingests an appeal with an author as the given integrator and returns its id. */
	String ingestAs(HttpGraphQlTester who, String text) {
		Map<String, Object> input = new HashMap<>(Map.of("channel", "VK", "externalId", uniqueId(), "text", text,
				"authorName", "Анна Петрова", "authorProfileUrl", "https://vk.com/id1"));
		return who.documentName("ingestAppeal").variable("input", input).execute()
			.path("ingestAppeal.errors").entityList(Object.class).hasSize(0)
			.path("ingestAppeal.appeal.id").entity(String.class).get();
	}

	@SuppressWarnings("unchecked")
	List<Map<String, Object>> deliveries(HttpGraphQlTester who, String webhookId) {
		return (List<Map<String, Object>>) (List<?>) who.document(DELIVERIES).variable("id", webhookId).execute()
			.path("webhookDeliveries.edges[*].node").entityList(Map.class).get();
	}

	@SuppressWarnings("unchecked")
	List<Map<String, Object>> webhooks(HttpGraphQlTester who) {
		return (List<Map<String, Object>>) (List<?>) who.document(WEBHOOKS).execute()
			.path("webhooks.edges[*].node").entityList(Map.class).get();
	}

	/** The receiver's status code of each attempt of a delivery, oldest first. */
	static List<Object> statusCodes(Map<String, Object> delivery) {
		return ((List<?>) delivery.get("attempts")).stream().map(a -> ((Map<?, ?>) a).get("statusCode")).map(Object.class::cast)
			.toList();
	}

	static JsonNode json(String body) {
		return JSON.readTree(body);
	}

	/** What a receiver does: HMAC-SHA256 of {@code t + "." + body} under the secret, hex. */
	static String expectedSignature(String secret, String timestamp, String body) throws Exception {
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
		return java.util.HexFormat.of().formatHex(mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
	}

	/** The header {@code t=...,v1=...} as a map. */
	static Map<String, String> signature(String header) {
		Map<String, String> parts = new HashMap<>();
		for (String part : header.split(",")) {
			int eq = part.indexOf('=');
			parts.put(part.substring(0, eq).trim(), part.substring(eq + 1).trim());
		}
		return parts;
	}

}
