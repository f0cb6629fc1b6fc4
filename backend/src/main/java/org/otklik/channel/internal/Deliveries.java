package org.otklik.channel.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;
import org.otklik.appeal.Answer;
import org.otklik.appeal.AppealEvent;
import org.otklik.appeal.AppealEventConsumer;
import org.otklik.appeal.AppealService;
import org.otklik.appeal.ChannelSource;
import org.otklik.appeal.ChannelSource.ReplyTarget;
import org.otklik.appeal.Delivery;
import org.otklik.appeal.Delivery.DeliveryState;
import org.otklik.channel.ChannelAccount;
import org.otklik.channel.ChannelHealth;
import org.otklik.channel.ChannelKind;
import org.otklik.channel.ChannelProperties;
import org.otklik.citizen.CitizenService;
import org.otklik.security.Caller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.Disposables;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Sends published answers back where the citizen wrote. A consumer of the appeal event stream (durable,
 * once across instances) puts each answer that waits for its channel into an outbox keyed by the answer;
 * a worker on every instance claims due items with a guarded update and sends them, honouring the
 * channel's {@code retry_after}, a per-account pace, and backoff. What happens is recorded on the appeal
 * ({@code RecordDelivery}), so the ЦУР sees it live. A reply the channel accepted is never sent again; a
 * permanent failure marks the account broken and parks its answers until a curator fixes it.
 */
@Component
public class Deliveries implements AppealEventConsumer, SmartLifecycle {

	static final String COLLECTION = "channel_deliveries";

	private static final Logger log = LoggerFactory.getLogger(Deliveries.class);

	private static final Duration LEASE = Duration.ofMinutes(2);

	private final ReactiveMongoTemplate mongo;

	private final ChannelAccounts accounts;

	private final ChannelConnections connections;

	private final AppealService appeals;

	private final ChannelProperties properties;

	private final Clock clock;

	private final Sinks.Many<String> due = Sinks.many().multicast().onBackpressureBuffer(8192, false);

	/** When each account may be called next: its own pace, below the channels' limits. */
	private final Map<String, Instant> nextCall = new ConcurrentHashMap<>();

	private final Disposable.Composite running = Disposables.composite();

	private final MeterRegistry registry;

	private final CitizenService citizens;

	public Deliveries(ReactiveMongoTemplate mongo, ChannelAccounts accounts, ChannelConnections connections,
			AppealService appeals, ChannelProperties properties, Clock clock, MeterRegistry registry,
			CitizenService citizens) {
		this.registry = registry;
		this.citizens = citizens;
		this.mongo = mongo;
		this.accounts = accounts;
		this.connections = connections;
		this.appeals = appeals;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * One answer on its way.
	 *
	 * @param id the answer's id
	 * @param partsSent parts of a long answer the channel accepted already (never sent again)
	 * @param externalId the first part's id in the channel
	 */
	record Outgoing(@Id String id, String appealId, String accountId, ChannelKind kind, ReplyTarget target, String text,
			State state, int attempts, @Nullable Instant nextAttemptAt, @Nullable Instant leaseUntil,
			@Nullable String lastError, int partsSent, @Nullable String externalId, @Nullable String link,
			Instant createdAt, @Nullable Instant sentAt) {
	}

	/** Where an outgoing answer stands. */
	enum State {
		/** Due at {@code nextAttemptAt} (or at once). */
		PENDING,
		/** Claimed by an instance until {@code leaseUntil}. */
		SENDING,
		/** Accepted by the channel. */
		SENT,
		/** Its account is disabled or broken: waits until a curator fixes it. */
		PARKED,
		/** Given up; a curator may retry it. */
		FAILED
	}

	// ---------------------------------------------------------------- the consumer

	@Override
	public String name() {
		return "channel-delivery";
	}

	@Override
	public boolean wants(AppealEvent event) {
		Answer answer = published(event);
		ChannelSource source = event.appeal().source();
		return answer != null && answer.delivery() != null && answer.delivery().state() == DeliveryState.PENDING
				&& source != null && source.accountId() != null && source.replyTarget() != null;
	}

	private static @Nullable Answer published(AppealEvent event) {
		if (event instanceof AppealEvent.InterimAnswerPublished interim) {
			return interim.answer();
		}
		if (event instanceof AppealEvent.AnswerApproved approved) {
			return approved.answer();
		}
		return null;
	}

	@Override
	public Mono<Void> handle(AppealEvent event) {
		Answer answer = published(event);
		ChannelSource source = event.appeal().source();
		if (answer == null || source == null || source.accountId() == null || source.replyTarget() == null) {
			return Mono.empty();
		}
		// The citizen's page: issued now if the link consumer has not yet; none without a public address.
		Mono<String> page = this.citizens.publicUrl(event.appeal().id()).defaultIfEmpty("");
		return Mono.zip(this.accounts.byId(source.accountId()).map(ChannelAccount::kind).defaultIfEmpty(kindOf(event)), page)
			.flatMap(both -> this.mongo.insert(new Outgoing(answer.id(), event.appeal().id(), source.accountId(), both.getT1(),
					source.replyTarget(), withNumber(answer.text(), event.appeal().number(),
							both.getT2().isEmpty() ? null : both.getT2()), State.PENDING, 0, null, null, null, 0, null, null,
					this.clock.instant(), null), COLLECTION))
			.doOnNext(stored -> this.due.tryEmitNext(stored.id()))
			.then()
			// Already in the outbox: the answer is on its way.
			.onErrorResume(DuplicateKeyException.class, ex -> Mono.empty());
	}

	/**
	 * The text as the citizen receives it: the answer and, on a line of its own, the appeal's number, so
	 * that a citizen who calls or writes again can name it.
	 */
	static String withNumber(String text, @Nullable String number) {
		return withNumber(text, number, null);
	}

	/**
	 * The text with the number and, on a line of its own, the public page where the citizen follows the
	 * appeal and rates the answer (when a public address is configured).
	 */
	static String withNumber(String text, @Nullable String number, @Nullable String pageUrl) {
		String withNumber = (number != null) ? text + "\n\nНомер обращения: " + number : text;
		return (pageUrl != null) ? withNumber + ((number != null) ? "\n" : "\n\n") + "Ход обращения и оценка ответа: " + pageUrl
				: withNumber;
	}

		private static ChannelKind kindOf(AppealEvent event) {
		return switch (event.appeal().channel()) {
			case TELEGRAM -> ChannelKind.TELEGRAM;
			case MAX -> ChannelKind.MAX;
			case OK -> ChannelKind.OK;
			default -> ChannelKind.VK;
		};
	}

	// ---------------------------------------------------------------- curators

	/**
	 * Sends a failed or parked answer again now.
	 *
	 * @return whether there was one to retry
	 */
	public Mono<Boolean> retry(String answerId) {
		return this.mongo.updateFirst(Query.query(Criteria.where("_id").is(answerId).and("state")
			.in(State.FAILED, State.PARKED, State.PENDING)), new Update().set("state", State.PENDING).set("attempts", 0)
				.set("nextAttemptAt", null).set("lastError", null), COLLECTION)
			.map(result -> {
				if (result.getMatchedCount() == 1) {
					this.due.tryEmitNext(answerId);
				}
				return result.getMatchedCount() == 1;
			});
	}

	/** An account was fixed or enabled again: its parked answers go out. */
	public Mono<Long> unpark(String accountId) {
		return this.mongo.updateMulti(Query.query(Criteria.where("accountId").is(accountId).and("state").is(State.PARKED)),
				new Update().set("state", State.PENDING).set("nextAttemptAt", null), COLLECTION)
			.map(result -> {
				sweepSoon();
				return result.getModifiedCount();
			});
	}

	/** Outgoing answers not yet sent (for tests and health). */
	public Mono<Long> unsent() {
		return this.mongo.count(Query.query(Criteria.where("state").in(State.PENDING, State.SENDING)), COLLECTION);
	}

	// ---------------------------------------------------------------- the worker

	@Override
	public void start() {
		this.running.add(this.due.asFlux()
			.onBackpressureBuffer()
			.concatMap(id -> (id.isEmpty() ? sweep() : claim(id).flatMap(this::send)).onErrorResume(ex -> Mono.empty()))
			.subscribe());
		this.running.add(Flux.interval(this.properties.deliveryEvery())
			.onBackpressureDrop()
			.concatMap(tick -> sweep().onErrorResume(ex -> {
				log.warn("Delivery sweep failed: {}", ex.toString());
				return Mono.empty();
			}))
			.subscribe());
	}

	private void sweepSoon() {
		this.due.tryEmitNext("");
	}

	/** Sends what is due now, and what an instance that died was sending. */
	public Mono<Void> sweep() {
		Instant now = this.clock.instant();
		Query due = Query.query(new Criteria().orOperator(
				Criteria.where("state").is(State.PENDING).orOperator(Criteria.where("nextAttemptAt").is(null),
						Criteria.where("nextAttemptAt").lte(now)),
				Criteria.where("state").is(State.SENDING).and("leaseUntil").lt(now))).limit(200);
		return this.mongo.find(due, Outgoing.class, COLLECTION)
			.concatMap(item -> claim(item.id()).flatMap(this::send).onErrorResume(ex -> Mono.empty()))
			.then();
	}

	private Mono<Outgoing> claim(String id) {
		Instant now = this.clock.instant();
		Query free = Query.query(Criteria.where("_id").is(id).orOperator(
				Criteria.where("state").is(State.PENDING).orOperator(Criteria.where("nextAttemptAt").is(null),
						Criteria.where("nextAttemptAt").lte(now)),
				Criteria.where("state").is(State.SENDING).and("leaseUntil").lt(now)));
		return this.mongo.findAndModify(free, new Update().set("state", State.SENDING).set("leaseUntil", now.plus(LEASE)),
				FindAndModifyOptions.options().returnNew(true), Outgoing.class, COLLECTION);
	}

	private Mono<Void> send(Outgoing item) {
		return this.accounts.byId(item.accountId()).map(java.util.Optional::of).defaultIfEmpty(java.util.Optional.empty())
			.flatMap(found -> {
				ChannelAccount account = found.orElse(null);
				if (account == null || !account.enabled() || account.health() == ChannelHealth.BROKEN) {
					String why = (account == null) ? "аккаунт канала удалён"
							: !account.enabled() ? "аккаунт канала отключён" : "аккаунт канала не работает: " + account.lastError();
					return park(item, why);
				}
				String token = this.connections.token(account);
				if (token == null) {
					return park(item, "токен аккаунта недоступен: не задан ключ OTKLIK_CHANNEL_SECRET_KEY");
				}
				return sendParts(account, token, item);
			});
	}

	private Mono<Void> sendParts(ChannelAccount account, String token, Outgoing item) {
		ChannelClient client = this.connections.client(account.kind());
		List<String> parts = split(item.text(), client.maxText(item.target()));
		return Flux.range(item.partsSent(), parts.size() - item.partsSent())
			.concatMap(index -> paced(account.id())
				.then(client.send(account, token, item.target(), parts.get(index), item.id() + ":" + index))
				.flatMap(sent -> partSent(item, index, sent).thenReturn(sent)))
			.collectList()
			.flatMap(sent -> {
				String externalId = (item.externalId() != null) ? item.externalId()
						: sent.isEmpty() ? null : sent.get(0).externalId();
				String link = (item.link() != null) ? item.link() : sent.isEmpty() ? null : sent.get(0).link();
				Instant now = this.clock.instant();
				return this.mongo.updateFirst(Query.query(Criteria.where("_id").is(item.id())), new Update()
					.set("state", State.SENT).set("sentAt", now).set("leaseUntil", null).set("lastError", null), COLLECTION)
					.then(this.accounts.worked(account.id()))
					.then(Mono.fromRunnable(() -> count("otklik.channel.deliveries", account.kind(), null)))
					.then(record(item, new Delivery(DeliveryState.SENT, externalId, link, null, null, now, null)));
			})
			.onErrorResume(ChannelException.class, ex -> failed(account, item, ex));
	}

	/** Records that one part went out, so a retry sends only the rest. */
	private Mono<Void> partSent(Outgoing item, int index, ChannelClient.Sent sent) {
		Update update = new Update().set("partsSent", index + 1);
		if (index == 0) {
			update.set("externalId", sent.externalId()).set("link", sent.link());
		}
		return this.mongo.updateFirst(Query.query(Criteria.where("_id").is(item.id())), update, COLLECTION).then();
	}

	private Mono<Void> failed(ChannelAccount account, Outgoing item, ChannelException ex) {
		Instant now = this.clock.instant();
		int attempts = item.attempts() + 1;
		log.warn("Answer {} to {} account {} not sent (attempt {}): {}", item.id(), account.kind(), account.id(), attempts,
				ex.getMessage());
		count("otklik.channel.delivery.failures", account.kind(), ex.kind().name().toLowerCase(java.util.Locale.ROOT));
		return switch (ex.kind()) {
			case PERMANENT -> this.accounts.failed(account.id(), ex.getMessage(), true)
				.then(park(item, "аккаунт канала не работает: " + ex.getMessage()));
			case REJECTED -> giveUp(item, attempts, ex.getMessage());
			case RATE_LIMITED, TRANSIENT -> {
				if (attempts >= this.properties.maxAttempts()) {
					yield this.accounts.failed(account.id(), ex.getMessage(), false).then(giveUp(item, attempts, ex.getMessage()));
				}
				Duration backoff = Duration.ofSeconds(Math.min(3600, 2L << Math.min(attempts, 11)));
				Duration wait = (ex.retryAfter() != null && ex.retryAfter().compareTo(backoff) > 0) ? ex.retryAfter() : backoff;
				if (ex.kind() == ChannelException.Kind.RATE_LIMITED && ex.retryAfter() != null) {
					// The channel said how long to wait: that is the wait, for every answer of this account.
					wait = ex.retryAfter();
					this.nextCall.merge(account.id(), now.plus(wait), (a, b) -> a.isAfter(b) ? a : b);
				}
				Instant next = now.plus(wait);
				Mono<Void> store = this.mongo.updateFirst(Query.query(Criteria.where("_id").is(item.id())), new Update()
					.set("state", State.PENDING).set("attempts", attempts).set("nextAttemptAt", next)
					.set("leaseUntil", null).set("lastError", ex.getMessage()), COLLECTION).then();
				Mono<Void> health = (ex.kind() == ChannelException.Kind.TRANSIENT)
						? this.accounts.failed(account.id(), ex.getMessage(), false) : Mono.empty();
				// The appeal shows the first failure; further retries change nothing it would show.
				Mono<Void> shown = (attempts == 1)
						? record(item, new Delivery(DeliveryState.PENDING, null, null, ex.getMessage(), next, now, null))
						: Mono.empty();
				yield store.then(health).then(shown);
			}
		};
	}

	/** Answers sent, and failed attempts by kind (transient, rate_limited, rejected, permanent), per channel. */
	private void count(String name, ChannelKind kind, @Nullable String failure) {
		Counter.Builder counter = Counter.builder(name).tag("channel", kind.name());
		if (failure != null) {
			counter.tag("kind", failure);
		}
		counter.register(this.registry).increment();
	}

	private Mono<Void> park(Outgoing item, String why) {
		Instant now = this.clock.instant();
		return this.mongo.updateFirst(Query.query(Criteria.where("_id").is(item.id())), new Update()
			.set("state", State.PARKED).set("leaseUntil", null).set("lastError", why), COLLECTION)
			.then(record(item, new Delivery(DeliveryState.PENDING, null, null, why, null, now, null)));
	}

	private Mono<Void> giveUp(Outgoing item, int attempts, String why) {
		Instant now = this.clock.instant();
		return this.mongo.updateFirst(Query.query(Criteria.where("_id").is(item.id())), new Update()
			.set("state", State.FAILED).set("attempts", attempts).set("leaseUntil", null).set("lastError", why), COLLECTION)
			.then(record(item, new Delivery(DeliveryState.FAILED, null, null, why, null, now, null)));
	}

	private Mono<Void> record(Outgoing item, Delivery delivery) {
		return this.appeals.recordDelivery(Caller.SYSTEM, item.appealId(), item.id(), delivery)
			.doOnNext(payload -> {
				if (!payload.errors().isEmpty()) {
					log.warn("Delivery of answer {} not recorded on appeal {}: {}", item.id(), item.appealId(), payload.errors());
				}
			})
			.then();
	}

	/** Waits until the account may be called again, and books the next slot. */
	private Mono<Void> paced(String accountId) {
		Instant now = this.clock.instant();
		Instant slot = this.nextCall.compute(accountId, (id, next) -> {
			Instant start = (next == null || next.isBefore(now)) ? now : next;
			return start.plus(this.properties.minInterval());
		}).minus(this.properties.minInterval());
		Duration wait = Duration.between(now, slot);
		return wait.isNegative() || wait.isZero() ? Mono.empty() : Mono.delay(wait).then();
	}

	/** A long answer in parts the channel takes, split at paragraph, then sentence, then word boundaries. */
	static List<String> split(String text, int max) {
		List<String> parts = new ArrayList<>();
		String rest = text.strip();
		while (rest.length() > max) {
			int cut = lastBreak(rest, max, "\n\n");
			if (cut <= 0) {
				cut = lastBreak(rest, max, ". ");
			}
			if (cut <= 0) {
				cut = lastBreak(rest, max, " ");
			}
			if (cut <= 0) {
				cut = max;
			}
			parts.add(rest.substring(0, cut).strip());
			rest = rest.substring(cut).strip();
		}
		if (!rest.isEmpty()) {
			parts.add(rest);
		}
		return parts;
	}

	private static int lastBreak(String text, int max, String separator) {
		int at = text.lastIndexOf(separator, max - separator.length());
		return (at <= max / 2) ? -1 : at + separator.length();
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
