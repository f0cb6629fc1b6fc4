package org.otklik.appeal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.otklik.OtklikApplication;
import org.otklik.appeal.internal.DurableConsumers;
import org.otklik.support.IntegrationTestSupport;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Durable consumers of the appeal event stream over the real driver and the embedded server: a consumer
 * stopped mid-stream resumes without loss or repeat, a failed effect is retried, abandoned work is taken
 * over, and with two application instances on one database each sees every event but each effect
 * happens once.
 */
class DurableConsumerIntegrationTests extends IntegrationTestSupport {

	/** Effects performed, by event id, across every instance in this JVM. */
	static final Map<String, AtomicInteger> EFFECTS = new ConcurrentHashMap<>();

	/** Events each instance's consumer was offered, by instance. */
	static final Map<String, Set<String>> SEEN = new ConcurrentHashMap<>();

	/** Events whose first attempt failed (appeals whose text carries {@link Recorder#FAIL_ONCE}). */
	static final List<String> FAILED = new CopyOnWriteArrayList<>();

	/** The test consumer: it only cares about appeals whose text carries the marker. */
	static final class Recorder implements AppealEventConsumer {

		static final String MARKER = "[consumer-test]";

		static final String FAIL_ONCE = "[fail-once]";

		final String instance;

		Recorder(String instance) {
			this.instance = instance;
		}

		@Override
		public String name() {
			return "test-recorder";
		}

		@Override
		public boolean wants(AppealEvent event) {
			boolean mine = event.appeal().text().contains(MARKER);
			if (mine) {
				SEEN.computeIfAbsent(this.instance, k -> ConcurrentHashMap.newKeySet()).add(event.id());
			}
			return mine;
		}

		@Override
		public Mono<Void> handle(AppealEvent event) {
			if (event.appeal().text().contains(FAIL_ONCE) && !FAILED.contains(event.id())) {
				FAILED.add(event.id());
				return Mono.error(new IllegalStateException("receiver unavailable"));
			}
			EFFECTS.computeIfAbsent(event.id(), k -> new AtomicInteger()).incrementAndGet();
			return Mono.empty();
		}

	}

	@TestConfiguration
	static class RecorderConfiguration {

		@Bean
		Recorder recorder(org.springframework.core.env.Environment environment) {
			return new Recorder(environment.getProperty("test.instance", "A"));
		}

	}

	@Autowired
	DurableConsumers consumers;

	@Autowired
	Recorder recorder;

	@Test
	void aConsumerStoppedMidStreamResumesWithoutLossOrRepeat() {
		List<String> first = ingestMarked(5);
		awaitEffects(first);

		this.consumers.stop("test-recorder");
		List<String> whileStopped = ingestMarked(5);
		// Nothing happens while it is stopped...
		assertThat(effectsFor(whileStopped)).isZero();

		this.consumers.start(this.recorder);
		List<String> after = ingestMarked(3);
		List<String> all = new ArrayList<>(first);
		all.addAll(whileStopped);
		all.addAll(after);
		// ...and after the restart every event is handled, each exactly once.
		awaitEffects(all);
		for (String id : all) {
			assertThat(EFFECTS.get(receivedEvent(id)).get()).as("effects of " + id).isEqualTo(1);
		}
	}

	@Test
	void aFailedEffectIsRetriedUntilItSucceeds() {
		String id = ingest(Recorder.MARKER + " " + Recorder.FAIL_ONCE + " " + uniqueId());
		await(() -> FAILED.contains(receivedEvent(id)), "the first attempt failed");
		await(() -> {
			this.consumers.sweepNow().block(Duration.ofSeconds(10));
			return EFFECTS.containsKey(receivedEvent(id));
		}, "the retry succeeded");
		assertThat(EFFECTS.get(receivedEvent(id)).get()).isEqualTo(1);
	}

	@Test
	void workAbandonedByADeadInstanceIsTakenOverAfterItsLease() {
		this.consumers.stop("test-recorder");
		String id = ingest(Recorder.MARKER + " брошенное " + uniqueId());
		String eventId = receivedEvent(id);
		// Another instance claimed the effect and died: its work item is there, its lease ran out long ago.
		Document appeal = this.mongo.getCollection("appeals")
			.flatMap(c -> Mono.from(c.find(new Document("_id", new org.bson.types.ObjectId(id))).first()))
			.block(Duration.ofSeconds(10));
		this.mongo.getCollection("appeal_event_work").flatMap(c -> Mono.from(c.insertOne(new Document("_id",
				"test-recorder:" + eventId).append("consumer", "test-recorder").append("eventId", eventId)
			.append("position", 0L).append("token", "dead").append("state", "RUNNING").append("owner", "dead-instance")
			.append("leaseUntil", java.util.Date.from(Instant.now().minusSeconds(600))).append("attempts", 1)
			.append("createdAt", java.util.Date.from(Instant.now().minusSeconds(700))).append("appeal", appeal))))
			.block(Duration.ofSeconds(10));
		this.consumers.start(this.recorder);
		// This instance sees the event, finds the work item and leaves it...
		await(() -> SEEN.getOrDefault("A", Set.of()).contains(eventId), "the event was seen");
		assertThat(EFFECTS.containsKey(eventId)).isFalse();
		// ...until the sweep finds the expired lease and performs the effect, once.
		await(() -> {
			this.consumers.sweepNow().block(Duration.ofSeconds(10));
			return EFFECTS.containsKey(eventId);
		}, "the abandoned effect was taken over");
		this.consumers.sweepNow().block(Duration.ofSeconds(10));
		assertThat(EFFECTS.get(eventId).get()).isEqualTo(1);
		assertThat(this.consumers.unfinished("test-recorder").block(Duration.ofSeconds(10))).isZero();
	}

	@Test
	void twoInstancesEachSeeEveryEventButEachEffectHappensOnce() {
		try (ConfigurableApplicationContext second = new SpringApplicationBuilder(OtklikApplication.class,
				RecorderConfiguration.class).run("--server.port=0",
						"--spring.mongodb.uri=mongodb://127.0.0.1:" + embeddedPort() + "/otklik",
						"--otklik.storage.seed-demo=false", "--otklik.security.embedded-issuer-uri=http://localhost/idp-test",
						"--test.instance=B")) {
			assertThat(second.getBean(Recorder.class).instance).isEqualTo("B");
			List<String> ids = ingestMarked(20);
			List<String> events = ids.stream().map(DurableConsumerIntegrationTests::receivedEvent).toList();
			awaitEffects(ids);
			await(() -> SEEN.getOrDefault("B", Set.of()).containsAll(events), "instance B saw every event");
			// The effects may all have been B's while A still reads its stream: A's sight is awaited like B's.
			await(() -> SEEN.getOrDefault("A", Set.of()).containsAll(events), "instance A saw every event");
			for (String event : events) {
				assertThat(EFFECTS.get(event).get()).as("effects of " + event).isEqualTo(1);
			}
		}
	}

	// ------------------------------------------------------------ helpers

	@Autowired
	de.bwaldvogel.mongo.MongoServer embeddedServer;

	int embeddedPort() {
		return this.embeddedServer.getLocalAddress().getPort();
	}

	List<String> ingestMarked(int count) {
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			ids.add(ingest(Recorder.MARKER + " обращение " + uniqueId()));
		}
		return ids;
	}

	/** The appeal's RECEIVED event: version 1. */
	static String receivedEvent(String appealId) {
		return appealId + ":1";
	}

	long effectsFor(List<String> ids) {
		return ids.stream().filter(id -> EFFECTS.containsKey(receivedEvent(id))).count();
	}

	void awaitEffects(List<String> ids) {
		await(() -> effectsFor(ids) == ids.size(), "effects for " + ids.size() + " events");
	}


}
