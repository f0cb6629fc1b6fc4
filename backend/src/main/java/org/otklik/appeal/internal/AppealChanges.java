package org.otklik.appeal.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Function;

import org.otklik.agency.Agency;
import org.otklik.agency.AgencyService;
import org.otklik.appeal.Appeal;
import org.otklik.appeal.AppealAccess;
import org.otklik.appeal.Settlements;
import org.otklik.graphql.UserError;
import org.otklik.graphql.UserErrorCode;
import org.otklik.security.Caller;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

/**
 * Runs a command against an appeal: reads it once, resolves what the rules need, lets
 * {@link AppealLifecycle} decide, and stores the result through {@link AppealStore}. A lost race (someone
 * changed the appeal between the read and the write) re-reads and decides again, a bounded number of
 * times, so the rules always hold against what is stored; a caller that passed {@code expectedVersion}
 * gets {@code STALE_VERSION} instead.
 */
@Component
public class AppealChanges {

	private static final int MAX_ATTEMPTS = 8;

	private final AppealStore store;

	private final AppealAccess access;

	private final AgencyService agencies;

	private final AppealSlaCalculator sla;

	private final Clock clock;

	private final AppealMetrics metrics;

	private final AppealNumbers numbers;

	private final Settlements settlements;

	public AppealChanges(AppealStore store, AppealAccess access, AgencyService agencies, AppealSlaCalculator sla,
			Clock clock, AppealMetrics metrics, AppealNumbers numbers, Settlements settlements) {
		this.settlements = settlements;
		this.metrics = metrics;
		this.numbers = numbers;
		this.store = store;
		this.access = access;
		this.agencies = agencies;
		this.sla = sla;
		this.clock = clock;
	}

	/**
	 * The outcome of a command: the appeal after it (or as it is, when refused and visible) and the errors.
	 *
	 * @param changed whether a new version was stored
	 */
	public record Result(Appeal appeal, List<UserError> errors, boolean changed) {

		static Result refused(Appeal appeal, List<UserError> errors) {
			return new Result(appeal, errors, false);
		}

	}

	/** The caller as the rules see it. */
	public Mono<Actor> actor(Caller caller) {
		return this.agencies.agencyIdOf(caller).map(id -> Actor.of(caller, id)).defaultIfEmpty(Actor.of(caller, null));
	}

	/**
	 * Applies a command built from the appeal as read.
	 *
	 * @param agencyId the agency the command names, if any: it is looked up before the rules run
	 */
	public Mono<Result> apply(Caller caller, String appealId, Integer expectedVersion, String agencyId,
			Function<Appeal, AppealCommand> command) {
		return actor(caller).flatMap(actor -> activeAgency(agencyId).flatMap(
				active -> attempt(caller, actor, appealId, expectedVersion, active, command, 1)));
	}

	/** Stores a new appeal, or returns the existing one for a repeat of (channel, externalId). */
	public Mono<Ingested> receive(Caller caller, Appeal fresh) {
		// The number is drawn before the insert, and a repeat that the unique index turns away has spent
		// one: numbers have gaps, but intake costs one counter round trip and no read of the appeals
		// collection (the live fan-out and the ingest benchmark depend on that).
		Instant at = now();
		return actor(caller).flatMap(actor -> this.sla.policyOf(fresh)
			.zipWith(this.numbers.next(at))
			.map(found -> AppealLifecycle.receive(fresh.withNumber(found.getT2()), actor, at,
					this.sla.rules(found.getT1())))
			.flatMap(this.store::insert)
			.doOnNext(saved -> this.metrics.received(saved.channel()))
			.map(saved -> new Ingested(saved, false))
			// The unique (channel, externalId) index decides races: exactly one insert wins.
			.onErrorResume(DuplicateKeyException.class, ex -> this.store
				.findByChannelAndExternalId(fresh.channel(), fresh.externalId())
				.map(existing -> new Ingested(existing, true))));
	}

	/** A stored new appeal, and whether it already existed. */
	public record Ingested(Appeal appeal, boolean duplicate) {
	}

	private Mono<Result> attempt(Caller caller, Actor actor, String appealId, Integer expectedVersion,
			Agency active, Function<Appeal, AppealCommand> command, int attempt) {
		return visible(caller, appealId).flatMap(appeal -> {
			if (expectedVersion != null && appeal.version() != expectedVersion) {
				return Mono.just(stale(appeal));
			}
			AppealCommand asked = command.apply(appeal);
			return policyFor(appeal, asked).flatMap(policy -> {
				AppealLifecycle.Context context = new AppealLifecycle.Context(now(),
						id -> id != null && id.equals(active.id()), this.sla.rules(policy), this.settlements::settlementOf);
				Decision decision = AppealLifecycle.decide(appeal, asked, actor, context);
				if (decision instanceof Decision.Refused refused) {
					return Mono.just(Result.refused(appeal, refused.errors()));
				}
				if (!(decision instanceof Decision.Changed changed)) {
					return Mono.just(new Result(appeal, List.of(), false));
				}
				return this.store.replace(appeal, changed.after())
					.map(after -> new Result(after, List.of(), true))
					.switchIfEmpty(Mono.defer(() -> {
						// Someone changed the appeal between our read and our write.
						if (expectedVersion != null || attempt >= MAX_ATTEMPTS) {
							return this.store.findById(appeal.id()).map(this::stale);
						}
						return attempt(caller, actor, appealId, null, active, command, attempt + 1);
					}));
			});
		}).switchIfEmpty(Mono.fromSupplier(() -> Result.refused(null, List.of(UserError.notFound("appealId")))));
	}

	/**
	 * The SLA policy a command runs under: the appeal's own, or, for an assignment or reclassification that
	 * changes the category or the urgency, the policy for the new ones (the deadlines follow the curator's
	 * correction).
	 */
	private Mono<org.otklik.sla.SlaPolicy> policyFor(Appeal appeal, AppealCommand command) {
		if (command instanceof AppealCommand.Classifying asked
				&& ((asked.category() != null && asked.category() != appeal.category())
						|| (asked.urgent() != null && asked.urgent() != appeal.urgent()))) {
			return this.sla.policyOf(appeal, (asked.category() != null) ? asked.category() : appeal.category(),
					(asked.urgent() != null) ? asked.urgent() : appeal.urgent());
		}
		return this.sla.policyOf(appeal);
	}

	/** The SLA rules of each appeal's policy, for computing what a caller may do. */
	public Mono<java.util.Map<Appeal, SlaRules>> rules(List<Appeal> appeals) {
		return Flux.fromIterable(appeals)
			.concatMap(appeal -> this.sla.policyOf(appeal).map(policy -> java.util.Map.entry(appeal, this.sla.rules(policy))))
			.collectMap(java.util.Map.Entry::getKey, java.util.Map.Entry::getValue);
	}

	/** The open appeal of a channel thread, if there is one (the newest, should there be several). */
	public Mono<Appeal> openInThread(org.otklik.appeal.Channel channel, String threadKey) {
		return this.store.findOpenInThread(channel, threadKey);
	}

	/** An appeal the caller may see; the system sees everything. */
	public Mono<Appeal> visible(Caller caller, String id) {
		return this.store.findById(id).filterWhen(appeal -> this.access.canRead(caller, appeal));
	}

	private Mono<Agency> activeAgency(String agencyId) {
		if (agencyId == null) {
			return Mono.just(NO_AGENCY);
		}
		return this.agencies.byId(agencyId).filter(Agency::active).defaultIfEmpty(NO_AGENCY);
	}

	/** Stands for "no active agency" inside a Mono, which cannot hold null. */
	private static final Agency NO_AGENCY = new Agency(null, "", "", null, List.of(), null, false);

	private Result stale(Appeal current) {
		return Result.refused(current, List.of(UserError.of(UserErrorCode.STALE_VERSION, "expectedVersion",
				"Обращение изменено другим пользователем; обновите его и повторите")));
	}

	/** Millisecond precision: what MongoDB stores, so cursors and comparisons round-trip exactly. */
	public Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
	}

}
