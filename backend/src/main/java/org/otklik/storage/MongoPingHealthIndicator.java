package org.otklik.storage;

import java.time.Duration;

import org.bson.Document;
import reactor.core.publisher.Mono;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Reports MongoDB health with a plain {@code ping}, which both real MongoDB and the embedded server
 * answer; Boot's own check relies on {@code hello}, which the embedded server lacks.
 */
@Component("mongo")
public class MongoPingHealthIndicator implements ReactiveHealthIndicator {

	private final ReactiveMongoTemplate mongo;

	public MongoPingHealthIndicator(ReactiveMongoTemplate mongo) {
		this.mongo = mongo;
	}

	@Override
	public Mono<Health> health() {
		return this.mongo.executeCommand(new Document("ping", 1))
			.timeout(Duration.ofSeconds(3))
			.map(reply -> Health.up().build())
			.onErrorResume(ex -> Mono.just(Health.down().withDetail("error", ex.getClass().getSimpleName()).build()));
	}

}
