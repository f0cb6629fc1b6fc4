package org.otklik.channel.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.otklik.channel.ChannelAccount;
import org.otklik.channel.ChannelHealth;
import org.otklik.channel.ChannelMode;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/** Stores channel accounts, and records what their calls showed (health, last event, last error). */
@Component
public class ChannelAccounts {

	static final String COLLECTION = "channel_accounts";

	private final ReactiveMongoTemplate mongo;

	private final Clock clock;

	public ChannelAccounts(ReactiveMongoTemplate mongo, Clock clock) {
		this.mongo = mongo;
		this.clock = clock;
	}

	public Flux<ChannelAccount> all() {
		return this.mongo.find(new Query().with(Sort.by("createdAt")), ChannelAccount.class, COLLECTION);
	}

	public Mono<ChannelAccount> byId(@Nullable String id) {
		return (id == null) ? Mono.empty() : this.mongo.findById(id, ChannelAccount.class, COLLECTION);
	}

	public Mono<ChannelAccount> save(ChannelAccount account) {
		return this.mongo.save(account, COLLECTION);
	}

	/** An event arrived: the account works. */
	public Mono<Void> eventArrived(String id) {
		return this.mongo.updateFirst(Query.query(Criteria.where("_id").is(id)),
				new Update().set("lastEventAt", now()), ChannelAccount.class, COLLECTION).then();
	}

	/** A call succeeded: a degraded account is well again (a broken one stays broken until fixed). */
	public Mono<Void> worked(String id) {
		return this.mongo.updateFirst(Query.query(Criteria.where("_id").is(id).and("health").is(ChannelHealth.DEGRADED)),
				new Update().set("health", ChannelHealth.OK).set("lastError", null), ChannelAccount.class, COLLECTION).then();
	}

	/** A call failed; {@code broken} for failures that need a curator. */
	public Mono<Void> failed(String id, String error, boolean broken) {
		Criteria which = Criteria.where("_id").is(id);
		if (!broken) {
			// A temporary failure does not hide that the account is broken.
			which = which.and("health").ne(ChannelHealth.BROKEN);
		}
		return this.mongo.updateFirst(Query.query(which), new Update()
			.set("health", broken ? ChannelHealth.BROKEN : ChannelHealth.DEGRADED)
			.set("lastError", error), ChannelAccount.class, COLLECTION).then();
	}

	/** Enabled long-poll accounts: the pollers' work. */
	public Flux<ChannelAccount> toPoll() {
		return this.mongo.find(Query.query(Criteria.where("mode").is(ChannelMode.LONG_POLL).and("enabled").is(true)
			.and("health").ne(ChannelHealth.BROKEN)), ChannelAccount.class, COLLECTION);
	}

	/**
	 * Claims (or renews) the right to long-poll an account: only one instance may, or the channel
	 * hands each update to one of them at random (Telegram refuses two getUpdates at once).
	 */
	public Mono<Boolean> claimPoll(String id, String instance, Duration lease) {
		Instant now = now();
		Query free = Query.query(Criteria.where("_id").is(id).orOperator(Criteria.where("pollOwner").is(instance),
				Criteria.where("pollOwner").is(null), Criteria.where("pollLeaseUntil").lt(now)));
		return this.mongo.updateFirst(free, new Update().set("pollOwner", instance).set("pollLeaseUntil", now.plus(lease)),
				ChannelAccount.class, COLLECTION).map(result -> result.getModifiedCount() == 1 || result.getMatchedCount() == 1);
	}

	public Mono<Void> releasePoll(String id, String instance) {
		return this.mongo.updateFirst(Query.query(Criteria.where("_id").is(id).and("pollOwner").is(instance)),
				new Update().set("pollOwner", null).set("pollLeaseUntil", null), ChannelAccount.class, COLLECTION).then();
	}

	/** Where polling goes on, stored by the instance that holds the poll. */
	public Mono<Void> polledTo(String id, String instance, @Nullable String offset) {
		return this.mongo.updateFirst(Query.query(Criteria.where("_id").is(id).and("pollOwner").is(instance)),
				new Update().set("pollOffset", offset), ChannelAccount.class, COLLECTION).then();
	}

	public Mono<List<ChannelAccount>> list() {
		return all().collectList();
	}

	private Instant now() {
		return this.clock.instant();
	}

}
