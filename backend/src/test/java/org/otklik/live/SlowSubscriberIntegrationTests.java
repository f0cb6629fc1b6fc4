package org.otklik.live;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.Test;
import org.otklik.support.RawWebSocket;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;

import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

@TestPropertySource(properties = "otklik.live.subscriber-buffer=16")
class SlowSubscriberIntegrationTests extends LiveTestSupport {

	static final String BIG = "Очень длинное обращение о проблеме с отоплением. ".repeat(300);

	@Test
	void aSlowSubscriberIsCutOffWhileAFastOneKeepsReceiving() throws Exception {
		String marker = "поток" + Math.abs(uniqueId().hashCode());
		int before = this.live.subscriberCount();

		Set<String> fastIds = ConcurrentHashMap.newKeySet();
		Disposable fast = subscribe(this.tokens.curator(), "appealReceived", "")
			.filter(e -> "RECEIVED".equals(e.get("type")))
			.subscribe(e -> fastIds.add(id(e)));
		try (RawWebSocket slow = RawWebSocket.connect(this.port, "/graphql", 4096)) {
			slow.sendText("{\"type\":\"connection_init\",\"payload\":{\"Authorization\":\"Bearer " + this.tokens.curator() + "\"}}");
			assertThat(slow.readFrame()).contains("connection_ack");
			slow.sendText("{\"id\":\"1\",\"type\":\"subscribe\",\"payload\":{\"query\":"
					+ "\"subscription { appealReceived { cursor appeal { id text } } }\"}}");
			awaitSubscribers(this.live, before + 2);

			// The slow client reads nothing from now on; its socket buffers fill and its queue overflows.
			int sent = 0;
			while (sent < 3000 && this.live.subscriberCount() > before + 1) {
				List<String> ids = Flux.range(0, 50)
					.flatMap(i -> client(this.tokens.integrator("test-integrator"))
						.document("mutation($in: IngestAppealInput!) { ingestAppeal(input: $in) { appeal { id } } }")
						.variable("in", Map.of("channel", "VK", "externalId", uniqueId(), "text", marker + " " + BIG))
						.retrieve("ingestAppeal.appeal.id").toEntity(String.class), 8)
					.collectList().block(Duration.ofSeconds(60));
				sent += ids.size();
			}
			assertThat(this.live.subscriberCount()).as("the slow subscriber was removed").isEqualTo(before + 1);

			// The fast subscriber got every appeal.
			long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
			while (fastIds.size() < sent && System.nanoTime() < deadline) {
				sleep(100);
			}
			assertThat(fastIds).hasSize(sent);

			// Draining the slow socket ends with a clear close reason.
			assertThat(slow.readUntilClose()).startsWith("CLOSE 4008").contains("Slow subscriber");
		}
		finally {
			fast.dispose();
		}
	}

}
