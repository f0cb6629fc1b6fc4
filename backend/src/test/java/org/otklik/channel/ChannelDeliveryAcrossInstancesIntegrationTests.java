package org.otklik.channel;

import java.util.Map;

import de.bwaldvogel.mongo.MongoServer;
import org.junit.jupiter.api.Test;
import org.otklik.support.FakeHttpServer.Reply;
import org.otklik.support.SecondInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two application instances on one database both run the delivery consumer and worker: an answer is
 * still sent once. And a Telegram account in long-poll mode takes in what getUpdates returns, polled by
 * one instance only.
 */
class ChannelDeliveryAcrossInstancesIntegrationTests extends ChannelTestSupport {

	@Autowired
	MongoServer embeddedServer;

	@Test
	void twoInstancesDeliverAnAnswerOnceAndPollAnAccountOnce() {
		try (ConfigurableApplicationContext second = SecondInstance.start(this.embeddedServer,
				"--otklik.region.review.interim-review-below-score=0",
				"--otklik.channels.telegram-api-url=" + FAKE.url(), "--otklik.channels.vk-api-url=" + FAKE.url(),
				"--otklik.channels.max-api-url=" + FAKE.url(), "--otklik.channels.ok-api-url=" + FAKE.url(),
				"--otklik.channels.delivery-every=300ms", "--otklik.channels.min-interval=10ms",
				// Both instances must read the same sealed tokens.
				"--otklik.channels.secret-key=" + SECRET_KEY)) {
			String text = "Долго нет автобуса " + uniqueId();
			// One getUpdates answer carries the message; every further one is empty.
			FAKE.next("/getUpdates", Reply.json("{\"ok\":true,\"result\":[{\"update_id\":5000,\"message\":{\"message_id\":3,"
					+ "\"from\":{\"id\":77,\"first_name\":\"Вера\"},\"chat\":{\"id\":77,\"type\":\"private\"},\"date\":1764500000,"
					+ "\"text\":\"" + text + "\"}}]}"));
			FAKE.always("/getUpdates", Reply.json("{\"ok\":true,\"result\":[]}"));
			FAKE.always("/sendMessage", Reply.json("{\"ok\":true,\"result\":{\"message_id\":9001}}"));
			connect(Map.of("kind", "TELEGRAM", "name", "Бот без вебхука " + uniqueId(), "token", "333:poll", "mode", "LONG_POLL"));
			await(() -> appealsWithText(text).size() == 1, "the polled message became an appeal");
			String id = (String) appealWithText(text).get("id");
			// Each getUpdates continues after the last update seen.
			assertThat(FAKE.calls("/getUpdates").stream().skip(1).allMatch(call -> call.body().contains("\"offset\":5001")))
				.isTrue();

			change("assignAppeal", Map.of("appealId", id, "agencyId", agency(MAGADAN).id()), "curator");
			change("takeAppeal", Map.of("appealId", id), MAGADAN);
			change("submitAnswer", Map.of("appealId", id, "kind", "INTERIM", "text", "Здравствуйте, Вера! Автобус вышел на линию."),
					MAGADAN);
			await(() -> "SENT".equals(deliveryState(lastAnswer(appeal(id)))), "the answer was delivered");
			// Give the other instance every chance to send it too.
			await(() -> FAKE.calls("/getUpdates").size() > 3, "more polling rounds");
			assertThat(FAKE.calls("/sendMessage")).hasSize(1);
			assertThat(appealsWithText(text)).hasSize(1);
		}
	}

	static final String SECRET_KEY = java.util.Base64.getEncoder().encodeToString(new byte[32]);

	@org.springframework.test.context.DynamicPropertySource
	static void sharedKey(org.springframework.test.context.DynamicPropertyRegistry registry) {
		registry.add("otklik.channels.secret-key", () -> SECRET_KEY);
		registry.add("otklik.channels.poll-wait", () -> "1s");
	}

}
