package org.otklik.citizen.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.otklik.citizen.CitizenLink;
import org.otklik.citizen.CitizenRating;
import org.otklik.citizen.CitizenRating.RatingTask;
import org.otklik.citizen.CitizenRating.RatingTaskState;
import org.otklik.storage.StartupIndexes;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/** Links and ratings in MongoDB: every change one guarded single-document write. */
@Component
public class CitizenStore implements InitializingBean {

	/** 128 bits: far beyond guessing at any rate the page allows. */
	static final int TOKEN_BYTES = 16;

	private static final SecureRandom RANDOM = new SecureRandom();

	private final ReactiveMongoTemplate mongo;

	public CitizenStore(ReactiveMongoTemplate mongo) {
		this.mongo = mongo;
	}

	@Override
	public void afterPropertiesSet() {
		StartupIndexes.create(this.mongo.indexOps(CitizenLink.class)
			.createIndex(new Index().on("tokenHash", Sort.Direction.ASC).unique().named("tokenHash"))
			.then(this.mongo.indexOps(CitizenLink.class).createIndex(new Index().on("appealId", Sort.Direction.ASC).named("appealId")))
			.then(this.mongo.indexOps(CitizenRating.class)
				.createIndex(new Index().on("agencyId", Sort.Direction.ASC).on("ratedAt", Sort.Direction.DESC).named("agencyRatedAt")))
			.then(this.mongo.indexOps(CitizenRating.class)
				.createIndex(new Index().on("task.state", Sort.Direction.ASC).on("task.openedAt", Sort.Direction.ASC).named("task"))));
	}

	// ---------------------------------------------------------------- links

	/** The appeal's link in use, if any. */
	public Mono<CitizenLink> active(String appealId) {
		return this.mongo.findOne(Query.query(Criteria.where("appealId").is(appealId).and("revokedAt").is(null)),
				CitizenLink.class);
	}

	/** The appeal's link in use, issued now if it has none; concurrent calls agree on one. */
	public Mono<CitizenLink> ensure(String appealId, Instant now) {
		return active(appealId).switchIfEmpty(Mono.defer(() -> issue(appealId, now)));
	}

	private Mono<CitizenLink> issue(String appealId, Instant now) {
		return this.mongo.count(Query.query(Criteria.where("appealId").is(appealId)), CitizenLink.class).flatMap(issued -> {
			String token = newToken();
			CitizenLink link = new CitizenLink(appealId + ":" + issued, appealId, token, hash(token), now, null, null);
			return this.mongo.insert(link)
				// Another instance issued the same generation first: theirs is the link.
				.onErrorResume(DuplicateKeyException.class, ex -> active(appealId));
		});
	}

	/**
	 * The link with this token, revoked or not. The index is searched by the token's hash and the token then
	 * compared in constant time, so response times say nothing about how close a guess came.
	 */
	public Mono<CitizenLink> byToken(String token) {
		if (token.length() < 16 || token.length() > 64) {
			return Mono.empty();
		}
		return this.mongo.findOne(Query.query(Criteria.where("tokenHash").is(hash(token))), CitizenLink.class)
			.filter(link -> MessageDigest.isEqual(link.token().getBytes(StandardCharsets.UTF_8),
					token.getBytes(StandardCharsets.UTF_8)));
	}

	/** Revokes the appeal's link in use; empty when it had none. */
	public Mono<CitizenLink> revoke(String appealId, String by, Instant now) {
		return this.mongo.findAndModify(Query.query(Criteria.where("appealId").is(appealId).and("revokedAt").is(null)),
				new Update().set("revokedAt", now).set("revokedBy", by), FindAndModifyOptions.options().returnNew(true),
				CitizenLink.class);
	}

	static String newToken() {
		byte[] bytes = new byte[TOKEN_BYTES];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	static String hash(String token) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	// ---------------------------------------------------------------- ratings

	public Mono<CitizenRating> rating(String appealId) {
		return this.mongo.findById(appealId, CitizenRating.class);
	}

	/** Stores a first rating; empty when one exists already (the caller then changes it instead). */
	public Mono<CitizenRating> insertRating(CitizenRating rating) {
		return this.mongo.insert(rating).onErrorResume(DuplicateKeyException.class, ex -> Mono.empty());
	}

	/**
	 * Changes a rating while its window is open (ratedAt after {@code windowStart}); a low score opens a
	 * task unless one is open already. Empty when the window has closed.
	 */
	public Mono<CitizenRating> changeRating(String appealId, int score, @Nullable String comment, Instant now,
			Instant windowStart) {
		Query open = Query.query(Criteria.where("_id").is(appealId).and("ratedAt").gt(windowStart));
		Update update = new Update().set("score", score).set("comment", comment).set("changedAt", now);
		return this.mongo.findAndModify(open, update, FindAndModifyOptions.options().returnNew(true), CitizenRating.class)
			.flatMap(changed -> (score <= CitizenRating.LOW
					&& (changed.task() == null || changed.task().state() != RatingTaskState.OPEN))
							? openTask(appealId, now) : Mono.just(changed));
	}

	private Mono<CitizenRating> openTask(String appealId, Instant now) {
		return this.mongo.findAndModify(Query.query(Criteria.where("_id").is(appealId)),
				new Update().set("task", new RatingTask(RatingTaskState.OPEN, now, null, null, null)),
				FindAndModifyOptions.options().returnNew(true), CitizenRating.class);
	}

	/** Closes an open task; empty when there is no open task on that appeal. */
	public Mono<CitizenRating> closeTask(String appealId, String by, @Nullable String note, Instant now) {
		return this.mongo.findAndModify(Query.query(Criteria.where("_id").is(appealId).and("task.state").is(RatingTaskState.OPEN)),
				new Update().set("task.state", RatingTaskState.CLOSED).set("task.closedAt", now).set("task.closedBy", by)
					.set("task.note", note),
				FindAndModifyOptions.options().returnNew(true), CitizenRating.class);
	}

	/** An agency's ratings, newest first, before the cursor's (ratedAt, id). */
	public Mono<List<CitizenRating>> agencyRatings(String agencyId, @Nullable Instant beforeAt, @Nullable String beforeId,
			int limit) {
		Criteria criteria = Criteria.where("agencyId").is(agencyId);
		if (beforeAt != null && beforeId != null) {
			criteria = criteria.orOperator(Criteria.where("ratedAt").lt(beforeAt),
					Criteria.where("ratedAt").is(beforeAt).and("_id").lt(beforeId));
		}
		return this.mongo.find(Query.query(criteria).with(Sort.by(Sort.Order.desc("ratedAt"), Sort.Order.desc("_id"))).limit(limit),
				CitizenRating.class).collectList();
	}

	/** Tasks in a state, oldest first, after the cursor's (openedAt, id). */
	public Mono<List<CitizenRating>> tasks(RatingTaskState state, @Nullable Instant afterAt, @Nullable String afterId,
			int limit) {
		Criteria criteria = Criteria.where("task.state").is(state);
		if (afterAt != null && afterId != null) {
			criteria = criteria.orOperator(Criteria.where("task.openedAt").gt(afterAt),
					Criteria.where("task.openedAt").is(afterAt).and("_id").gt(afterId));
		}
		return this.mongo.find(Query.query(criteria).with(Sort.by(Sort.Order.asc("task.openedAt"), Sort.Order.asc("_id")))
			.limit(limit), CitizenRating.class).collectList();
	}

	/** Ratings first given in {@code [from, to)}, of one agency or (null) all. */
	public Flux<CitizenRating> ratedBetween(@Nullable String agencyId, Instant from, Instant to) {
		Criteria criteria = Criteria.where("ratedAt").gte(from).lt(to);
		if (agencyId != null) {
			criteria = criteria.and("agencyId").is(agencyId);
		}
		return this.mongo.find(Query.query(criteria), CitizenRating.class);
	}

}
