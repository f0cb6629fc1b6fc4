package org.otklik.appeal.internal;

import java.lang.ref.WeakReference;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.stream.IntStream;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.otklik.appeal.Appeal;
import org.otklik.appeal.AppealEvent;
import org.otklik.appeal.AppealEventBatchConsumer;
import org.otklik.appeal.AppealEventConsumer;
import org.otklik.appeal.AppealEventCursor;
import org.otklik.appeal.AppealEventStream;
import org.otklik.appeal.TestEvents;
import org.otklik.support.MutableClock;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.otklik.support.IntegrationTestSupport.await;

/**
 * Durable consumers hand events off in batches: a batch's work items cost one insert and one update, the
 * position moves past a batch only once it is handed off, and a process that dies in the middle of a batch
 * loses none of its events; the next process performs the unfinished ones after their lease, the completed
 * ones of the batch at most once more (the edge consumers key their effects by event id for).
 */
class DurableConsumerBatchTests {

	static final Instant START = Instant.parse("2026-12-06T00:00:00Z");

	static final String NAME = "batch-test";

	MongoServer server;

	MongoClient client;

	ReactiveMongoTemplate mongo;

	final MutableClock clock = new MutableClock(START);

	/** insert and update commands on the work collection, by command name. */
	final Map<String, AtomicInteger> workCommands = new ConcurrentHashMap<>();

	final List<AppealEvent> events = IntStream.rangeClosed(1, 8).mapToObj(DurableConsumerBatchTests::event).toList();

	final List<DurableConsumers> started = new CopyOnWriteArrayList<>();

	@BeforeEach
	void setUp() {
		this.server = new MongoServer(new MemoryBackend());
		int port = this.server.bind().getPort();
		CommandListener counter = new CommandListener() {
			@Override
			public void commandStarted(CommandStartedEvent event) {
				String name = event.getCommandName();
				if (event.getCommand().containsKey(name) && event.getCommand().get(name).isString()
						&& DurableConsumers.WORK.equals(event.getCommand().getString(name).getValue())) {
					DurableConsumerBatchTests.this.workCommands.computeIfAbsent(name, k -> new AtomicInteger()).incrementAndGet();
				}
			}
		};
		this.client = MongoClients.create(MongoClientSettings.builder()
			.applyConnectionString(new ConnectionString("mongodb://127.0.0.1:" + port))
			.addCommandListener(counter)
			.build());
		this.mongo = new ReactiveMongoTemplate(this.client, "otklik");
	}

	@AfterEach
	void tearDown() {
		this.started.forEach(DurableConsumers::stop);
		this.client.close();
		this.server.shutdownNow();
	}

	@Test
	void eachBatchCostsOneInsertAndOneUpdateAndEveryEventIsHandledOnceInOrder() {
		Recorder recorder = new Recorder(null);
		DurableConsumers consumers = consumers();
		consumers.start(recorder);
		await(() -> recorder.completed.size() == 8, "eight events handled");
		await(() -> consumers.unfinished(NAME).block(Duration.ofSeconds(10)) == 0, "every work item done");

		assertThat(recorder.completed).containsExactlyElementsOf(this.events.stream().map(AppealEvent::id).toList());
		// Two batches of four: one insert and one update each, not two writes per event.
		assertThat(this.workCommands.get("insert").get()).isEqualTo(2);
		assertThat(this.workCommands.get("update").get()).isEqualTo(2);

		// The position stored on stop is the end of the last batch handed off.
		consumers.stop(NAME);
		assertThat(storedPosition()).isEqualTo(this.events.get(7).cursor().position());
	}

	@Test
	void aProcessThatDiesMidBatchLosesNoEventAndTheNextPerformsTheRest() {
		// The first process hangs in the effect of the sixth event, the second of its second batch, and dies there.
		Recorder first = new Recorder(this.events.get(5).id());
		DurableConsumers dying = consumers();
		dying.start(first);
		await(() -> first.completed.size() == 5 && first.hanging.get() == 1, "the first batch and one more event handled");
		dying.stop(NAME);
		assertThat(storedPosition()).as("the position has not passed the unfinished batch")
			.isEqualTo(this.events.get(3).cursor().position());

		// A new process (another instance id) reads the batch again: its work items are there, so it passes them
		// over, and performs them once their lease has run out.
		Recorder second = new Recorder(null);
		DurableConsumers next = consumers();
		next.start(second);
		this.clock.advance(Duration.ofMinutes(3));
		await(() -> {
			next.sweepNow().block(Duration.ofSeconds(10));
			return next.unfinished(NAME).block(Duration.ofSeconds(10)) == 0;
		}, "the abandoned batch performed");

		Set<String> all = this.events.stream().map(AppealEvent::id).collect(java.util.stream.Collectors.toSet());
		Set<String> effects = ConcurrentHashMap.newKeySet();
		effects.addAll(first.completed);
		effects.addAll(second.completed);
		assertThat(effects).isEqualTo(all);
		// The second process repeats nothing of the finished first batch, and performs each of the rest once.
		assertThat(second.completed).containsExactlyInAnyOrderElementsOf(
				this.events.subList(4, 8).stream().map(AppealEvent::id).toList());
		// The fifth event's effect was complete but not yet marked done when the first process died: it is the
		// one performed twice, the at-least-once edge that consumers key their effects by event id for.
		assertThat(first.completed).doesNotContain(this.events.get(5).id(), this.events.get(6).id(),
				this.events.get(7).id());
	}

	@Test
	void aBatchConsumerGetsEachBatchAtOnceAndAFailedBatchIsRetriedEventByEvent() {
		BatchRecorder recorder = new BatchRecorder();
		DurableConsumers consumers = consumers();
		consumers.start(recorder);
		await(() -> recorder.batches.size() == 2 && recorder.failedOnce.get(), "both batches offered");
		// The first batch failed as a whole: each of its events is retried alone once its attempt is due.
		this.clock.advance(Duration.ofMinutes(1));
		await(() -> {
			consumers.sweepNow().block(Duration.ofSeconds(10));
			return consumers.unfinished(NAME).block(Duration.ofSeconds(10)) == 0;
		}, "the failed batch retried");

		List<String> ids = this.events.stream().map(AppealEvent::id).toList();
		assertThat(recorder.batches).containsExactly(ids.subList(0, 4), ids.subList(4, 8));
		assertThat(recorder.completed).containsExactlyInAnyOrderElementsOf(ids);
		assertThat(recorder.alone).containsExactlyInAnyOrderElementsOf(ids.subList(0, 4));
	}

	@Test
	void anIdleConsumerHoldsNoHandedOffBatch() {
		// The events are made as the stream is read and this test keeps only weak references to their appeals: once
		// both batches are handed off, nothing but the consumer's pipeline could still hold one.
		List<WeakReference<Appeal>> appeals = new CopyOnWriteArrayList<>();
		Flux<AppealEvent> history = Flux.range(1, 8)
			.map(DurableConsumerBatchTests::event)
			.doOnNext(event -> appeals.add(new WeakReference<>(event.appeal())));
		Recorder recorder = new Recorder(null);
		DurableConsumers consumers = consumers(history);
		consumers.start(recorder);
		await(() -> recorder.completed.size() == 8, "eight events handled");
		await(() -> consumers.unfinished(NAME).block(Duration.ofSeconds(10)) == 0, "every work item done");

		// The stream has gone quiet: the last batch, its work items and their appeal copies are garbage now.
		await(() -> {
			System.gc();
			return appeals.size() == 8 && appeals.stream().allMatch(appeal -> appeal.get() == null);
		}, "every handed-off appeal collected");
	}

	// ------------------------------------------------------------ helpers

	DurableConsumers consumers() {
		return consumers(Flux.fromIterable(this.events));
	}

	/** Consumers that read {@code history} (from the position they resume after), then a quiet live stream. */
	DurableConsumers consumers(Flux<AppealEvent> history) {
		AppealEventStream stream = new AppealEventStream() {
			@Override
			public Flux<AppealEvent> events(AppealEventCursor after, Predicate<AppealEvent> filter, int buffer) {
				// The stored history, then nothing more: a live stream that has gone quiet.
				return history.filter(e -> after == null || e.cursor().position() > after.position())
					.filter(filter)
					.concatWith(Flux.never());
			}

			@Override
			public AppealEventCursor newest() {
				return null;
			}

			@Override
			public int subscriberCount() {
				return 0;
			}
		};
		// Batches of four that wait as long as it takes to fill, and no timer-driven flush or sweep: what the test
		// sees does not depend on timing.
		EventStreamProperties properties = new EventStreamProperties(0, 0, Duration.ofHours(1), Duration.ofMinutes(2),
				Duration.ofHours(1), null, 4, Duration.ofHours(1));
		DurableConsumers consumers = new DurableConsumers(stream, this.mongo,
				new StaticListableBeanFactory().getBeanProvider(AppealEventConsumer.class), properties, this.clock);
		this.started.add(consumers);
		return consumers;
	}

	Long storedPosition() {
		return this.mongo.findById(NAME, DurableConsumers.Checkpoint.class, DurableConsumers.CHECKPOINTS)
			.map(DurableConsumers.Checkpoint::position)
			.block(Duration.ofSeconds(10));
	}

	static AppealEvent event(int n) {
		return TestEvents.received(START, n);
	}

	/** Records completed effects in order; hangs for ever in the effect of one event, as a dying process would. */
	static final class Recorder implements AppealEventConsumer {

		final List<String> completed = new CopyOnWriteArrayList<>();

		final AtomicInteger hanging = new AtomicInteger();

		private final String hangOn;

		Recorder(String hangOn) {
			this.hangOn = hangOn;
		}

		@Override
		public String name() {
			return NAME;
		}

		@Override
		public Mono<Void> handle(AppealEvent event) {
			if (event.id().equals(this.hangOn)) {
				return Mono.<Void>never().doOnSubscribe(s -> this.hanging.incrementAndGet());
			}
			return Mono.fromRunnable(() -> this.completed.add(event.id()));
		}

	}

	/** Takes batches whole; the first one fails, as a receiver that is down would make it. */
	static final class BatchRecorder implements AppealEventBatchConsumer {

		final List<List<String>> batches = new CopyOnWriteArrayList<>();

		final List<String> alone = new CopyOnWriteArrayList<>();

		final Set<String> completed = ConcurrentHashMap.newKeySet();

		final java.util.concurrent.atomic.AtomicBoolean failedOnce = new java.util.concurrent.atomic.AtomicBoolean();

		@Override
		public String name() {
			return NAME;
		}

		@Override
		public Mono<Void> handleAll(List<AppealEvent> events) {
			this.batches.add(events.stream().map(AppealEvent::id).toList());
			if (this.failedOnce.compareAndSet(false, true)) {
				return Mono.error(new IllegalStateException("receiver unavailable"));
			}
			events.forEach(event -> this.completed.add(event.id()));
			return Mono.empty();
		}

		@Override
		public Mono<Void> handle(AppealEvent event) {
			this.alone.add(event.id());
			this.completed.add(event.id());
			return Mono.empty();
		}

	}

}
