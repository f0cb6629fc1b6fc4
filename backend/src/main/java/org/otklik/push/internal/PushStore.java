package org.otklik.push.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.bson.Document;
import org.bson.types.ObjectId;
import org.jspecify.annotations.Nullable;
import org.otklik.push.PushDevice;
import org.otklik.push.PushNoticeKind;
import org.otklik.push.PushSettings;
import org.otklik.push.internal.PushNotice.State;
import org.otklik.security.Role;
import org.otklik.storage.StartupIndexes;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.CompoundIndexDefinition;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/** Stores devices, settings and notices; every state change of a notice is one guarded update. */
@Component
public class PushStore implements InitializingBean {

	static final String CHANNEL_ALERTS = "push_channel_alerts";

	private final ReactiveMongoTemplate mongo;

	public PushStore(ReactiveMongoTemplate mongo) {
		this.mongo = mongo;
	}

	@Override
	public void afterPropertiesSet() {
		var notices = this.mongo.indexOps(PushNotice.COLLECTION);
		var devices = this.mongo.indexOps(PushDevice.COLLECTION);
		StartupIndexes.create(Flux.concat(
				// The dispatcher's idempotency: one notice per (device, event, kind), whoever dispatches it.
				notices.createIndex(new CompoundIndexDefinition(new Document("key", 1)).named("key").unique()),
				notices.createIndex(new CompoundIndexDefinition(new Document("state", 1).append("nextAttemptAt", 1))
					.named("due")),
				notices.createIndex(new CompoundIndexDefinition(new Document("deviceId", 1).append("kind", 1)
					.append("state", 1)).named("group")),
				devices.createIndex(new CompoundIndexDefinition(new Document("endpoint", 1)).named("endpoint").unique()),
				devices.createIndex(new CompoundIndexDefinition(new Document("userId", 1).append("_id", 1)).named("user")),
				devices.createIndex(new CompoundIndexDefinition(new Document("ownerRoles", 1).append("ownerAgencyCode", 1))
					.named("recipients")))
			.then());
	}

	// ---------------------------------------------------------------- devices

	public Mono<PushDevice> device(@Nullable String id) {
		return (id == null || !ObjectId.isValid(id)) ? Mono.empty()
				: this.mongo.findById(id, PushDevice.class, PushDevice.COLLECTION);
	}

	public Mono<PushDevice> deviceByEndpoint(String endpoint) {
		return this.mongo.findOne(Query.query(Criteria.where("endpoint").is(endpoint)), PushDevice.class,
				PushDevice.COLLECTION);
	}

	public Mono<PushDevice> saveDevice(PushDevice device) {
		return this.mongo.save(device, PushDevice.COLLECTION);
	}

	public Mono<Long> countDevices(String userId) {
		return this.mongo.count(Query.query(Criteria.where("userId").is(userId)), PushDevice.class, PushDevice.COLLECTION);
	}

	/** A page of a user's devices in registration order. */
	public Mono<List<PushDevice>> devices(String userId, @Nullable String afterId, int limit) {
		Criteria criteria = Criteria.where("userId").is(userId);
		if (afterId != null) {
			criteria = criteria.and("_id").gt(new ObjectId(afterId));
		}
		return this.mongo.find(Query.query(criteria).with(Sort.by("_id")).limit(limit), PushDevice.class,
				PushDevice.COLLECTION).collectList();
	}

	/** Devices with the kind switched on whose owner has the role (and serves the agency, when given). */
	public Flux<PushDevice> recipients(PushNoticeKind kind, Role role, @Nullable String agencyCode) {
		Criteria criteria = Criteria.where("notices").is(kind).and("ownerRoles").is(role);
		if (agencyCode != null) {
			criteria = criteria.and("ownerAgencyCode").is(agencyCode);
		}
		return this.mongo.find(Query.query(criteria), PushDevice.class, PushDevice.COLLECTION);
	}

	/** A user's devices with the kind switched on. */
	public Flux<PushDevice> devicesOf(String userId, PushNoticeKind kind) {
		return this.mongo.find(Query.query(Criteria.where("userId").is(userId).and("notices").is(kind)), PushDevice.class,
				PushDevice.COLLECTION);
	}

	/** Removes a device and gives up what still waits for it. */
	public Mono<Boolean> deleteDevice(String id, String reason) {
		return this.mongo.remove(Query.query(Criteria.where("_id").is(new ObjectId(id))), PushDevice.class,
				PushDevice.COLLECTION)
			.map(result -> result.getDeletedCount() == 1)
			.flatMap(deleted -> this.mongo.updateMulti(
					Query.query(Criteria.where("deviceId").is(id).and("state").in(State.PENDING, State.SENDING)),
					new Update().set("state", State.FAILED).set("lastError", reason).set("nextAttemptAt", null),
					PushNotice.class, PushNotice.COLLECTION).thenReturn(deleted));
	}

	public Mono<Void> sentTo(String deviceId, Instant at) {
		return this.mongo.updateFirst(Query.query(Criteria.where("_id").is(new ObjectId(deviceId))),
				new Update().set("lastSentAt", at), PushDevice.class, PushDevice.COLLECTION).then();
	}

	// ---------------------------------------------------------------- settings

	public Mono<PushSettings> settings(String userId) {
		return this.mongo.findById(userId, PushSettings.class, PushSettings.COLLECTION);
	}

	public Mono<PushSettings> saveSettings(PushSettings settings) {
		return this.mongo.save(settings, PushSettings.COLLECTION);
	}

	// ---------------------------------------------------------------- channel alerts

	/** Records that an account is broken; false if that was recorded already (by this or another instance). */
	public Mono<Boolean> channelBroken(String accountId, Instant at) {
		return this.mongo.insert(new Document("_id", accountId).append("at", at), CHANNEL_ALERTS)
			.thenReturn(true)
			.onErrorResume(DuplicateKeyException.class, ex -> Mono.just(false));
	}

	/** Forgets that accounts other than these are broken, so a second break is told again. */
	public Mono<Void> channelsHealthy(Collection<String> stillBroken) {
		return this.mongo.remove(Query.query(Criteria.where("_id").nin(stillBroken)), CHANNEL_ALERTS).then();
	}

	// ---------------------------------------------------------------- notices

	/** Stores a new notice; empty if it is already queued. */
	public Mono<PushNotice> queue(PushNotice notice) {
		return this.mongo.insert(notice, PushNotice.COLLECTION).onErrorResume(DuplicateKeyException.class, ex -> Mono.empty());
	}

	public Flux<PushNotice> noticesOf(String deviceId) {
		return this.mongo.find(Query.query(Criteria.where("deviceId").is(deviceId)), PushNotice.class, PushNotice.COLLECTION);
	}

	/** Notices due now, urgent first, and ones whose sender died (lease over). */
	public Flux<PushNotice> due(Instant now, int limit) {
		return this.mongo.find(Query.query(dueCriteria(now)).with(Sort.by(Sort.Direction.DESC, "urgent")).limit(limit),
				PushNotice.class, PushNotice.COLLECTION);
	}

	/** Claims a due notice for this instance; empty if it is not due or another instance has it. */
	public Mono<PushNotice> claim(String id, Instant now, Duration lease) {
		return this.mongo.findAndModify(Query.query(Criteria.where("_id").is(new ObjectId(id)).andOperator(dueCriteria(now))),
				new Update().set("state", State.SENDING).set("leaseUntil", now.plus(lease)),
				FindAndModifyOptions.options().returnNew(true), PushNotice.class, PushNotice.COLLECTION);
	}

	/**
	 * Claims the other waiting non-urgent notices of the same device and kind into a claimed one's group, to
	 * go out as one summary; returns the whole group, the claimed notice first.
	 */
	public Mono<List<PushNotice>> claimGroup(PushNotice leader) {
		if (leader.urgent()) {
			return Mono.just(List.of(leader));
		}
		Query siblings = Query.query(Criteria.where("deviceId").is(leader.deviceId()).and("kind").is(leader.kind())
			.and("urgent").is(false).and("state").is(State.PENDING).and("_id").ne(new ObjectId(leader.id())));
		return this.mongo.updateMulti(siblings,
				new Update().set("state", State.SENDING).set("leaseUntil", leader.leaseUntil()).set("groupedInto", leader.id()),
				PushNotice.class, PushNotice.COLLECTION)
			.then(this.mongo.find(Query.query(Criteria.where("groupedInto").is(leader.id()).and("state").is(State.SENDING)),
					PushNotice.class, PushNotice.COLLECTION).collectList())
			.map(grouped -> {
				List<PushNotice> all = new java.util.ArrayList<>();
				all.add(leader);
				all.addAll(grouped);
				return all;
			});
	}

	private static Criteria dueCriteria(Instant now) {
		return new Criteria().orOperator(
				Criteria.where("state").is(State.PENDING).orOperator(Criteria.where("nextAttemptAt").is(null),
						Criteria.where("nextAttemptAt").lte(now)),
				Criteria.where("state").is(State.SENDING).and("leaseUntil").lt(now));
	}

	/** Marks a group as sent. */
	public Mono<Void> sent(List<PushNotice> group, Instant at) {
		return this.mongo.updateMulti(Query.query(Criteria.where("_id").in(ids(group)).and("state").is(State.SENDING)),
				new Update().set("state", State.SENT).set("sentAt", at).set("leaseUntil", null).set("lastError", null),
				PushNotice.class, PushNotice.COLLECTION).then();
	}

	/** Puts a group back to wait for another attempt (the leader counts it); a later send regroups them. */
	public Mono<Void> retry(List<PushNotice> group, String error, Instant next) {
		PushNotice leader = group.get(0);
		return this.mongo.updateFirst(Query.query(Criteria.where("_id").is(new ObjectId(leader.id())).and("state").is(State.SENDING)),
				new Update().set("state", State.PENDING).set("attemptCount", leader.attemptCount() + 1)
					.set("nextAttemptAt", next).set("leaseUntil", null).set("lastError", error),
				PushNotice.class, PushNotice.COLLECTION)
			.then(this.mongo.updateMulti(Query.query(Criteria.where("groupedInto").is(leader.id()).and("state").is(State.SENDING)),
					new Update().set("state", State.PENDING).set("nextAttemptAt", next).set("leaseUntil", null)
						.set("groupedInto", null),
					PushNotice.class, PushNotice.COLLECTION))
			.then();
	}

	/** Gives a group up. */
	public Mono<Void> failed(List<PushNotice> group, String error) {
		return this.mongo.updateMulti(Query.query(Criteria.where("_id").in(ids(group))),
				new Update().set("state", State.FAILED).set("attemptCount", group.get(0).attemptCount() + 1)
					.set("nextAttemptAt", null).set("leaseUntil", null).set("lastError", error),
				PushNotice.class, PushNotice.COLLECTION).then();
	}

	private static List<ObjectId> ids(List<PushNotice> group) {
		return group.stream().map(n -> new ObjectId(n.id())).toList();
	}

}
