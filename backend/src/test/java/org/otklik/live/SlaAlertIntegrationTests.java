package org.otklik.live;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.otklik.sla.SlaAlertProperties;
import org.otklik.sla.SlaAlertScheduler;
import org.otklik.sla.SlaAlertTargets;
import org.otklik.support.MutableClock;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

@Import(SlaAlertIntegrationTests.TestClock.class)
@TestPropertySource(properties = "otklik.sla.alerts.enabled=false")
class SlaAlertIntegrationTests extends LiveTestSupport {

	@TestConfiguration
	static class TestClock {

		@Bean
		@Primary
		MutableClock mutableClock() {
			return new MutableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
		}

	}

	@Autowired
	MutableClock clock;

	@Autowired
	SlaAlertScheduler scheduler;

	@Autowired
	SlaAlertTargets targets;

	@Autowired
	SlaAlertProperties properties;

	@Autowired
	ReactiveMongoTemplate template;

	long check() {
		return this.scheduler.checkOnce().block(Duration.ofSeconds(30));
	}

	@Test
	void eachThresholdIsAnnouncedExactlyOnceAcrossRestartsAndConcurrentInstances() throws Exception {
		String health = agency(HEALTH).id();
		int before = this.live.subscriberCount();
		AtomicReference<String> marker = new AtomicReference<>();
		CompletableFuture<List<Map>> alerts = webSocket(webSocketUrl(), this.tokens.executor(HEALTH))
			.document("subscription($agency: ID) { slaAlerted(agencyId: $agency) { cursor state clock at appeal { id } } }")
			.variable("agency", health)
			.retrieveSubscription("slaAlerted").toEntity(Map.class)
			// Up to the marker's alert (below), which the stream delivers after every alert written before it:
			// a fixed 25 s window cost 25 s a run and could close before a late duplicate under load.
			.takeUntil(a -> marker.get() != null && marker.get().equals(((Map<?, ?>) a.get("appeal")).get("id")))
			.collectList().toFuture();
		awaitSubscribers(this.live, before + 1);

		String id = ingest("Нет отопления в школе, дети в куртках", Map.of("channel", "TELEGRAM", "urgent", true));
		change("assignAppeal", Map.of("appealId", id, "agencyId", health));
		check(); // drain anything older tests left due

		assertThat(announced(id)).isEmpty();

		// 50 minutes into a 1-hour first response: at risk (80 %).
		this.clock.advance(Duration.ofMinutes(50));
		check();
		assertThat(announced(id)).containsExactly("FIRST_RESPONSE:AT_RISK");
		check();
		assertThat(announced(id)).containsExactly("FIRST_RESPONSE:AT_RISK");

		// A restarted instance (a fresh scheduler over the same database) announces nothing again.
		SlaAlertScheduler restarted = new SlaAlertScheduler(this.targets, this.properties, this.clock);
		restarted.checkOnce().block(Duration.ofSeconds(30));
		assertThat(announced(id)).containsExactly("FIRST_RESPONSE:AT_RISK");

		// Past every threshold of both clocks; two instances check at the same time.
		this.clock.advance(Duration.ofHours(25));
		this.scheduler.checkOnce().subscribeOn(reactor.core.scheduler.Schedulers.parallel())
			.zipWith(restarted.checkOnce().subscribeOn(reactor.core.scheduler.Schedulers.parallel()), Long::sum)
			.block(Duration.ofSeconds(30));
		check();
		assertThat(announced(id)).containsExactly("FIRST_RESPONSE:AT_RISK", "FIRST_RESPONSE:BREACHED",
				"FINAL_ANSWER:AT_RISK", "FINAL_ANSWER:BREACHED");
		alertAfterwards(health, marker);

		List<Map> received = alerts.get(60, TimeUnit.SECONDS).stream()
			.filter(a -> id.equals(((Map<?, ?>) a.get("appeal")).get("id")))
			.toList();
		assertThat(received).extracting(a -> a.get("clock") + ":" + a.get("state")).containsExactly(
				"FIRST_RESPONSE:AT_RISK", "FIRST_RESPONSE:BREACHED", "FINAL_ANSWER:AT_RISK", "FINAL_ANSWER:BREACHED");
		assertThat(received).extracting(a -> a.get("cursor")).doesNotHaveDuplicates();
	}

	/** The thresholds announced for an appeal, from its history, in order. */
	List<String> announced(String id) {
		List<Map> history = curator().document("query($id: ID!) { appeal(id: $id) { history { type reason } } }")
			.variable("id", id).execute().path("appeal.history").entityList(Map.class).get();
		return history.stream()
			.filter(h -> String.valueOf(h.get("type")).startsWith("SLA_"))
			.map(h -> (String) h.get("reason"))
			.toList();
	}

	@Test
	void anotherAgencysExecutorReceivesNoAlertsOfThisOne() throws Exception {
		int before = this.live.subscriberCount();
		AtomicReference<String> marker = new AtomicReference<>();
		CompletableFuture<List<Map>> foreign = webSocket(webSocketUrl(), this.tokens.executor(TENKA))
			.document("subscription { slaAlerted { state appeal { id } } }")
			.retrieveSubscription("slaAlerted").toEntity(Map.class)
			// Until an alert of its own agency that was written after the other agency's: then that one has
			// surely been through the stream (a fixed 8 s window could close before it, and always cost 8 s).
			.takeUntil(a -> marker.get() != null && marker.get().equals(((Map<?, ?>) a.get("appeal")).get("id")))
			.collectList().toFuture();
		awaitSubscribers(this.live, before + 1);
		String id = ingest("Авария на теплотрассе", Map.of("channel", "VK", "urgent", true));
		change("assignAppeal", Map.of("appealId", id, "agencyId", agency(HEALTH).id()));
		this.clock.advance(Duration.ofMinutes(55));
		check();
		assertThat(announced(id)).as("the other agency's appeal was alerted").isNotEmpty();
		alertAfterwards(agency(TENKA).id(), marker);
		List<Map> received = foreign.get(60, TimeUnit.SECONDS);
		assertThat(received).as("its own agency's alert arrives").isNotEmpty();
		assertThat(received).noneMatch(a -> id.equals(((Map<?, ?>) a.get("appeal")).get("id")));
	}

	/**
	 * Makes an urgent appeal of the agency reach its first threshold, after everything checked so far, and
	 * names it in {@code marker} first: its alert closes the subscriptions waiting for it.
	 */
	void alertAfterwards(String agencyId, AtomicReference<String> marker) {
		String id = ingest("Обращение-метка " + uniqueId(), Map.of("channel", "VK", "urgent", true));
		marker.set(id);
		change("assignAppeal", Map.of("appealId", id, "agencyId", agencyId));
		this.clock.advance(Duration.ofMinutes(55));
		check();
		assertThat(announced(id)).as("the marker was alerted").isNotEmpty();
	}


}
