package org.otklik.incident.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.otklik.incident.Incident;
import org.otklik.incident.IncidentStatus;
import org.otklik.region.Category;
import org.otklik.region.Municipality;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.FindAndReplaceOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The incident feature's collections: incidents, the features of every appeal grouping has seen, and one
 * lease that serialises every change to incidents across instances. The embedded server has no
 * transactions, and grouping reads several documents before it writes, so a lease (a guarded upsert on a
 * fixed id) makes each decision see the previous one: two instances taking posts about one outage at once
 * still make one incident.
 */
@Component
public class IncidentStore {

	static final String TEXTS = "incidentTexts";

	static final String LOCKS = "incidentLocks";

	static final String SAMPLES = "incidentSamples";

	/**
	 * How many of an incident's newest members' features grouping compares a new appeal with: a bound, so
	 * that joining an incident of a thousand appeals costs what joining one of three does.
	 */
	public static final int SAMPLE_SIZE = 24;

	static final String LOCK = "incidents";

	/** How long a lease holds if its holder dies. */
	static final Duration LEASE = Duration.ofSeconds(15);

	/**
	 * What grouping keeps of an appeal it has seen: its features, place and time, and the incident it went to.
	 *
	 * @param detached a curator took it out of an incident: grouping leaves it alone from then on
	 */
	public record SeenAppeal(@Id String id, Similarity.Features features, Category category,
			@Nullable Municipality municipality, @Nullable String settlement, Instant at, @Nullable String agencyId,
			@Nullable String incidentId, boolean detached) {

		public SeenAppeal withIncident(@Nullable String newIncidentId, boolean newDetached) {
			return new SeenAppeal(this.id, this.features, this.category, this.municipality, this.settlement, this.at,
					this.agencyId, newIncidentId, newDetached);
		}

	}

	record Lease(@Id String id, String owner, Instant until) {
	}

	/** The features of an incident's newest members (at most {@link #SAMPLE_SIZE}), kept beside the incident. */
	public record Samples(@Id String id, List<Sample> samples) {

		public Samples {
			samples = (samples != null) ? List.copyOf(samples) : List.of();
		}

	}

	/** One member's features. */
	public record Sample(String appealId, Similarity.Features features) {
	}

	private final ReactiveMongoTemplate mongo;

	private final Clock clock;

	private final String instance = UUID.randomUUID().toString();

	// Sees each seen appeal read to compare a new appeal with an incident's members: the work that must
	// not grow with the incident; tests watch it.
	private volatile Consumer<String> memberReads = id -> {
	};

	IncidentStore(ReactiveMongoTemplate mongo, Clock clock) {
		this.mongo = mongo;
		this.clock = clock;
	}

	/**
	 * Runs a change to incidents while holding the lease, waiting for it (up to about half a minute) while
	 * another request or instance holds it.
	 */
	public <T> Mono<T> exclusively(Supplier<Mono<T>> work) {
		String owner = this.instance + ":" + UUID.randomUUID();
		Mono<Boolean> acquire = Mono.defer(() -> tryLock(owner))
			.filter(Boolean::booleanValue)
			.switchIfEmpty(Mono.error(new LeaseBusy()))
			.retryWhen(Retry.backoff(400, Duration.ofMillis(10)).maxBackoff(Duration.ofMillis(80))
				.filter(LeaseBusy.class::isInstance));
		return Mono.usingWhen(acquire, held -> Mono.defer(work), held -> unlock(owner),
				(held, ex) -> unlock(owner), held -> unlock(owner));
	}

	private Mono<Boolean> tryLock(String owner) {
		Instant now = this.clock.instant();
		Query free = Query.query(Criteria.where("_id").is(LOCK).and("until").lt(now));
		Update take = new Update().set("owner", owner).set("until", now.plus(LEASE));
		return this.mongo.upsert(free, take, Lease.class, LOCKS)
			.map(result -> true)
			// The lease exists and has not expired: the upsert tried to insert a second document with its id.
			.onErrorResume(DuplicateKeyException.class, ex -> Mono.just(false));
	}

	private Mono<Void> unlock(String owner) {
		return this.mongo
			.updateFirst(Query.query(Criteria.where("_id").is(LOCK).and("owner").is(owner)),
					new Update().set("until", Instant.EPOCH), Lease.class, LOCKS)
			.then();
	}

	public Mono<SeenAppeal> seen(String appealId) {
		return this.mongo.findById(appealId, SeenAppeal.class, TEXTS);
	}

	public Mono<SeenAppeal> save(SeenAppeal seen) {
		return this.mongo.save(seen, TEXTS);
	}

	/** Appeals seen since a moment in one municipality that are in no incident and were never detached. */
	public Flux<SeenAppeal> loose(Municipality municipality, Instant since) {
		return this.mongo.find(Query.query(Criteria.where("municipality").is(municipality)
			.and("at").gte(since)
			.and("incidentId").is(null)
			.and("detached").is(false)).with(Sort.by("at", "_id")), SeenAppeal.class, TEXTS);
	}

	/** A member's features when the incident's samples lack it (after a merge or split). */
	public Mono<SeenAppeal> memberFeatures(String appealId) {
		return seen(appealId).doOnNext(found -> this.memberReads.accept(appealId));
	}

	/** Lets a test see which members' features grouping reads (null stops watching). */
	public void watchMemberReads(@Nullable Consumer<String> watcher) {
		this.memberReads = (watcher != null) ? watcher : id -> {
		};
	}

	public Mono<Samples> samples(String incidentId) {
		return this.mongo.findById(incidentId, Samples.class, SAMPLES);
	}

	/** Adds members' features to an incident's samples, keeping only the newest {@link #SAMPLE_SIZE}. */
	public Mono<Void> addSamples(String incidentId, List<Sample> added) {
		Update update = new Update();
		update.push("samples").slice(-SAMPLE_SIZE).each(added.toArray());
		return this.mongo.upsert(Query.query(Criteria.where("_id").is(incidentId)), update, Samples.class, SAMPLES)
			.then();
	}

	/**
	 * Appends a member to an incident in one update if it is still at the version it was read at (a second
	 * guard behind the lease, as {@link #replace} is): the member list is never read back or rewritten, so
	 * joining costs the same at any size. False when another change came first. Members are kept in order of
	 * time and appeal id; one received after the incident's last ({@code lastAt} of the version read) goes to
	 * the end as it is, and only an earlier one has the server sort the list.
	 */
	public Mono<Boolean> append(String incidentId, long readVersion, Instant readLastAt, Incident.Member member,
			Instant now) {
		Update update = new Update().inc("version", 1)
			.min("firstAt", member.at())
			.max("lastAt", member.at())
			.set("updatedAt", now);
		if (member.at().isAfter(readLastAt)) {
			update.push("members", member);
		}
		else {
			update.push("members").sort(Sort.by("at", "appealId")).each(member);
		}
		return this.mongo.updateFirst(
				Query.query(Criteria.where("_id").is(incidentId).and("version").is(readVersion)), update, Incident.class,
				Incident.COLLECTION)
			.map(result -> result.getModifiedCount() == 1);
	}

	/** Moves seen appeals to an incident (or out of every incident). */
	public Mono<Void> assign(Collection<String> appealIds, @Nullable String incidentId, boolean detached) {
		return this.mongo.updateMulti(Query.query(Criteria.where("_id").in(appealIds)),
				new Update().set("incidentId", incidentId).set("detached", detached), SeenAppeal.class, TEXTS).then();
	}

	public Mono<Void> agencyOf(String appealId, @Nullable String agencyId) {
		return this.mongo.updateFirst(Query.query(Criteria.where("_id").is(appealId)),
				new Update().set("agencyId", agencyId), SeenAppeal.class, TEXTS).then();
	}

	/**
	 * Open incidents in one municipality whose last appeal is not older than a moment, each with only its
	 * newest {@link #SAMPLE_SIZE} members (members are stored in order of time): grouping compares with no
	 * more, and reading and decoding every member of a large incident for each new appeal made a burst's
	 * grouping grow with the square of its size.
	 */
	public Flux<Incident> open(Municipality municipality, Instant since) {
		Query query = Query.query(Criteria.where("municipality").is(municipality)
			.and("status").in(IncidentStatus.SUGGESTED, IncidentStatus.CONFIRMED, IncidentStatus.ANSWERED)
			.and("lastAt").gte(since)).with(Sort.by("createdAt", "_id"));
		// An inclusion of every other field: a $slice alone includes only the sliced field on the embedded server.
		query.fields().include("version", "title", "category", "municipality", "settlement", "status", "topics",
				"firstAt", "lastAt", "createdAt", "updatedAt", "confirmedBy", "mergedIntoId", "replies")
			.slice("members", -SAMPLE_SIZE);
		return this.mongo.find(query, Incident.class);
	}

	public Mono<Incident> byId(String id) {
		return this.mongo.findById(id, Incident.class);
	}

	/** The incidents that hold any of the appeals (merged ones excluded). */
	public Flux<Incident> holding(Collection<String> appealIds) {
		return this.mongo.find(Query.query(Criteria.where("members.appealId").in(appealIds)
			.and("status").ne(IncidentStatus.MERGED)), Incident.class);
	}

	/**
	 * Incidents for a list: at most {@code limit}, newest activity first, optionally only those with a member
	 * in an agency.
	 */
	public Flux<Incident> list(@Nullable List<IncidentStatus> statuses, @Nullable Municipality municipality,
			@Nullable String agencyId, int limit) {
		Criteria criteria = new Criteria();
		List<Criteria> all = new java.util.ArrayList<>();
		all.add((statuses != null && !statuses.isEmpty()) ? Criteria.where("status").in(statuses)
				: Criteria.where("status").ne(IncidentStatus.MERGED));
		if (municipality != null) {
			all.add(Criteria.where("municipality").is(municipality));
		}
		if (agencyId != null) {
			all.add(Criteria.where("members.agencyId").is(agencyId));
		}
		criteria.andOperator(all.toArray(Criteria[]::new));
		return this.mongo.find(Query.query(criteria).with(Sort.by(Sort.Direction.DESC, "lastAt")).limit(limit),
				Incident.class);
	}

	/** Incidents changed at or after a moment, for live updates. */
	public Flux<Incident> changedSince(Instant since) {
		return this.mongo.find(Query.query(Criteria.where("updatedAt").gte(since)).with(Sort.by("updatedAt")),
				Incident.class);
	}

	public Mono<Incident> insert(Incident incident) {
		return this.mongo.insert(incident);
	}

	/**
	 * Replaces an incident if it is still at the version it was read at; empty when another change came
	 * first (which the lease should make impossible, so this is a second guard, not the first).
	 */
	public Mono<Incident> replace(Incident incident, long readVersion) {
		return this.mongo.findAndReplace(
				Query.query(Criteria.where("_id").is(incident.id()).and("version").is(readVersion)), incident,
				FindAndReplaceOptions.options().returnNew(), Incident.class, Incident.COLLECTION);
	}

	/** The lease was held by someone else. */
	static final class LeaseBusy extends RuntimeException {

		LeaseBusy() {
			super("incident lease busy", null, false, false);
		}

	}

}
