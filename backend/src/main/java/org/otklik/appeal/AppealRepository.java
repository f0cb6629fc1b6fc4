package org.otklik.appeal;

import reactor.core.publisher.Mono;

import org.springframework.data.mongodb.repository.ReactiveMongoRepository;

/** Simple lookups of appeals; guarded updates go through {@code ReactiveMongoTemplate} in the service. */
public interface AppealRepository extends ReactiveMongoRepository<Appeal, String> {

	Mono<Appeal> findByChannelAndExternalId(Channel channel, String externalId);

}
