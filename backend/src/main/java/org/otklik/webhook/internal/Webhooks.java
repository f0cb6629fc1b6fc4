package org.otklik.webhook.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.bson.Document;
import org.bson.types.ObjectId;
import org.jspecify.annotations.Nullable;
import org.otklik.appeal.AppealEventType;
import org.otklik.storage.StartupIndexes;
import org.otklik.webhook.Webhook;
import org.otklik.webhook.WebhookDelivery;
import org.otklik.webhook.WebhookDelivery.State;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.CompoundIndexDefinition;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/** Stores webhooks and their deliveries; every state change of a delivery is one guarded update. */
@Component
public class Webhooks implements InitializingBean {

	private final ReactiveMongoTemplate mongo;

	public Webhooks(ReactiveMongoTemplate mongo) {
		this.mongo = mongo;
	}

	@Override
	public void afterPropertiesSet() {
		var deliveries = this.mongo.indexOps(WebhookDelivery.COLLECTION);
		var webhooks = this.mongo.indexOps(Webhook.COLLECTION);
		StartupIndexes.create(Flux.concat(
				// The dispatcher's idempotency: one delivery per (webhook, event), whoever dispatches it.
				deliveries.createIndex(new CompoundIndexDefinition(new Document("key", 1)).named("key").unique()),
				deliveries.createIndex(new CompoundIndexDefinition(new Document("webhookId", 1).append("_id", -1))
					.named("webhook")),
				deliveries.createIndex(new CompoundIndexDefinition(new Document("state", 1).append("nextAttemptAt", 1))
					.named("due")),
				webhooks.createIndex(new CompoundIndexDefinition(new Document("enabled", 1).append("eventTypes", 1))
					.named("wanted")),
				webhooks.createIndex(new CompoundIndexDefinition(new Document("ownerId", 1).append("_id", 1)).named("owner")))
			.then());
	}

	// ---------------------------------------------------------------- webhooks

	public Mono<Webhook> insert(Webhook webhook) {
		return this.mongo.insert(webhook, Webhook.COLLECTION);
	}

	public Mono<Webhook> byId(@Nullable String id) {
		return (id == null || !ObjectId.isValid(id)) ? Mono.empty() : this.mongo.findById(id, Webhook.class, Webhook.COLLECTION);
	}

	public Mono<Long> countOwnedBy(String ownerId) {
		return this.mongo.count(Query.query(Criteria.where("ownerId").is(ownerId)), Webhook.class, Webhook.COLLECTION);
	}

	/** Enabled webhooks that want this type of event. */
	public Flux<Webhook> wanting(AppealEventType type) {
		return wanting(List.of(type));
	}

	/** Enabled webhooks that want any of these types of event. */
	public Flux<Webhook> wanting(Collection<AppealEventType> types) {
		return this.mongo.find(Query.query(Criteria.where("enabled").is(true).and("eventTypes").in(types)), Webhook.class,
				Webhook.COLLECTION);
	}

	/** A page in registration order; {@code ownerId} null for every owner (curators). */
	public Mono<List<Webhook>> page(@Nullable String ownerId, @Nullable String afterId, int limit) {
		Query query = new Query();
		if (ownerId != null) {
			query.addCriteria(Criteria.where("ownerId").is(ownerId));
		}
		if (afterId != null) {
			query.addCriteria(Criteria.where("_id").gt(new ObjectId(afterId)));
		}
		return this.mongo.find(query.with(Sort.by("_id")).limit(limit), Webhook.class, Webhook.COLLECTION).collectList();
	}

	public Mono<Boolean> delete(String id) {
		return this.mongo.remove(Query.query(Criteria.where("_id").is(new ObjectId(id))), Webhook.class, Webhook.COLLECTION)
			.map(result -> result.getDeletedCount() == 1);
	}

	/** Disables an enabled webhook; false if it was not enabled (another instance disabled it first). */
	public Mono<Boolean> disable(String id, String reason, Instant at) {
		return this.mongo.updateFirst(Query.query(Criteria.where("_id").is(new ObjectId(id)).and("enabled").is(true)),
				new Update().set("enabled", false).set("disabledReason", reason).set("disabledAt", at), Webhook.class,
				Webhook.COLLECTION)
			.map(result -> result.getModifiedCount() == 1);
	}

	public Mono<Webhook> enable(String id) {
		return this.mongo.findAndModify(Query.query(Criteria.where("_id").is(new ObjectId(id))),
				new Update().set("enabled", true).set("disabledReason", null).set("disabledAt", null),
				FindAndModifyOptions.options().returnNew(true), Webhook.class, Webhook.COLLECTION);
	}

	// ---------------------------------------------------------------- deliveries

	/** Stores a new delivery; empty if the event is already queued for this webhook. */
	public Mono<WebhookDelivery> queue(WebhookDelivery delivery) {
		return this.mongo.insert(delivery, WebhookDelivery.COLLECTION)
			.onErrorResume(org.springframework.dao.DuplicateKeyException.class, ex -> Mono.empty());
	}

	public Mono<WebhookDelivery> delivery(@Nullable String id) {
		return (id == null || !ObjectId.isValid(id)) ? Mono.empty()
				: this.mongo.findById(id, WebhookDelivery.class, WebhookDelivery.COLLECTION);
	}

	/** A page of one webhook's deliveries, newest first. */
	public Mono<List<WebhookDelivery>> deliveries(String webhookId, @Nullable String beforeId, int limit) {
		Criteria criteria = Criteria.where("webhookId").is(webhookId);
		if (beforeId != null) {
			criteria = criteria.and("_id").lt(new ObjectId(beforeId));
		}
		return this.mongo.find(Query.query(criteria).with(Sort.by(Sort.Direction.DESC, "_id")).limit(limit),
				WebhookDelivery.class, WebhookDelivery.COLLECTION).collectList();
	}

	/** Deliveries due now, and ones whose sender died (lease over). */
	public Flux<WebhookDelivery> due(Instant now, int limit) {
		return this.mongo.find(Query.query(dueCriteria(now)).limit(limit), WebhookDelivery.class, WebhookDelivery.COLLECTION);
	}

	/** Claims a due delivery for this instance; empty if it is not due or another instance has it. */
	public Mono<WebhookDelivery> claim(String id, Instant now, Duration lease) {
		return this.mongo.findAndModify(Query.query(Criteria.where("_id").is(new ObjectId(id)).andOperator(dueCriteria(now))),
				new Update().set("state", State.SENDING).set("leaseUntil", now.plus(lease)),
				FindAndModifyOptions.options().returnNew(true), WebhookDelivery.class, WebhookDelivery.COLLECTION);
	}

	private static Criteria dueCriteria(Instant now) {
		return new Criteria().orOperator(
				Criteria.where("state").is(State.PENDING).orOperator(Criteria.where("nextAttemptAt").is(null),
						Criteria.where("nextAttemptAt").lte(now)),
				Criteria.where("state").is(State.SENDING).and("leaseUntil").lt(now));
	}

	/** Records an attempt and the state it leads to, if this instance still holds the delivery. */
	public Mono<Void> attempted(WebhookDelivery delivery, WebhookDelivery.Attempt attempt, State state,
			@Nullable Instant nextAttemptAt) {
		Update update = new Update().push("attempts", attempt)
			.set("attemptCount", delivery.attemptCount() + 1)
			.set("state", state)
			.set("nextAttemptAt", nextAttemptAt)
			.set("leaseUntil", null)
			.set("lastError", attempt.error());
		if (state == State.DELIVERED) {
			update.set("deliveredAt", attempt.at());
		}
		return this.mongo.updateFirst(Query.query(Criteria.where("_id").is(new ObjectId(delivery.id()))
			.and("state").is(State.SENDING).and("leaseUntil").is(delivery.leaseUntil())), update, WebhookDelivery.class,
				WebhookDelivery.COLLECTION)
			.then();
	}

	/** Gives up a delivery without an attempt (its webhook is gone or disabled). */
	public Mono<Void> giveUp(String id, String reason) {
		return this.mongo.updateFirst(Query.query(Criteria.where("_id").is(new ObjectId(id))),
				new Update().set("state", State.FAILED).set("leaseUntil", null).set("nextAttemptAt", null)
					.set("lastError", reason),
				WebhookDelivery.class, WebhookDelivery.COLLECTION).then();
	}

	/** Gives up every waiting delivery of a webhook (it was disabled or deleted). */
	public Mono<Void> giveUpAll(String webhookId, String reason) {
		return this.mongo.updateMulti(Query.query(Criteria.where("webhookId").is(webhookId).and("state").is(State.PENDING)),
				new Update().set("state", State.FAILED).set("nextAttemptAt", null).set("lastError", reason),
				WebhookDelivery.class, WebhookDelivery.COLLECTION).then();
	}

	/** Queues a delivery again with a fresh retry window; false if it is being sent right now. */
	public Mono<WebhookDelivery> requeue(String id, Instant giveUpAt) {
		return this.mongo.findAndModify(Query.query(Criteria.where("_id").is(new ObjectId(id)).and("state").ne(State.SENDING)),
				new Update().set("state", State.PENDING).set("nextAttemptAt", null).set("giveUpAt", giveUpAt),
				FindAndModifyOptions.options().returnNew(true), WebhookDelivery.class, WebhookDelivery.COLLECTION);
	}

}
