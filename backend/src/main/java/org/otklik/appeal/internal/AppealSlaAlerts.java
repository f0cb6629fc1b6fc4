package org.otklik.appeal.internal;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import org.bson.Document;
import org.otklik.appeal.AppealStatus;
import org.otklik.security.Caller;
import org.otklik.sla.SlaAlertTargets;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** The appeal side of the SLA alert check: the due query on the indexed {@code sla.nextAlertAt}, and the announcement command. */
@Component
public class AppealSlaAlerts implements SlaAlertTargets {

	private static final List<AppealStatus> OPEN = Arrays.stream(AppealStatus.values()).filter(AppealStatus::isOpen).toList();

	private final ReactiveMongoTemplate mongo;

	private final AppealChanges changes;

	private final AppealStore store;

	private final AppealSlaCalculator sla;

	private final AppealMetrics metrics;

	public AppealSlaAlerts(ReactiveMongoTemplate mongo, AppealChanges changes, AppealStore store,
			AppealSlaCalculator sla, AppealMetrics metrics) {
		this.metrics = metrics;
		this.mongo = mongo;
		this.changes = changes;
		this.store = store;
		this.sla = sla;
	}

	/** The query the check runs; the benchmark measures exactly this. */
	public static Query dueQuery(Instant now, int limit) {
		Query query = Query.query(Criteria.where("sla.nextAlertAt").lte(now).and("status").in(OPEN))
			.with(Sort.by(Sort.Direction.ASC, "sla.nextAlertAt"))
			.limit(limit);
		query.fields().include("_id");
		return query;
	}

	@Override
	public Flux<String> dueForAlert(Instant now, int limit) {
		return this.mongo.find(dueQuery(now, limit), Document.class, AppealStore.COLLECTION)
			.map(doc -> doc.getObjectId("_id").toHexString());
	}

	@Override
	public Mono<Boolean> announceNextThreshold(String appealId) {
		return this.changes.apply(Caller.SYSTEM, appealId, null, null, appeal -> new AppealCommand.AnnounceSla())
			.doOnNext(result -> {
				if (result.changed() && result.appeal().lastEvent() != null) {
					this.metrics.slaAnnounced(result.appeal().lastEvent().type());
				}
			})
			.map(AppealChanges.Result::changed);
	}

	@Override
	public Mono<Void> refresh(String appealId) {
		return this.store.findById(appealId)
			.flatMap(appeal -> this.sla.policyOf(appeal)
				.flatMap(policy -> this.store.refreshSla(appeal, this.sla.snapshot(policy, appeal, this.changes.now(),
						(appeal.sla() != null) ? appeal.sla().announced() : List.of()))))
			.then();
	}

}
