package org.otklik.webhook;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import de.bwaldvogel.mongo.MongoServer;
import org.junit.jupiter.api.Test;
import org.otklik.support.SecondInstance;
import org.otklik.webhook.internal.WebhookSender;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two application instances on one database both run the dispatcher and the sender: every event still
 * reaches the receiver once, also when the first attempt fails and the retry may be taken by either.
 */
// A context of its own: closing the second instance disposes Reactor Netty's global resources, which a
// context shared with other test classes still serves requests on.
@TestPropertySource(properties = "otklik.webhooks.max-per-owner=21")
class WebhookAcrossInstancesIntegrationTests extends WebhookTestSupport {

	@Autowired
	MongoServer embeddedServer;

	@Autowired
	WebhookSender sender;

	@Test
	void twoInstancesDeliverEachEventOnce() {
		try (ConfigurableApplicationContext second = SecondInstance.startWithoutChannelApis(this.embeddedServer,
				"--otklik.webhooks.allow-http-localhost=true", "--otklik.webhooks.initial-backoff=50ms",
				"--otklik.webhooks.max-backoff=200ms", "--otklik.webhooks.send-every=100ms")) {
			HttpGraphQlTester integrator = integrator("twice-" + uniqueId());
			Map<String, String> hook = register(integrator, "RECEIVED");
			// The first attempt of some events fails: their retries are open to both instances' sweeps.
			RECEIVER.next(hook.get("path"), 500, 500, 500);
			List<String> appeals = new ArrayList<>();
			for (int i = 0; i < 8; i++) {
				appeals.add(ingestAs(integrator, "Обращение " + i + " " + uniqueId()));
			}
			await(() -> deliveries(integrator, hook.get("id")).size() == appeals.size() && deliveries(integrator, hook.get("id"))
				.stream()
				.allMatch(d -> "DELIVERED".equals(d.get("state"))), "every event delivered");
			// Give both instances every chance to send something twice.
			second.getBean(WebhookSender.class).sweep().block(Duration.ofSeconds(30));
			this.sender.sweep().block(Duration.ofSeconds(30));

			Map<String, Long> accepted = RECEIVER.calls(hook.get("path")).stream()
				.collect(Collectors.groupingBy(c -> json(c.body()).get("appeal").get("id").asString(), Collectors.counting()));
			assertThat(accepted.keySet()).containsExactlyInAnyOrderElementsOf(appeals);
			// Three failed attempts plus one accepted request per event: nothing was sent twice.
			assertThat(RECEIVER.calls(hook.get("path"))).hasSize(appeals.size() + 3);
			assertThat(deliveries(integrator, hook.get("id"))).allSatisfy(d -> assertThat(
					((List<?>) d.get("attempts")).stream().filter(a -> Integer.valueOf(200).equals(((Map<?, ?>) a).get("statusCode"))).count())
				.isEqualTo(1));
		}
	}

}
