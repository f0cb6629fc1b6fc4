package org.otklik.agency;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.otklik.security.Caller;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

/**
 * Reads agencies. The list is small and changes rarely, so it is cached for a few seconds: every
 * appeal check resolves the caller's agency code through it without a round trip.
 */
@Service
public class AgencyService {

	private final AgencyRepository repository;

	private static final Duration CACHE_TTL = Duration.ofSeconds(10);

	private final Mono<List<Agency>> cached;

	private final AtomicLong generation = new AtomicLong();

	public AgencyService(AgencyRepository repository) {
		this.repository = repository;
		// An empty list is never kept, so agencies seeded after the first read are seen at once.
		this.cached = Mono.defer(() -> {
			long gen = this.generation.get();
			return repository.findAll().collectList().map(list -> new Snapshot(list, Instant.now(), gen));
		})
			.cacheInvalidateIf(s -> s.agencies().isEmpty() || s.generation() != this.generation.get()
					|| s.loadedAt().plus(CACHE_TTL).isBefore(Instant.now()))
			.map(Snapshot::agencies);
	}

	private record Snapshot(List<Agency> agencies, Instant loadedAt, long generation) {
	}

	/** Agencies visible to any authenticated caller, active first, then by name. */
	public Flux<Agency> agencies(Caller caller, boolean includeInactive) {
		caller.requireAny(org.otklik.security.Role.values());
		return this.cached.flatMapMany(Flux::fromIterable)
			.filter(agency -> includeInactive || agency.active())
			.sort(Comparator.comparing((Agency a) -> !a.active()).thenComparing(Agency::name));
	}

	public Mono<Agency> agency(Caller caller, String id) {
		caller.requireAny(org.otklik.security.Role.values());
		return byId(id);
	}

	public Mono<Agency> byId(String id) {
		if (id == null) {
			return Mono.empty();
		}
		return this.cached.flatMap(all -> Mono.justOrEmpty(all.stream().filter(a -> a.id().equals(id)).findFirst()))
			.switchIfEmpty(Mono.defer(() -> this.repository.findById(id)));
	}

	public Mono<Agency> byCode(String code) {
		if (code == null) {
			return Mono.empty();
		}
		return this.cached.flatMap(all -> Mono.justOrEmpty(all.stream().filter(a -> a.code().equals(code)).findFirst()))
			.switchIfEmpty(Mono.defer(() -> this.repository.findByCode(code)));
	}

	/** The id of the caller's own agency, if the caller belongs to one. */
	public Mono<String> agencyIdOf(Caller caller) {
		return byCode(caller.agencyCode()).map(Agency::id);
	}

	/** Loads many agencies at once, for batch mapping on lists. */
	public Mono<Map<String, Agency>> byIds(Collection<String> ids) {
		return this.cached.map(all -> all.stream()
			.filter(a -> ids.contains(a.id()))
			.collect(Collectors.toMap(Agency::id, Function.identity())));
	}

	public Mono<Agency> save(Agency agency) {
		return this.repository.save(agency).doOnSuccess(saved -> this.generation.incrementAndGet());
	}

}
