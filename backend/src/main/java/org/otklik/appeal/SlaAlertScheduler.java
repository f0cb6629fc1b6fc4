package org.otklik.appeal;

import java.time.Clock;
import java.util.List;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.context.SmartLifecycle;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Finds appeals whose next SLA threshold has come, with an indexed range query on {@code sla.nextAlertAt}
 * (never a scan of every open appeal), and announces each threshold through a guarded update that the
 * change stream turns into a {@code slaAlerted} event. The state lives in the document, so restarts and
 * several instances neither lose nor double an alert.
 */
@Component
public class SlaAlertScheduler implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(SlaAlertScheduler.class);

	private static final List<AppealStatus> OPEN = List.of(AppealStatus.NEW, AppealStatus.ASSIGNED,
			AppealStatus.IN_PROGRESS, AppealStatus.ON_REVIEW);

	/** At most this many thresholds per appeal in one check (two clocks, two thresholds each). */
	private static final int THRESHOLDS = 4;

	private final ReactiveMongoTemplate mongo;

	private final AppealService appeals;

	private final SlaAlertProperties properties;

	private final Clock clock;

	private volatile Disposable running;

	public SlaAlertScheduler(ReactiveMongoTemplate mongo, AppealService appeals, SlaAlertProperties properties,
			Clock clock) {
		this.mongo = mongo;
		this.appeals = appeals;
		this.properties = properties;
		this.clock = clock;
	}

	/** The query the check runs; the benchmark measures exactly this. */
	public Query dueQuery() {
		Query query = Query.query(Criteria.where("sla.nextAlertAt").lte(this.clock.instant()).and("status").in(OPEN))
			.with(Sort.by(Sort.Direction.ASC, "sla.nextAlertAt"))
			.limit(this.properties.batch());
		query.fields().include("_id");
		return query;
	}

	/** One check: announces every threshold that has come. Returns how many were announced. */
	public Mono<Long> checkOnce() {
		return this.mongo.find(dueQuery(), Document.class, "appeals")
			.map(doc -> doc.getObjectId("_id").toHexString())
			.concatMap(this::announceAll)
			.reduce(0L, Long::sum);
	}

	private Mono<Long> announceAll(String appealId) {
		return Flux.range(0, THRESHOLDS)
			.concatMap(i -> this.appeals.announceNextAlert(appealId))
			.takeWhile(Boolean::booleanValue)
			.count()
			.flatMap(count -> (count == 0) ? this.appeals.refreshSla(appealId).thenReturn(0L) : Mono.just(count));
	}

	@Override
	public void start() {
		if (!this.properties.enabled()) {
			return;
		}
		this.running = Flux.interval(this.properties.interval())
			.onBackpressureDrop()
			.concatMap(tick -> checkOnce().onErrorResume(ex -> {
				log.warn("SLA alert check failed; retrying at the next tick: {}", ex.toString());
				return Mono.just(0L);
			}))
			.subscribe();
	}

	@Override
	public void stop() {
		Disposable current = this.running;
		if (current != null) {
			current.dispose();
		}
		this.running = null;
	}

	@Override
	public boolean isRunning() {
		return this.running != null && !this.running.isDisposed();
	}

}
