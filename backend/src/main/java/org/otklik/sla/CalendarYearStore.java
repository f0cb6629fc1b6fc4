package org.otklik.sla;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Service;

/**
 * Production-calendar years loaded by curators through the API. They are stored in MongoDB (collection
 * {@code calendar_years}) and registered over the built-in years at start, so a new year's decree takes
 * effect without a release. Every instance reads the stored years again every few seconds (as SLA
 * policies are), so a year loaded through one instance is in force on all of them.
 */
@Service
public class CalendarYearStore implements InitializingBean, SmartLifecycle {

	static final String COLLECTION = "calendar_years";

	private static final Logger log = LoggerFactory.getLogger(CalendarYearStore.class);

	private final ReactiveMongoTemplate mongo;

	private final ProductionCalendarRegistry registry;

	private final Duration refreshEvery;

	private volatile Disposable refreshing;

	public CalendarYearStore(ReactiveMongoTemplate mongo, ProductionCalendarRegistry registry,
			@Value("${otklik.sla.calendar-refresh:10s}") Duration refreshEvery) {
		this.mongo = mongo;
		this.registry = registry;
		this.refreshEvery = refreshEvery;
	}

	@Override
	public void afterPropertiesSet() {
		// Startup only: deadlines must use the stored years from the first request on.
		refresh().block(Duration.ofSeconds(60));
	}

	/** Validates, registers and stores a year; throws {@link InvalidCalendarYearException} with problems. */
	public Mono<CalendarYear> load(CalendarYear year) {
		CalendarYear valid = year.validated();
		return this.mongo.save(new StoredYear(valid.year(), valid), COLLECTION).map(stored -> {
			this.registry.register(stored.year());
			return stored.year();
		});
	}

	/**
	 * Registers every stored year that differs from the one in force: what another instance loaded.
	 *
	 * @return how many years were registered
	 */
	public Mono<Long> refresh() {
		return this.mongo.findAll(StoredYear.class, COLLECTION)
			.map(StoredYear::year)
			.filter(year -> !this.registry.years().contains(year))
			.doOnNext(this.registry::register)
			.count();
	}

	@Override
	public void start() {
		this.refreshing = Flux.interval(this.refreshEvery)
			.onBackpressureDrop()
			.concatMap(tick -> refresh().onErrorResume(ex -> {
				log.warn("Reading the stored calendar years failed; retrying: {}", ex.toString());
				return Mono.empty();
			}))
			.subscribe();
	}

	@Override
	public void stop() {
		Disposable current = this.refreshing;
		if (current != null) {
			current.dispose();
		}
		this.refreshing = null;
	}

	@Override
	public boolean isRunning() {
		return this.refreshing != null && !this.refreshing.isDisposed();
	}

	/** How a year is stored: the year number is the document id. */
	record StoredYear(@org.springframework.data.annotation.Id int id, CalendarYear year) {
	}

}
