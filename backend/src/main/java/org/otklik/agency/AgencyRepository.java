package org.otklik.agency;

import reactor.core.publisher.Mono;

import org.springframework.data.mongodb.repository.ReactiveMongoRepository;

/** Stores agencies. */
public interface AgencyRepository extends ReactiveMongoRepository<Agency, String> {

	Mono<Agency> findByCode(String code);

}
