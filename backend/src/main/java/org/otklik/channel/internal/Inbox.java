package org.otklik.channel.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;
import org.otklik.appeal.AppealService;
import org.otklik.channel.ChannelAccount;
import org.otklik.channel.ChannelKind;
import org.otklik.security.Caller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Where channel events land before anything else happens: stored under (account, event key), so that a
 * repeat is recognised by the unique id, and the channel is answered at once. Each stored event is then
 * turned into appeals asynchronously, in arrival order; an instance that dies before that leaves the
 * event for another instance's sweep, and the intake's own idempotency makes a second try harmless.
 */
@Component
public class Inbox implements SmartLifecycle {

	static final String COLLECTION = "channel_inbox";

	private static final Logger log = LoggerFactory.getLogger(Inbox.class);

	private static final int MAX_ATTEMPTS = 10;

	private static final Duration LEASE = Duration.ofMinutes(1);

	private final ReactiveMongoTemplate mongo;

	private final ChannelAccounts accounts;

	private final ChannelConnections connections;

	private final AppealService appeals;

	private final JsonMapper json;

	private final Clock clock;

	private final Sinks.Many<String> arrived = Sinks.many().multicast().onBackpressureBuffer(8192, false);

	private final Disposable.Composite running = Disposables.composite();

	public Inbox(ReactiveMongoTemplate mongo, ChannelAccounts accounts, ChannelConnections connections,
			AppealService appeals, JsonMapper json, Clock clock) {
		this.mongo = mongo;
		this.accounts = accounts;
		this.connections = connections;
		this.appeals = appeals;
		this.json = json;
		this.clock = clock;
	}

	/** A stored event; {@code body} is the channel's JSON as it arrived. */
	record InboxItem(@Id String id, String accountId, ChannelKind kind, String body, Instant receivedAt, State state,
			int attempts, @Nullable Instant nextAttemptAt, @Nullable Instant leaseUntil, @Nullable String lastError) {
	}

	/** Where a stored event stands. */
	enum State {
		NEW, PROCESSING, DONE, FAILED
	}

	/**
	 * Stores an event of an account.
	 *
	 * @return true if it is new, false for a repeat the channel sent again
	 */
	public Mono<Boolean> accept(ChannelAccount account, String eventKey, JsonNode body) {
		InboxItem item = new InboxItem(account.id() + ":" + eventKey, account.id(), account.kind(), body.toString(),
				this.clock.instant(), State.NEW, 0, null, null, null);
		return this.mongo.insert(item, COLLECTION)
			.doOnNext(stored -> this.arrived.tryEmitNext(stored.id()))
			.thenReturn(true)
			.onErrorResume(DuplicateKeyException.class, ex -> Mono.just(false));
	}

	/** Events not yet turned into appeals (for tests and health). */
	public Mono<Long> pending() {
		return this.mongo.count(Query.query(Criteria.where("state").in(State.NEW, State.PROCESSING)), COLLECTION);
	}

	// ---------------------------------------------------------------- processing

	@Override
	public void start() {
		this.running.add(this.arrived.asFlux()
			.onBackpressureBuffer()
			.concatMap(id -> claim(id).flatMap(this::process).onErrorResume(ex -> Mono.empty()))
			.subscribe());
		this.running.add(Flux.interval(Duration.ofSeconds(5))
			.onBackpressureDrop()
			.concatMap(tick -> sweep().onErrorResume(ex -> {
				log.warn("Channel inbox sweep failed: {}", ex.toString());
				return Mono.empty();
			}))
			.subscribe());
	}

	/** Takes up events another instance left, or whose retry is due. */
	public Mono<Void> sweep() {
		Instant now = this.clock.instant();
		Query due = Query.query(new Criteria().orOperator(
				Criteria.where("state").is(State.NEW).and("nextAttemptAt").is(null).and("receivedAt").lt(now.minusSeconds(10)),
				Criteria.where("state").is(State.NEW).and("nextAttemptAt").lte(now),
				Criteria.where("state").is(State.PROCESSING).and("leaseUntil").lt(now))).limit(500);
		return this.mongo.find(due, InboxItem.class, COLLECTION)
			.concatMap(item -> claim(item.id()).flatMap(this::process).onErrorResume(ex -> Mono.empty()))
			.then();
	}

	private Mono<InboxItem> claim(String id) {
		Instant now = this.clock.instant();
		Query free = Query.query(Criteria.where("_id").is(id).orOperator(Criteria.where("state").is(State.NEW),
				Criteria.where("state").is(State.PROCESSING).and("leaseUntil").lt(now)));
		return this.mongo.findAndModify(free, new Update().set("state", State.PROCESSING).set("leaseUntil", now.plus(LEASE)),
				org.springframework.data.mongodb.core.FindAndModifyOptions.options().returnNew(true), InboxItem.class,
				COLLECTION);
	}

	private Mono<Void> process(InboxItem item) {
		return this.accounts.byId(item.accountId())
			.switchIfEmpty(Mono.error(() -> new IllegalStateException("the account no longer exists")))
			.flatMap(account -> {
				JsonNode body = this.json.readTree(item.body());
				ChannelClient client = this.connections.client(account.kind());
				return client.messages(account, this.connections.token(account), body)
					.flatMapMany(Flux::fromIterable)
					.concatMap(message -> this.appeals.receiveFromChannel(Caller.SYSTEM, message))
					.then(this.accounts.eventArrived(account.id()));
			})
			.then(this.mongo.updateFirst(Query.query(Criteria.where("_id").is(item.id())),
					new Update().set("state", State.DONE).set("leaseUntil", null), COLLECTION))
			.then()
			.onErrorResume(ex -> retryLater(item, ex));
	}

	private Mono<Void> retryLater(InboxItem item, Throwable ex) {
		int attempts = item.attempts() + 1;
		boolean last = attempts >= MAX_ATTEMPTS;
		log.warn("Channel event {} could not be taken in (attempt {}{}): {}", item.id(), attempts,
				last ? ", giving up" : "", ex.toString());
		return this.mongo.updateFirst(Query.query(Criteria.where("_id").is(item.id())), new Update()
			.set("state", last ? State.FAILED : State.NEW)
			.set("attempts", attempts)
			.set("leaseUntil", null)
			.set("lastError", String.valueOf(ex.getMessage()))
			.set("nextAttemptAt", this.clock.instant().plusSeconds(Math.min(600, 1L << Math.min(attempts, 9)))), COLLECTION)
			.then();
	}

	@Override
	public void stop() {
		this.running.dispose();
	}

	@Override
	public boolean isRunning() {
		return !this.running.isDisposed() && this.running.size() > 0;
	}

}
