package org.otklik.appeal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.otklik.appeal.internal.DurableConsumers;
import org.otklik.graphql.ErrorDetail;
import org.otklik.graphql.OtklikException;
import org.otklik.storage.OplogTrimmer;
import org.otklik.support.IntegrationTestSupport;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Trimming the embedded oplog with the whole application: a durable consumer that is stopped keeps every
 * entry after its checkpoint, however old, and handles each event it missed once after its restart; a
 * subscriber resuming from before the trimmed part gets {@code CURSOR_EXPIRED}. Its own context, since it
 * trims history other tests might resume from, and a one-event replay window, so that catching up reads the
 * oplog rather than the hub's memory.
 */
@Import(OplogTrimIntegrationTests.Consumer.class)
// The hub keeps one event in memory, so a consumer that missed more reads them from the oplog.
@TestPropertySource(properties = "otklik.events.replay-window=1")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class OplogTrimIntegrationTests extends IntegrationTestSupport {

	static final String MARKER = "[trim-test]";

	static final Map<String, AtomicInteger> EFFECTS = new ConcurrentHashMap<>();

	/** A consumer of marked appeals that counts its effects. */
	@TestConfiguration
	static class Consumer {

		@Bean
		AppealEventConsumer trimRecorder() {
			return new AppealEventConsumer() {

				@Override
				public String name() {
					return "trim-recorder";
				}

				@Override
				public boolean wants(AppealEvent event) {
					return event.appeal().text().contains(MARKER);
				}

				@Override
				public Mono<Void> handle(AppealEvent event) {
					EFFECTS.computeIfAbsent(event.id(), k -> new AtomicInteger()).incrementAndGet();
					return Mono.empty();
				}

			};
		}

	}

	@Autowired
	DurableConsumers consumers;

	@Autowired
	AppealEventConsumer trimRecorder;

	@Autowired
	OplogTrimmer trimmer;

	@Autowired
	AppealEventStream stream;

	@Test
	void aStoppedConsumerKeepsItsHistoryThroughATrimAndOlderCursorsExpire() {
		List<String> first = ingestMarked(3);
		awaitEffects(first);
		this.consumers.stop("trim-recorder");
		List<String> whileStopped = ingestMarked(3);

		// A day later every entry is past the window; the other consumers store their positions every second,
		// so the entries before all their checkpoints and the stopped one's go.
		Instant tomorrow = Instant.now().plus(Duration.ofDays(1));
		AtomicInteger trimmed = new AtomicInteger();
		await(() -> trimmed.addAndGet(this.trimmer.trimAsOf(tomorrow).block(Duration.ofSeconds(30))) > 0,
				"oplog entries trimmed");

		// A cursor from before the trimmed part: the documented expiry, not a silent gap.
		assertThatThrownBy(() -> this.stream.events(new AppealEventCursor(1L << 32, null), event -> true, 16)
			.blockFirst(Duration.ofSeconds(60)))
			.isInstanceOfSatisfying(OtklikException.class,
					ex -> assertThat(ex.detail()).isEqualTo(ErrorDetail.CURSOR_EXPIRED));

		this.consumers.start(this.trimRecorder);
		List<String> all = new ArrayList<>(first);
		all.addAll(whileStopped);
		all.addAll(ingestMarked(2));
		awaitEffects(all);
		for (String id : all) {
			assertThat(EFFECTS.get(id + ":1").get()).as("effects of " + id).isEqualTo(1);
		}
	}

	private List<String> ingestMarked(int count) {
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			ids.add(ingest(MARKER + " обращение " + uniqueId()));
		}
		return ids;
	}

	private static void awaitEffects(List<String> ids) {
		await(() -> ids.stream().allMatch(id -> EFFECTS.containsKey(id + ":1")), "effects for " + ids.size() + " events");
	}

}
