package org.otklik.sla;

import java.time.Duration;

import reactor.core.publisher.Mono;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Service;

/**
 * Production-calendar years loaded by curators through the API. They are stored in MongoDB (collection
 * {@code calendar_years}) and registered over the built-in years at start, so a new year's decree takes
 * effect without a release.
 */
@Service
public class CalendarYearStore implements InitializingBean {

	static final String COLLECTION = "calendar_years";

	private final ReactiveMongoTemplate mongo;

	private final ProductionCalendarRegistry registry;

	public CalendarYearStore(ReactiveMongoTemplate mongo, ProductionCalendarRegistry registry) {
		this.mongo = mongo;
		this.registry = registry;
	}

	@Override
	public void afterPropertiesSet() {
		// Startup only: deadlines must use the stored years from the first request on.
		this.mongo.findAll(StoredYear.class, COLLECTION)
			.doOnNext(stored -> this.registry.register(stored.year()))
			.then()
			.block(Duration.ofSeconds(60));
	}

	/** Validates, registers and stores a year; throws {@link InvalidCalendarYearException} with problems. */
	public Mono<CalendarYear> load(CalendarYear year) {
		CalendarYear valid = year.validated();
		return this.mongo.save(new StoredYear(valid.year(), valid), COLLECTION).map(stored -> {
			this.registry.register(stored.year());
			return stored.year();
		});
	}

	/** How a year is stored: the year number is the document id. */
	record StoredYear(@org.springframework.data.annotation.Id int id, CalendarYear year) {
	}

}
