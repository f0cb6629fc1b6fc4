package org.otklik.appeal.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.BitSet;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.otklik.appeal.Appeal;
import org.otklik.appeal.AppealEvent;
import org.otklik.appeal.AppealEventBatchConsumer;
import org.otklik.appeal.AppealEventConsumer;
import org.otklik.appeal.AppealEventCursor;
import org.otklik.appeal.AppealEventStream;
import org.otklik.graphql.ErrorDetail;
import org.otklik.graphql.OtklikException;
import org.otklik.storage.OplogReaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Runs every {@link AppealEventConsumer} durably and exactly once across instances (ADR 0007).
 * <p>
 * Each instance follows the stream from the consumer's stored position. For every event the consumer
 * wants, it first inserts a work item whose id is the consumer's name and the event's id; the unique id
 * decides which instance performs the effect, because only one insert succeeds. The winner performs it
 * and marks the item done; a failure leaves it pending with a later attempt time, and an instance that
 * died holding one leaves a lease that expires. A sweep on every instance claims such items with a
 * guarded update and retries them. The position (the newest event all of whose predecessors have their
 * work item) is stored every second and on stop; events seen again after a restart find their work item
 * and are passed over.
 */
@Component
public class DurableConsumers implements SmartLifecycle, OplogReaders {

	static final String CHECKPOINTS = "appeal_event_checkpoints";

	static final String WORK = "appeal_event_work";

	private static final Logger log = LoggerFactory.getLogger(DurableConsumers.class);

	/** After this many attempts an item is given up and logged as failed. */
	static final int MAX_ATTEMPTS = 20;

	/** A quiet instance sweeps on every this many ticks of {@code retryEvery}. */
	static final int QUIET_SWEEPS = 6;

	/** The longest wait between attempts (see {@code failed}). */
	static final Duration MAX_BACKOFF = Duration.ofHours(1);

	private final AppealEventStream stream;

	private final ReactiveMongoTemplate mongo;

	private final ObjectProvider<AppealEventConsumer> consumers;

	private final EventStreamProperties properties;

	private final Clock clock;

	/** Identifies this instance as the owner of the work it claims. */
	private final String instance = UUID.randomUUID().toString();

	private final Map<String, Runner> runners = new ConcurrentHashMap<>();

	private volatile boolean running;

	public DurableConsumers(AppealEventStream stream, ReactiveMongoTemplate mongo,
			ObjectProvider<AppealEventConsumer> consumers, EventStreamProperties properties, Clock clock) {
		this.stream = stream;
		this.mongo = mongo;
		this.consumers = consumers;
		this.properties = properties;
		this.clock = clock;
	}

	// ---------------------------------------------------------------- lifecycle

	@Override
	public void start() {
		this.consumers.orderedStream().forEach(this::start);
		this.running = true;
	}

	/** Starts one consumer; for tests that stop and start a consumer mid-stream. */
	public void start(AppealEventConsumer consumer) {
		Runner runner = new Runner(consumer);
		if (this.runners.putIfAbsent(consumer.name(), runner) != null) {
			throw new IllegalStateException("Two consumers named " + consumer.name());
		}
		runner.start();
	}

	/** Stops one consumer, storing its position first. */
	public void stop(String name) {
		Runner runner = this.runners.remove(name);
		if (runner != null) {
			runner.stop();
		}
	}

	@Override
	public void stop() {
		List.copyOf(this.runners.keySet()).forEach(this::stop);
		this.running = false;
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	/** After the event stream (phase 0) is up. */
	@Override
	public int getPhase() {
		return 1;
	}

	/**
	 * The oldest position a consumer may resume after: the oldest stored checkpoint of the consumers this
	 * application has (running or not), and the position of any running here that is behind it. The embedded
	 * server keeps its oplog from there on, so a consumer that is behind or stopped loses nothing.
	 */
	@Override
	public Mono<Long> oldestPosition() {
		List<String> names = this.consumers.orderedStream().map(AppealEventConsumer::name).toList();
		if (names.isEmpty()) {
			return Mono.empty();
		}
		Flux<Long> running = Flux.fromIterable(this.runners.values())
			.mapNotNull(runner -> runner.handedOff.get())
			.map(AppealEventCursor::position);
		Flux<Long> stored = this.mongo.find(Query.query(Criteria.where("_id").in(names)), Checkpoint.class, CHECKPOINTS)
			.map(Checkpoint::position);
		return Flux.concat(stored, running).reduce(Math::min);
	}

	/** Work items of a consumer still pending or running, for tests and health. */
	public Mono<Long> unfinished(String name) {
		return this.mongo.count(Query.query(Criteria.where("consumer").is(name).and("state").ne(State.DONE)), WORK);
	}

	/** Retries due work of every running consumer now, instead of at the next sweep. */
	public Mono<Void> sweepNow() {
		return Flux.fromIterable(this.runners.values()).concatMap(Runner::sweep).then();
	}

	// ---------------------------------------------------------------- one consumer

	/** A work item's state. */
	enum State {
		RUNNING, PENDING, DONE, FAILED
	}

	/**
	 * The stored record of one effect.
	 *
	 * @param id consumer name and event id
	 * @param appeal the appeal as the event left it, so that a retry sees exactly the same event
	 */
	record WorkItem(@Id String id, String consumer, String eventId, long position, String token, State state,
			String owner, Instant leaseUntil, Instant nextAttemptAt, int attempts, String lastError, Instant createdAt,
			Instant doneAt, Appeal appeal) {
	}

	/** A consumer's position: every event up to it has its work item (or was not wanted). */
	record Checkpoint(@Id String id, long position, String token, Instant storedAt) {
	}

	private final class Runner {

		private final AppealEventConsumer consumer;

		private final AtomicReference<AppealEventCursor> handedOff = new AtomicReference<>();

		private volatile AppealEventCursor stored;

		private final Disposable.Composite tasks = Disposables.composite();

		/** When an effect of this instance last failed. */
		private volatile Instant lastFailure = Instant.EPOCH;

		/** When finished items were last removed. */
		private volatile Instant lastCleanUp = Instant.EPOCH;

		Runner(AppealEventConsumer consumer) {
			this.consumer = consumer;
		}

		void start() {
			// Every event, not only the wanted ones, moves the position: a consumer that rarely wants one would
			// otherwise keep an old checkpoint, and the embedded oplog from it (see oldestPosition).
			Flux<Void> follow = Flux.defer(() -> position().flatMapMany(after -> stream.events(after,
					event -> true, properties.consumerBuffer())))
				// What has queued up is handed off together (a burst of ingests costs a few writes per batch, not
				// two per event); a lone event waits at most consumerBatchWait for company.
				.bufferTimeout(properties.consumerBatch(), properties.consumerBatchWait(), true)
				// Detached once done: concatMap keeps its last inner subscription until the next batch, and through it
				// the batch, its work items and every appeal copy in them (about 5 MB of an idle heap after the demo
				// load, 651 appeals held by six consumers).
				.concatMap(batch -> handOff(batch).onTerminateDetach())
				// History this instance still wanted is gone: another instance has handed those events off and moved
				// the stored checkpoint past them (only then is the embedded oplog trimmed), so resume from there.
				.doOnError(ex -> {
					if (ex instanceof OtklikException expired && expired.detail() == ErrorDetail.CURSOR_EXPIRED) {
						this.handedOff.set(null);
					}
				})
				// A lost connection or a buffer overflow: resume after the last event handed off.
				.retryWhen(Retry.backoff(Long.MAX_VALUE, Duration.ofMillis(200)).maxBackoff(Duration.ofSeconds(10))
					.doBeforeRetry(s -> log.warn("Consumer {} resumes after: {}", this.consumer.name(), s.failure().toString())));
			this.tasks.add(follow.subscribe());
			this.tasks.add(Flux.interval(properties.checkpointEvery())
				.onBackpressureDrop()
				.concatMap(tick -> flush().onErrorResume(ex -> Mono.empty()))
				.subscribe());
			this.tasks.add(Flux.interval(properties.retryEvery())
				.onBackpressureDrop()
				// Each sweep reads the whole work collection on the embedded server (no secondary indexes), and the
				// finished items of a week are most of it: after 2,000 ingests, sweeps of five consumers every 10 s
				// kept 8 % of a core busy. So a quiet instance sweeps once every QUIET_SWEEPS ticks (abandoned
				// leases last minutes anyway), and every tick while its own failures may be due.
				.filter(tick -> tick % QUIET_SWEEPS == 0
						|| clock.instant().isBefore(this.lastFailure.plus(MAX_BACKOFF)))
				.concatMap(tick -> sweep().onErrorResume(ex -> {
					log.warn("Consumer {}: retry sweep failed: {}", this.consumer.name(), ex.toString());
					return Mono.empty();
				}))
				.subscribe());
		}

		void stop() {
			this.tasks.dispose();
			flush().onErrorResume(ex -> Mono.empty()).block(Duration.ofSeconds(10));
		}

		/** Where to resume: after the last hand-off of this run, else the stored checkpoint, else now. */
		private Mono<AppealEventCursor> position() {
			AppealEventCursor last = this.handedOff.get();
			if (last != null) {
				return Mono.just(last);
			}
			return mongo.findById(this.consumer.name(), Checkpoint.class, CHECKPOINTS)
				.map(c -> new AppealEventCursor(c.position(), c.token()))
				.switchIfEmpty(Mono.defer(() -> {
					// A new consumer begins now; its first position is stored at once, so a crash before its
					// first event loses nothing.
					AppealEventCursor start = AppealEventCursor.before(clock.instant());
					return mongo.insert(new Checkpoint(this.consumer.name(), start.position(), null, clock.instant()),
							CHECKPOINTS)
						.thenReturn(start)
						.onErrorResume(DuplicateKeyException.class, ex -> mongo
							.findById(this.consumer.name(), Checkpoint.class, CHECKPOINTS)
							.map(c -> new AppealEventCursor(c.position(), c.token())));
				}))
				.doOnNext(this.handedOff::set);
		}

		/**
		 * Records the work items of the wanted events of a batch with one unordered insert, performs the effects
		 * of those this instance created, in order (all at once for an {@link AppealEventBatchConsumer}), and
		 * marks the successful ones done with one round trip. Only
		 * then does the position move past the batch: a crash in between leaves the created items running under
		 * this instance's lease, and the sweep performs them after it (the at-least-once edge of ADR 0007);
		 * events seen again find their items and are passed over.
		 */
		private Mono<Void> handOff(List<AppealEvent> batch) {
			AppealEventCursor last = batch.get(batch.size() - 1).cursor();
			List<AppealEvent> wanted = batch.stream().filter(this.consumer::wants).toList();
			if (wanted.isEmpty()) {
				return Mono.fromRunnable(() -> this.handedOff.set(last));
			}
			Instant now = clock.instant();
			List<WorkItem> items = wanted.stream()
				.map(event -> new WorkItem(this.consumer.name() + ":" + event.id(), this.consumer.name(), event.id(),
						event.cursor().position(), event.cursor().token(), State.RUNNING, instance,
						now.plus(properties.lease()), null, 1, null, now, null, event.appeal()))
				.toList();
			return insertNew(items)
				.map(created -> created.stream().boxed().toList())
				.flatMap(created -> performBatch(created, items, wanted))
				.flatMap(this::done)
				.doOnSuccess(x -> this.handedOff.set(last));
		}

		/** Performs the effects of the created items (indexes into both lists); returns the ids of those done. */
		private Mono<List<String>> performBatch(List<Integer> created, List<WorkItem> items, List<AppealEvent> wanted) {
			if (created.size() > 1 && this.consumer instanceof AppealEventBatchConsumer batch) {
				List<String> ids = created.stream().map(i -> items.get(i).id()).toList();
				return Mono.defer(() -> batch.handleAll(created.stream().map(wanted::get).toList()))
					.thenReturn(ids)
					.onErrorResume(ex -> Flux.fromIterable(created)
						.concatMap(i -> failed(items.get(i), ex))
						.then(Mono.just(List.<String>of())));
			}
			return Flux.fromIterable(created)
				.concatMap(i -> Mono.defer(() -> this.consumer.handle(wanted.get(i)))
					.thenReturn(items.get(i).id())
					.onErrorResume(ex -> failed(items.get(i), ex).then(Mono.empty())))
				.collectList();
		}

		/**
		 * Inserts the items, unordered, and tells which of them this insert created: the others' ids were taken
		 * already (another instance, or this one before a restart, has them).
		 */
		private Mono<BitSet> insertNew(List<WorkItem> items) {
			List<Document> documents = items.stream().map(item -> {
				Document document = new Document();
				mongo.getConverter().write(item, document);
				return document;
			}).toList();
			BitSet created = new BitSet(items.size());
			created.set(0, items.size());
			return mongo.getCollection(WORK)
				.flatMap(collection -> Mono.from(collection.insertMany(documents, new InsertManyOptions().ordered(false))))
				.thenReturn(created)
				.onErrorResume(MongoBulkWriteException.class, ex -> {
					for (BulkWriteError error : ex.getWriteErrors()) {
						if (error.getCategory() != ErrorCategory.DUPLICATE_KEY) {
							return Mono.error(ex);
						}
						created.clear(error.getIndex());
					}
					return Mono.just(created);
				});
		}

		/**
		 * Marks the items this instance still holds done, in one round trip: a bulk of guarded updates by id, which
		 * the embedded server answers from its id index ({@code _id: {$in: ...}} would read the whole collection).
		 */
		private Mono<Void> done(List<String> ids) {
			if (ids.isEmpty()) {
				return Mono.empty();
			}
			Bson update = Updates.combine(Updates.set("state", State.DONE.name()), Updates.set("doneAt", Date.from(clock.instant())),
					Updates.unset("appeal"));
			List<UpdateOneModel<Document>> updates = ids.stream()
				.map(id -> new UpdateOneModel<Document>(Filters.and(Filters.eq("_id", id), Filters.eq("owner", instance),
						Filters.eq("state", State.RUNNING.name())), update))
				.toList();
			return mongo.getCollection(WORK)
				.flatMap(collection -> Mono.from(collection.bulkWrite(updates, new BulkWriteOptions().ordered(false))))
				.then();
		}

		private Mono<Void> perform(WorkItem item, AppealEvent event) {
			return Mono.defer(() -> this.consumer.handle(event))
				.then(mongo.updateFirst(owned(item), new Update().set("state", State.DONE).set("doneAt", clock.instant())
					.unset("appeal"), WORK))
				.then()
				.onErrorResume(ex -> failed(item, ex));
		}

		private Mono<Void> failed(WorkItem item, Throwable ex) {
			this.lastFailure = clock.instant();
			boolean last = item.attempts() >= MAX_ATTEMPTS;
			log.warn("Consumer {}: event {} failed (attempt {}{}): {}", this.consumer.name(), item.eventId(),
					item.attempts(), last ? ", giving up" : "", ex.toString());
			Duration wait = Duration.ofSeconds(Math.min(MAX_BACKOFF.toSeconds(), 1L << Math.min(item.attempts(), 12)));
			return mongo.updateFirst(owned(item), new Update().set("state", last ? State.FAILED : State.PENDING)
				.set("owner", null)
				.set("nextAttemptAt", clock.instant().plus(wait))
				.set("lastError", String.valueOf(ex.getMessage())), WORK).then();
		}

		private Query owned(WorkItem item) {
			return Query.query(Criteria.where("_id").is(item.id()).and("owner").is(instance).and("state").is(State.RUNNING));
		}

		/** Claims and retries failed work whose time has come and work whose owner's lease expired. */
		Mono<Void> sweep() {
			Instant now = clock.instant();
			Query due = Query.query(Criteria.where("consumer").is(this.consumer.name()).orOperator(
					Criteria.where("state").is(State.PENDING).and("nextAttemptAt").lte(now),
					Criteria.where("state").is(State.RUNNING).and("leaseUntil").lt(now)));
			return mongo.find(due.limit(100), WorkItem.class, WORK)
				.concatMap(item -> claim(item, now))
				.concatMap(item -> (item.appeal() != null)
						? perform(item, AppealEventReader.toEvent(new AppealEventCursor(item.position(), item.token()),
								item.appeal()))
						: failed(item, new IllegalStateException("the work item holds no event")))
				.then(removeOldDone(now));
		}

		private Mono<WorkItem> claim(WorkItem item, Instant now) {
			// Guarded by what was read: of two instances sweeping at once, one claims it.
			Query guard = Query.query(Criteria.where("_id").is(item.id()).and("state").is(item.state())
				.and("attempts").is(item.attempts()));
			WorkItem claimed = new WorkItem(item.id(), item.consumer(), item.eventId(), item.position(), item.token(),
					State.RUNNING, instance, now.plus(properties.lease()), null, item.attempts() + 1, item.lastError(),
					item.createdAt(), null, item.appeal());
			return mongo.updateFirst(guard, new Update().set("state", State.RUNNING).set("owner", instance)
				.set("leaseUntil", claimed.leaseUntil()).set("attempts", claimed.attempts()), WORK)
				.filter(result -> result.getModifiedCount() == 1)
				.map(result -> claimed);
		}

		private Mono<Void> removeOldDone(Instant now) {
			// Items are kept for days; removing them once an hour is soon enough and spares a scan per sweep.
			if (now.isBefore(this.lastCleanUp.plus(Duration.ofHours(1)))) {
				return Mono.empty();
			}
			this.lastCleanUp = now;
			return mongo.remove(Query.query(Criteria.where("consumer").is(this.consumer.name()).and("state").is(State.DONE)
				.and("doneAt").lt(now.minus(properties.keepDone()))), WORK).then();
		}

		/** Stores the position if it moved, never backwards (another instance may be ahead). */
		Mono<Void> flush() {
			AppealEventCursor position = this.handedOff.get();
			if (position == null || position.equals(this.stored)) {
				return Mono.empty();
			}
			Query behind = Query.query(Criteria.where("_id").is(this.consumer.name()).and("position").lt(position.position()));
			return mongo.updateFirst(behind, new Update().set("position", position.position()).set("token", position.token())
				.set("storedAt", clock.instant()), CHECKPOINTS)
				.doOnSuccess(result -> this.stored = position)
				.then();
		}

	}

}
