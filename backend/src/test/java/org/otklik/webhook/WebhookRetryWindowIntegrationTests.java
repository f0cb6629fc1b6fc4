package org.otklik.webhook;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.otklik.support.FakeHttpServer;

import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A receiver that never accepts: after the retry window (a second here, a day by default) the delivery
 * fails, the webhook is disabled with the reason its owner reads, and enabling it and redelivering
 * sends the same event again.
 */
@TestPropertySource(properties = "otklik.webhooks.retry-window=1s")
class WebhookRetryWindowIntegrationTests extends WebhookTestSupport {

	@Test
	void aWebhookIsDisabledWhenItsReceiverRefusesForTheWholeWindowAndCanBeEnabledAgain() {
		HttpGraphQlTester integrator = integrator("window-" + uniqueId());
		Map<String, String> hook = register(integrator, "RECEIVED");
		RECEIVER.always(hook.get("path"), 500);
		ingestAs(integrator, "Не работает лифт " + uniqueId());

		await(() -> Boolean.FALSE.equals(webhooks(integrator).get(0).get("enabled")), "the webhook was disabled");
		Map<String, Object> webhook = webhooks(integrator).get(0);
		Map<String, Object> failed = deliveries(integrator, hook.get("id")).get(0);
		assertThat(failed.get("state")).isEqualTo("FAILED");
		assertThat(failed.get("nextAttemptAt")).isNull();
		assertThat((Integer) failed.get("attemptCount")).isPositive();
		assertThat(statusCodes(failed)).containsOnly(500);
		assertThat((String) webhook.get("disabledReason")).contains((String) failed.get("eventId")).contains("HTTP 500");
		assertThat(webhook.get("disabledAt")).isNotNull();
		int attempts = RECEIVER.calls(hook.get("path")).size();
		assertThat(attempts).isEqualTo((Integer) failed.get("attemptCount"));

		// Disabled: a redelivery is refused until the integrator enables it again.
		String redeliver = "mutation($in: RedeliverWebhookInput!) { redeliverWebhook(input: $in) { errors { code } } }";
		integrator.document(redeliver).variable("in", Map.of("deliveryId", failed.get("id"))).execute()
			.path("redeliverWebhook.errors[0].code").entity(String.class).isEqualTo("ILLEGAL_TRANSITION");
		RECEIVER.always(hook.get("path"), 204);
		integrator.document("mutation($in: EnableWebhookInput!) { enableWebhook(input: $in) { errors { code } webhook { enabled disabledReason } } }")
			.variable("in", Map.of("webhookId", hook.get("id"))).execute()
			.path("enableWebhook.errors").entityList(Object.class).hasSize(0)
			.path("enableWebhook.webhook.enabled").entity(Boolean.class).isEqualTo(true)
			.path("enableWebhook.webhook.disabledReason").valueIsNull();
		integrator.document(redeliver).variable("in", Map.of("deliveryId", failed.get("id"))).execute()
			.path("redeliverWebhook.errors").entityList(Object.class).hasSize(0);

		await(() -> "DELIVERED".equals(deliveries(integrator, hook.get("id")).get(0).get("state")), "delivered after all");
		List<FakeHttpServer.Call> calls = RECEIVER.calls(hook.get("path"));
		assertThat(calls).hasSize(attempts + 1);
		assertThat(calls).extracting(c -> c.header("X-Otklik-Event-Id")).containsOnly((String) failed.get("eventId"));
	}

}
