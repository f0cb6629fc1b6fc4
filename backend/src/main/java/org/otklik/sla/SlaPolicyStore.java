package org.otklik.sla;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.jspecify.annotations.Nullable;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * SLA policies are data: stored in MongoDB (collection {@code sla_policies}, keyed by code) and edited by
 * curators. An empty collection receives the default policies at start, because an appeal without a
 * policy would have no deadline; this is configuration, not demo data.
 */
@Service
public class SlaPolicyStore implements InitializingBean {

	static final String COLLECTION = "sla_policies";

	private static final Duration CACHE_TTL = Duration.ofSeconds(5);

	private final ReactiveMongoTemplate mongo;

	private volatile @Nullable Cached cached;

	/** Raised by every change, so that policies read before it are not served after it. */
	private final AtomicLong generation = new AtomicLong();

	/**
	 * One read of the policies shared by every request that finds the cache expired meanwhile (the same idiom
	 * as {@code AgencyService}): without it, each of the concurrent ingests that arrive when the policies
	 * expire read the whole collection on its request path. A failed read is not kept.
	 */
	private final Mono<Cached> shared;

	public SlaPolicyStore(ReactiveMongoTemplate mongo) {
		this.mongo = mongo;
		this.shared = Mono.defer(() -> {
			long readAt = this.generation.get();
			return mongo.findAll(StoredPolicy.class, COLLECTION)
				.map(StoredPolicy::policy)
				.collectList()
				.map(policies -> new Cached(new SlaPolicyMatcher(policies), Instant.now(), readAt));
		})
			.doOnNext(loaded -> {
				if (loaded.generation() == this.generation.get()) {
					this.cached = loaded;
				}
			})
			.cacheInvalidateIf(loaded -> loaded.generation() != this.generation.get() || !loaded.fresh());
	}

	@Override
	public void afterPropertiesSet() {
		// Startup only, never on a request path: appeals need a policy from the first request on.
		this.mongo.count(new Query(), StoredPolicy.class, COLLECTION)
			.flatMap(count -> (count > 0) ? Mono.empty()
					: Flux.fromIterable(SlaPolicyYaml.defaults()).concatMap(this::save).then())
			.block(Duration.ofSeconds(60));
	}

	/** The current policies, cached for a few seconds. */
	public Mono<SlaPolicyMatcher> matcher() {
		SlaPolicyMatcher fresh = cachedMatcher();
		return (fresh != null) ? Mono.just(fresh) : this.shared.map(Cached::matcher);
	}

	/** Forgets the cached policies and any read begun before a change. */
	private void invalidate() {
		this.generation.incrementAndGet();
		this.cached = null;
	}

	/**
	 * The cached policies if they are still fresh, else null (then {@link #matcher()} loads them): lets a field
	 * evaluated for every appeal of a page skip a {@code Mono} per appeal.
	 */
	public @Nullable SlaPolicyMatcher cachedMatcher() {
		Cached current = this.cached;
		return (current != null && current.fresh()) ? current.matcher() : null;
	}

	public Mono<List<SlaPolicy>> policies() {
		return matcher().map(SlaPolicyMatcher::policies);
	}

	public Mono<SlaPolicy> byCode(String code) {
		return policies().flatMap(all -> Mono.justOrEmpty(all.stream().filter(p -> p.code().equals(code)).findFirst()));
	}

	/** Creates or replaces a policy by its code. */
	public Mono<SlaPolicy> save(SlaPolicy policy) {
		return this.mongo.save(new StoredPolicy(policy.code(), policy), COLLECTION)
			.doOnSuccess(saved -> invalidate())
			.map(StoredPolicy::policy);
	}

	public Mono<Boolean> delete(String code) {
		return this.mongo.remove(Query.query(Criteria.where("_id").is(code)), COLLECTION)
			.doOnSuccess(result -> invalidate())
			.map(result -> result.getDeletedCount() > 0);
	}

	/** How a policy is stored: its code is the document id. */
	record StoredPolicy(@org.springframework.data.annotation.Id String id, SlaPolicy policy) {
	}

	private record Cached(SlaPolicyMatcher matcher, Instant loadedAt, long generation) {

		boolean fresh() {
			return this.loadedAt.plus(CACHE_TTL).isAfter(Instant.now());
		}

	}

}
