package org.otklik.webhook;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.otklik.support.FakeHttpServer;
import tools.jackson.databind.JsonNode;

import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Integrators' webhooks against a local receiver: signed deliveries with a stable event id, retries
 * until the receiver accepts, only the integrator's own appeals, redelivery, and the rules of who may
 * do what.
 */
class WebhookIntegrationTests extends WebhookTestSupport {

	@Test
	void aDeliveryIsSignedWithTheSecretAndCarriesTheEventAndTheOwnAppealWithItsAuthor() throws Exception {
		HttpGraphQlTester integrator = integrator("sign-" + uniqueId());
		Map<String, String> hook = register(integrator, "RECEIVED");
		String appealId = ingestAs(integrator, "Не убран снег во дворе " + uniqueId());

		await(() -> RECEIVER.calls(hook.get("path")).size() == 1, "the event reached the receiver");
		FakeHttpServer.Call call = RECEIVER.calls(hook.get("path")).get(0);
		Map<String, String> signature = signature(call.header("X-Otklik-Signature"));
		assertThat(signature.get("v1")).isEqualTo(expectedSignature(hook.get("secret"), signature.get("t"), call.body()));
		// The signature covers the body and the timestamp: a changed one does not verify.
		assertThat(signature.get("v1")).isNotEqualTo(expectedSignature(hook.get("secret"), signature.get("t"), call.body() + " "))
			.isNotEqualTo(expectedSignature(hook.get("secret"), String.valueOf(Long.parseLong(signature.get("t")) - 1),
					call.body()));

		JsonNode body = json(call.body());
		assertThat(call.header("X-Otklik-Event-Id")).isEqualTo(body.get("id").asString());
		assertThat(call.header("X-Otklik-Event-Type")).isEqualTo("RECEIVED");
		assertThat(call.header("X-Otklik-Webhook-Id")).isEqualTo(hook.get("id"));
		assertThat(call.header("Content-Type")).startsWith("application/json");
		assertThat(body.get("type").asString()).isEqualTo("RECEIVED");
		assertThat(body.get("occurredAt").asString()).isNotBlank();
		assertThat(body.get("appeal").get("id").asString()).isEqualTo(appealId);
		assertThat(body.get("appeal").get("status").asString()).isEqualTo("NEW");
		// The integrator sent the appeal, so it may see the author, as in the API.
		assertThat(body.get("appeal").get("author").get("name").asString()).isEqualTo("Анна Петрова");

		await(() -> "DELIVERED".equals(deliveries(integrator, hook.get("id")).get(0).get("state")), "recorded as delivered");
		Map<String, Object> delivery = deliveries(integrator, hook.get("id")).get(0);
		assertThat(delivery.get("eventId")).isEqualTo(body.get("id").asString());
		assertThat(delivery.get("appealId")).isEqualTo(appealId);
		assertThat(statusCodes(delivery)).containsExactly(200);
		assertThat(delivery.get("lastError")).isNull();
	}

	@Test
	void aReceiverThatFailsTwiceGetsTheEventThreeTimesWithOneEventId() {
		HttpGraphQlTester integrator = integrator("retry-" + uniqueId());
		Map<String, String> hook = register(integrator, "RECEIVED");
		RECEIVER.next(hook.get("path"), 500, 503);
		ingestAs(integrator, "Яма на дороге у школы " + uniqueId());

		await(() -> RECEIVER.calls(hook.get("path")).size() == 3, "three attempts");
		List<FakeHttpServer.Call> calls = RECEIVER.calls(hook.get("path"));
		assertThat(calls).extracting(c -> c.header("X-Otklik-Event-Id")).containsOnly(calls.get(0).header("X-Otklik-Event-Id"));
		assertThat(calls).extracting(FakeHttpServer.Call::body).containsOnly(calls.get(0).body());
		assertThat(calls).extracting(c -> c.header("X-Otklik-Delivery-Id")).containsOnly(calls.get(0).header("X-Otklik-Delivery-Id"));

		await(() -> "DELIVERED".equals(deliveries(integrator, hook.get("id")).get(0).get("state")), "recorded as delivered");
		Map<String, Object> delivery = deliveries(integrator, hook.get("id")).get(0);
		assertThat(delivery.get("attemptCount")).isEqualTo(3);
		assertThat(delivery.get("nextAttemptAt")).isNull();
		assertThat(statusCodes(delivery)).containsExactly(500, 503, 200);
		// Nothing more is sent once the receiver accepted it.
		assertThat(RECEIVER.calls(hook.get("path"))).hasSize(3);
	}

	@Test
	void aForeignIntegratorsAppealNeverReachesAnotherOne() {
		HttpGraphQlTester first = integrator("first-" + uniqueId());
		HttpGraphQlTester second = integrator("second-" + uniqueId());
		Map<String, String> firstHook = register(first, "RECEIVED", "ASSIGNED");
		Map<String, String> secondHook = register(second, "RECEIVED", "ASSIGNED");

		String firstAppeal = ingestAs(first, "Нет воды в доме " + uniqueId());
		curator().document("mutation($in: AssignAppealInput!) { assignAppeal(input: $in) { errors { code } } }")
			.variable("in", Map.of("appealId", firstAppeal, "agencyId", agency(MAGADAN).id()))
			.execute().path("assignAppeal.errors").entityList(Object.class).hasSize(0);
		// Later in the stream than every event of the first appeal, so the dispatcher has judged those already.
		String secondAppeal = ingestAs(second, "Не горят фонари " + uniqueId());

		await(() -> RECEIVER.calls(secondHook.get("path")).size() == 1, "the second integrator got its own appeal");
		await(() -> RECEIVER.calls(firstHook.get("path")).size() == 2, "the first integrator got both of its events");
		assertThat(RECEIVER.calls(secondHook.get("path"))).allSatisfy(c -> {
			assertThat(json(c.body()).get("appeal").get("id").asString()).isEqualTo(secondAppeal);
			assertThat(c.body()).doesNotContain(firstAppeal);
		});
		assertThat(RECEIVER.calls(firstHook.get("path"))).allSatisfy(c -> {
			assertThat(json(c.body()).get("appeal").get("id").asString()).isEqualTo(firstAppeal);
			assertThat(c.body()).doesNotContain(secondAppeal);
		});
		assertThat(RECEIVER.calls(firstHook.get("path"))).extracting(c -> c.header("X-Otklik-Event-Type"))
			.containsExactlyInAnyOrder("RECEIVED", "ASSIGNED");
		// Nothing of the first appeal was even queued for the second integrator.
		assertThat(deliveries(second, secondHook.get("id"))).extracting(d -> d.get("appealId")).containsOnly(secondAppeal);
	}

	@Test
	void aDeliveryCanBeSentAgainWithTheSameEventId() {
		HttpGraphQlTester integrator = integrator("again-" + uniqueId());
		Map<String, String> hook = register(integrator, "RECEIVED");
		ingestAs(integrator, "Сломана скамейка " + uniqueId());
		await(() -> !deliveries(integrator, hook.get("id")).isEmpty()
				&& "DELIVERED".equals(deliveries(integrator, hook.get("id")).get(0).get("state")), "delivered");
		String deliveryId = (String) deliveries(integrator, hook.get("id")).get(0).get("id");

		integrator.document("mutation($in: RedeliverWebhookInput!) { redeliverWebhook(input: $in) { errors { code } delivery { id } } }")
			.variable("in", Map.of("deliveryId", deliveryId)).execute()
			.path("redeliverWebhook.errors").entityList(Object.class).hasSize(0);

		await(() -> RECEIVER.calls(hook.get("path")).size() == 2, "sent again");
		List<FakeHttpServer.Call> calls = RECEIVER.calls(hook.get("path"));
		assertThat(calls.get(1).header("X-Otklik-Event-Id")).isEqualTo(calls.get(0).header("X-Otklik-Event-Id"));
		assertThat(calls.get(1).body()).isEqualTo(calls.get(0).body());
		await(() -> Integer.valueOf(2).equals(deliveries(integrator, hook.get("id")).get(0).get("attemptCount")),
				"both attempts recorded");
	}

	@Test
	void onlyIntegratorsRegisterAndOnlyOwnersOrCuratorsManage() {
		Map<String, Object> input = Map.of("url", RECEIVER.url("/never"), "eventTypes", List.of("RECEIVED"));
		assertForbidden(executor(MAGADAN).document(REGISTER).variable("in", input));
		assertForbidden(head(MAGADAN).document(REGISTER).variable("in", input));
		assertForbidden(curator().document(REGISTER).variable("in", input));
		assertForbidden(executor(MAGADAN).document(WEBHOOKS));

		HttpGraphQlTester owner = integrator("owner-" + uniqueId());
		HttpGraphQlTester other = integrator("other-" + uniqueId());
		Map<String, String> hook = register(owner, "RECEIVED");
		String id = hook.get("id");
		ingestAs(owner, "Мусор не вывезен " + uniqueId());
		await(() -> !deliveries(owner, id).isEmpty(), "a delivery to look at");
		String deliveryId = (String) deliveries(owner, id).get(0).get("id");

		// Another integrator neither sees nor touches it.
		assertThat(webhooks(other)).extracting(w -> w.get("id")).doesNotContain(id);
		assertThat(webhooks(owner)).extracting(w -> w.get("id")).containsExactly(id);
		assertThat(deliveries(other, id)).isEmpty();
		other.document("mutation($in: DeleteWebhookInput!) { deleteWebhook(input: $in) { deletedWebhookId errors { code field } } }")
			.variable("in", Map.of("webhookId", id)).execute()
			.path("deleteWebhook.errors[0].code").entity(String.class).isEqualTo("NOT_FOUND")
			.path("deleteWebhook.deletedWebhookId").valueIsNull();
		other.document("mutation($in: RedeliverWebhookInput!) { redeliverWebhook(input: $in) { errors { code } } }")
			.variable("in", Map.of("deliveryId", deliveryId)).execute()
			.path("redeliverWebhook.errors[0].code").entity(String.class).isEqualTo("NOT_FOUND");

		// Curators see every webhook and may delete any.
		assertThat(webhooks(curator())).extracting(w -> w.get("id")).contains(id);
		assertThat(deliveries(curator(), id)).isNotEmpty();
		curator().document("mutation($in: DeleteWebhookInput!) { deleteWebhook(input: $in) { deletedWebhookId errors { code } } }")
			.variable("in", Map.of("webhookId", id)).execute()
			.path("deleteWebhook.errors").entityList(Object.class).hasSize(0)
			.path("deleteWebhook.deletedWebhookId").entity(String.class).isEqualTo(id);
		assertThat(webhooks(owner)).isEmpty();
	}

	@Test
	void badInputComesBackAsUserErrors() {
		HttpGraphQlTester integrator = integrator("input-" + uniqueId());
		assertUserError(integrator, Map.of("url", "http://example.ru/otklik", "eventTypes", List.of("RECEIVED")), "INVALID", "url");
		assertUserError(integrator, Map.of("url", "ftp://example.ru/otklik", "eventTypes", List.of("RECEIVED")), "INVALID", "url");
		assertUserError(integrator, Map.of("url", "https://user:pw@example.ru/", "eventTypes", List.of("RECEIVED")), "INVALID", "url");
		assertUserError(integrator, Map.of("url", "не адрес", "eventTypes", List.of("RECEIVED")), "INVALID", "url");
		assertUserError(integrator, Map.of("url", " ", "eventTypes", List.of("RECEIVED")), "REQUIRED", "url");
		assertUserError(integrator, Map.of("url", "https://example.ru/otklik", "eventTypes", List.of()), "REQUIRED", "eventTypes");
		assertUserError(integrator, Map.of("url", "https://example.ru/" + "x".repeat(2100), "eventTypes", List.of("RECEIVED")),
				"TOO_LONG", "url");
		// An unknown event type is not an AppealEventType: the schema refuses the request before it runs.
		integrator.document(REGISTER)
			.variable("in", Map.of("url", "https://example.ru/otklik", "eventTypes", List.of("APPEAL_EXPLODED")))
			.execute()
			.errors()
			.satisfy(errors -> assertThat(errors).isNotEmpty()
				.allSatisfy(e -> assertThat(e.getErrorType().toString()).isEqualTo("ValidationError")));
		assertThat(webhooks(integrator)).isEmpty();
		// An https endpoint is fine.
		integrator.document(REGISTER)
			.variable("in", Map.of("url", "https://example.ru/otklik", "eventTypes", List.of("RECEIVED", "SLA_BREACHED")))
			.execute()
			.path("registerWebhook.errors").entityList(Object.class).hasSize(0)
			.path("registerWebhook.secret").entity(String.class).satisfies(s -> assertThat(s).startsWith("whsec_").hasSizeGreaterThan(40))
			.path("registerWebhook.webhook.eventTypes").entityList(String.class).containsExactly("RECEIVED", "SLA_BREACHED");
	}

	private static void assertUserError(HttpGraphQlTester who, Map<String, Object> input, String code, String field) {
		who.document(REGISTER).variable("in", input).execute()
			.path("registerWebhook.webhook").valueIsNull()
			.path("registerWebhook.secret").valueIsNull()
			.path("registerWebhook.errors[0].code").entity(String.class).isEqualTo(code)
			.path("registerWebhook.errors[0].field").entityList(String.class).containsExactly("input", field);
	}

	private static void assertForbidden(GraphQlTester.Request<?> request) {
		request.execute().errors().satisfy(errors -> {
			assertThat(errors).isNotEmpty();
			assertThat(errors).allSatisfy(e -> assertThat(e.getExtensions()).containsEntry("errorDetail", "FORBIDDEN"));
		});
	}

}
