package org.otklik.push;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import de.bwaldvogel.mongo.MongoServer;
import org.junit.jupiter.api.Test;
import org.otklik.push.internal.PushSender;
import org.otklik.push.internal.VapidKeyStore;
import org.otklik.support.FakeHttpServer;
import org.otklik.support.SecondInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two application instances on one database both consume the event stream and send: every notice still
 * reaches the push service once, also when a first attempt fails and the retry may be taken by either,
 * and both sign with the one stored VAPID key pair.
 */
// A context of its own: closing the second instance disposes Reactor Netty's global resources, which a
// context shared with other test classes still serves requests on.
@TestPropertySource(properties = "otklik.push.max-devices-per-user=11")
class PushAcrossInstancesIntegrationTests extends PushTestSupport {

	@Autowired
	MongoServer embeddedServer;

	@Autowired
	PushSender sender;

	@Autowired
	VapidKeyStore keys;

	@Test
	void twoInstancesSendEachNoticeOnceWithTheSameKeys() throws Exception {
		try (ConfigurableApplicationContext second = SecondInstance.startWithoutChannelApis(this.embeddedServer,
				"--otklik.push.allow-http-localhost=true", "--otklik.push.initial-backoff=50ms",
				"--otklik.push.max-backoff=200ms", "--otklik.push.send-every=100ms", "--otklik.push.group-window=200ms")) {
			// The second instance found the pair the first one generated and stored.
			assertThat(second.getBean(VapidKeyStore.class).publicKey()).isEqualTo(this.keys.publicKey());

			HttpGraphQlTester executor = executorOf(HEALTH, uniqueId());
			BrowserSubscription browser = browser();
			String deviceId = register(executor, browser);
			// The first attempts fail: their retries are open to both instances' sweeps.
			PUSH.next(path(browser), 500, 500, 500);
			List<String> appeals = new ArrayList<>();
			for (int i = 0; i < 6; i++) {
				String id = ingest("Нет врача " + i + " " + uniqueId(), Map.of("urgent", true));
				assign(id, HEALTH);
				appeals.add(id);
			}
			await(() -> notices(deviceId).size() == appeals.size()
					&& notices(deviceId).stream().allMatch(n -> "SENT".equals(n.getString("state"))), "every notice sent");
			// Give both instances every chance to send something twice.
			second.getBean(PushSender.class).sweep().block(Duration.ofSeconds(30));
			this.sender.sweep().block(Duration.ofSeconds(30));

			List<FakeHttpServer.Call> calls = PUSH.calls(path(browser));
			// Three failed attempts plus one accepted request per notice: nothing was sent twice.
			assertThat(calls).hasSize(appeals.size() + 3);
			Map<String, Long> accepted = calls.subList(3, calls.size()).stream().map(c -> {
				try {
					return json(browser.decrypt(c.bytes())).get("appealId").asString();
				}
				catch (Exception ex) {
					throw new AssertionError(ex);
				}
			}).collect(Collectors.groupingBy(id -> id, Collectors.counting()));
			assertThat(accepted.keySet()).containsExactlyInAnyOrderElementsOf(appeals);
			assertThat(accepted.values()).containsOnly(1L);
		}
	}

}
