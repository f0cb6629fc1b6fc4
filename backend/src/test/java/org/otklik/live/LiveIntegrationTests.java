package org.otklik.live;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import de.bwaldvogel.mongo.MongoServer;
import org.junit.jupiter.api.Test;
import org.otklik.OtklikApplication;
import org.otklik.security.IdentityKeys;
import org.otklik.security.SecurityProperties;
import org.otklik.security.TestTokens;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

class LiveIntegrationTests extends LiveTestSupport {

	@Autowired
	MongoServer embeddedServer;

	@Test
	void newAppealIsDeliveredOverWebSocket() throws Exception {
		int before = this.live.subscriberCount();
		CompletableFuture<List<Map>> received = subscribe(this.tokens.curator(), "appealReceived", "")
			.filter(e -> "RECEIVED".equals(e.get("type")))
			.take(1).collectList().toFuture();
		awaitSubscribers(this.live, before + 1);
		String id = ingest("Не горят фонари на Колымском шоссе");

		List<Map> events = received.get(20, TimeUnit.SECONDS);
		assertThat(events).singleElement().satisfies(e -> {
			assertThat(id(e)).isEqualTo(id);
			assertThat((String) e.get("cursor")).isNotBlank();
			assertThat(e.get("at")).isNotNull();
		});
	}

	@Test
	void agencySubscriptionGetsOnlyAppealsRoutedIntoThatAgency() throws Exception {
		String health = agency(HEALTH).id();
		int before = this.live.subscriberCount();
		CompletableFuture<List<Map>> received = subscribe(this.tokens.executor(HEALTH), "appealReceived",
				"agencyId: \"" + health + "\"").take(2).collectList().toFuture();
		awaitSubscribers(this.live, before + 1);

		String toTenka = ingest("Дорога в Усть-Омчуге");
		String toHealth = ingest("Нет врача в Омсукчане");
		change("assignAppeal", Map.of("appealId", toTenka, "agencyId", agency(TENKA).id()));
		change("assignAppeal", Map.of("appealId", toHealth, "agencyId", health));
		String redirected = ingest("Лекарства в Сусумане");
		change("assignAppeal", Map.of("appealId", redirected, "agencyId", agency(TENKA).id()));
		change("redirectAppeal", Map.of("appealId", redirected, "agencyId", health, "reason", "Это лекарства"));

		List<Map> events = received.get(20, TimeUnit.SECONDS);
		assertThat(events).extracting(LiveTestSupport::id).containsExactly(toHealth, redirected);
		assertThat(events).extracting(e -> e.get("type")).containsExactly("ASSIGNED", "REDIRECTED");
	}

	@Test
	void reconnectWithAfterCatchesUpWithoutGapOrDuplicate() throws Exception {
		String id = ingest("Сосульки над входом в подъезд");
		int before = this.live.subscriberCount();
		CompletableFuture<List<Map>> first = subscribe(this.tokens.curator(), "appealChanged", "appealId: \"" + id + "\"")
			.take(1).collectList().toFuture();
		awaitSubscribers(this.live, before + 1);
		change("assignAppeal", Map.of("appealId", id, "agencyId", agency(HEALTH).id()));
		String cursor = (String) first.get(20, TimeUnit.SECONDS).get(0).get("cursor");

		// Offline: three changes happen while nobody listens.
		org.otklik.appeal.AppealLifecycleIntegrationTestsAccess.ok(executor(HEALTH), "takeAppeal", Map.of("appealId", id));
		org.otklik.appeal.AppealLifecycleIntegrationTestsAccess.ok(executor(HEALTH), "submitAnswer",
				Map.of("appealId", id, "kind", "INTERIM", "text", "Выезжаем"));
		org.otklik.appeal.AppealLifecycleIntegrationTestsAccess.ok(executor(HEALTH), "submitAnswer",
				Map.of("appealId", id, "kind", "FINAL", "text", "Сбили сосульки 12 марта"));

		int registered = this.live.subscriberCount();
		CompletableFuture<List<Map>> resumed = subscribe(this.tokens.curator(), "appealChanged",
				"appealId: \"" + id + "\", after: \"" + cursor + "\"").take(4).collectList().toFuture();
		awaitSubscribers(this.live, registered + 1);
		change("approveAnswer", Map.of("appealId", id, "answerId",
				org.otklik.appeal.AppealLifecycleIntegrationTestsAccess.lastAnswerId(curator(), id)));

		List<Map> events = resumed.get(20, TimeUnit.SECONDS);
		assertThat(events).extracting(e -> e.get("type"))
			.containsExactly("TAKEN", "INTERIM_ANSWERED", "FINAL_SUBMITTED", "ANSWER_APPROVED");
		assertThat(events).extracting(e -> e.get("cursor")).doesNotHaveDuplicates();
	}

	@Test
	void repeatedIngestsAreAnnouncedOnceAndNoRefusedInsertBecomesAnEvent() throws Exception {
		int before = this.live.subscriberCount();
		// Received events up to the closing marker: the appeal once, then the marker, nothing in between.
		CompletableFuture<List<Map>> received = subscribe(this.tokens.curator(), "appealReceived", "")
			.filter(e -> "RECEIVED".equals(e.get("type")))
			.take(2).collectList().toFuture();
		awaitSubscribers(this.live, before + 1);
		String externalId = uniqueId();
		String id = ingest("Течёт крыша в доме на Портовой", Map.of("externalId", externalId));
		for (int i = 0; i < 5; i++) {
			assertThat(ingest("Течёт крыша в доме на Портовой", Map.of("externalId", externalId))).isEqualTo(id);
		}
		String marker = ingest("Закрывающее обращение");

		assertThat(ids(received.get(20, TimeUnit.SECONDS))).containsExactly(id, marker);
	}

	@Test
	void subscriptionWithoutTokenIsRefused() {
		var client = webSocket(webSocketUrl(), "not-a-token");
		assertThat(client.document("subscription { appealReceived { cursor } }").retrieveSubscription("appealReceived")
			.toEntity(Map.class).take(1).collectList().onErrorResume(ex -> reactor.core.publisher.Mono.just(List.of()))
			.block(Duration.ofSeconds(20))).isEmpty();
	}

	@Test
	void appealIngestedThroughOneInstanceReachesASubscriberOnAnother() throws Exception {
		int mongoPort = this.embeddedServer.getLocalAddress().getPort();
		// Command-line arguments, because application.yml outranks the builder's default properties.
		try (ConfigurableApplicationContext second = new SpringApplicationBuilder(OtklikApplication.class).run(
				"--server.port=0", "--spring.mongodb.uri=mongodb://127.0.0.1:" + mongoPort + "/otklik",
				"--otklik.storage.seed-demo=false", "--otklik.security.embedded-issuer-uri=http://localhost/idp-test")) {
			String port = second.getEnvironment().getProperty("local.server.port");
			LiveService secondLive = second.getBean(LiveService.class);
			TestTokens secondTokens = new TestTokens(second.getBean(IdentityKeys.class), second.getBean(SecurityProperties.class));
			// The durable consumers also read the stream; counted as subscribers (as they were), they made the
			// wait below pass before the subscription existed, and the event could miss it (a CI timeout).
			assertThat(secondLive.subscriberCount()).as("no subscriber before the test's own").isZero();

			CompletableFuture<List<Map>> received = webSocket("ws://localhost:" + port + "/graphql", secondTokens.curator())
				.document("subscription { appealReceived " + EVENT_FIELDS + " }")
				.retrieveSubscription("appealReceived").toEntity(Map.class)
				.filter(e -> "RECEIVED".equals(e.get("type")))
				.take(1).collectList().toFuture();
			awaitSubscribers(secondLive, 1);

			String id = ingest("Через инстанс A");
			// Generous: the second instance's first change-stream batch can wait behind its start-up work
			// on a loaded machine (timed out once at 20 s in a full run); the check is that it arrives.
			assertThat(received.get(60, TimeUnit.SECONDS)).extracting(LiveTestSupport::id).containsExactly(id);
		}
	}

	static List<String> ids(List<Map> events) {
		List<String> ids = new ArrayList<>();
		events.forEach(e -> ids.add(id(e)));
		return ids;
	}

}
