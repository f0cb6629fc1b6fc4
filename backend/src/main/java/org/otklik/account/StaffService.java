package org.otklik.account;

import java.time.Clock;
import java.util.List;

import org.otklik.agency.Agency;
import org.otklik.agency.AgencyService;
import org.otklik.appeal.Person;
import org.otklik.appeal.StaffDirectory;
import org.otklik.graphql.Connection;
import org.otklik.graphql.Cursors;
import org.otklik.graphql.OtklikException;
import org.otklik.security.Caller;
import org.otklik.security.Role;
import org.otklik.security.StaffSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * The staff directory: records each member of staff when they sign in ({@code me}) and lists an agency's
 * executors for the colleague picker. It is the appeal feature's {@link StaffDirectory}, so a reassignment
 * names only an executor the directory places in the appeal's agency.
 */
@Service
public class StaffService implements StaffDirectory {

	private static final Logger log = LoggerFactory.getLogger(StaffService.class);

	static final int MAX_PAGE = 100;

	private final ReactiveMongoTemplate mongo;

	private final AgencyService agencies;

	private final Clock clock;

	private final ObjectProvider<StaffSource> sources;

	public StaffService(ReactiveMongoTemplate mongo, AgencyService agencies, Clock clock,
			ObjectProvider<StaffSource> sources) {
		this.mongo = mongo;
		this.agencies = agencies;
		this.clock = clock;
		this.sources = sources;
	}

	/** Remembers a member of staff as their token describes them now; integrators and the system are not staff. */
	public Mono<Void> seen(Caller caller) {
		if (!(caller.has(Role.EXECUTOR) || caller.has(Role.HEAD) || caller.has(Role.CURATOR))
				|| caller.id() == null || caller.id().equals(Caller.SYSTEM.id())) {
			return Mono.empty();
		}
		Update update = new Update().set("name", (caller.name() != null) ? caller.name() : caller.id())
			.set("roles", caller.roles().stream().map(Role::name).sorted().toList())
			.set("agencyCode", caller.agencyCode())
			.set("lastSeenAt", this.clock.instant());
		return this.mongo.upsert(Query.query(Criteria.where("_id").is(caller.id())), update, StaffAccount.class).then();
	}

	/**
	 * The executors of an agency, by name: heads and executors see their own agency's, curators any
	 * agency's (they reassign too).
	 */
	public Mono<Connection<Person>> executors(Caller caller, String agencyId, Integer first, String after) {
		caller.requireAny(Role.CURATOR, Role.HEAD, Role.EXECUTOR);
		int size = (first != null) ? first : 50;
		if (size < 0 || size > MAX_PAGE) {
			return Mono.error(OtklikException.invalidArgument("first must be between 0 and " + MAX_PAGE));
		}
		return this.agencies.byId(agencyId)
			.filterWhen(agency -> Mono.just(caller.isCurator() || caller.belongsTo(agency.code())))
			.flatMap(agency -> page(agency, size, after))
			// An unknown agency, or another agency's staff for a non-curator: an empty list, not a hint.
			.defaultIfEmpty(new Connection<>(List.of(), new Connection.PageInfo(false, false, null, null)));
	}

	private Mono<Connection<Person>> page(Agency agency, int size, String after) {
		Criteria criteria = Criteria.where("agencyCode").is(agency.code()).and("roles").is(Role.EXECUTOR.name());
		if (after != null && !after.isBlank()) {
			criteria = criteria.and("_id").gt(Cursors.decode(after));
		}
		// Ordered by id: stable for paging; the picker sorts by name on screen.
		Query query = Query.query(criteria).with(Sort.by("_id")).limit(size + 1);
		return this.mongo.find(query, StaffAccount.class).collectList().map(found -> {
			boolean more = found.size() > size;
			List<StaffAccount> items = more ? found.subList(0, size) : found;
			List<Connection.Edge<Person>> edges = items.stream()
				.map(a -> new Connection.Edge<>(Cursors.encode(a.id()), new Person(a.id(), a.name())))
				.toList();
			return new Connection<>(edges, new Connection.PageInfo(more, false,
					edges.isEmpty() ? null : edges.get(0).cursor(), edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor()));
		});
	}

	@Override
	public Mono<StaffMember> executor(String id) {
		return this.mongo.findById(id, StaffAccount.class)
			.filter(account -> account.roles().contains(Role.EXECUTOR) && account.agencyCode() != null)
			.flatMap(account -> this.agencies.byCode(account.agencyCode())
				.map(agency -> new StaffMember(new Person(account.id(), account.name()), agency.id())));
	}

	/** The accounts the identity provider lists (the demo users), known before they first sign in. */
	@EventListener(ApplicationReadyEvent.class)
	void registerKnownAccounts() {
		StaffSource source = this.sources.getIfAvailable();
		if (source == null) {
			return;
		}
		Flux.fromIterable(source.accounts())
			.concatMap(this::seen)
			.subscribe(null, ex -> log.warn("Could not record the identity provider's staff accounts", ex));
	}

}
