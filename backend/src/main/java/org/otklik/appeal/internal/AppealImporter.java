package org.otklik.appeal.internal;

import java.util.List;

import org.otklik.appeal.Appeal;
import org.otklik.appeal.HistoryEntry;
import org.otklik.appeal.LastEvent;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

/**
 * Stores appeals whose story already happened elsewhere (the demo region, a migration): each gets its SLA
 * snapshot, with thresholds already past counted as announced so that the first start does not replay a
 * month of alerts, and a last event taken from its last history entry.
 */
@Component
public class AppealImporter {

	private final AppealStore store;

	private final AppealSlaCalculator sla;

	private final AppealChanges changes;

	private final AppealNumberBackfill numbering;

	public AppealImporter(AppealStore store, AppealSlaCalculator sla, AppealChanges changes,
			AppealNumberBackfill numbering) {
		this.numbering = numbering;
		this.store = store;
		this.sla = sla;
		this.changes = changes;
	}

	/** Stores the appeals in batches, skipping those already stored; returns how many were stored now. */
	public Mono<Long> importAll(List<Appeal> appeals) {
		return Flux.fromIterable(appeals)
			.concatMap(this::prepared)
			.buffer(50)
			.concatMap(this.store::insertAll)
			.reduce(0L, Long::sum)
			// Imported appeals are numbered in the order they were received, with the same counter as intake.
			.flatMap(stored -> this.numbering.backfill().thenReturn(stored));
	}

	private Mono<Appeal> prepared(Appeal appeal) {
		HistoryEntry latest = appeal.history().get(appeal.history().size() - 1);
		Appeal withEvent = appeal.withLastEvent(appeal.history().size(),
				new LastEvent(appeal.id(), latest.type(), latest.at(), appeal.agencyId(), latest.fromAgencyId(),
						appeal.history().size(), null, new LastEvent.Actor(latest.actor().id(), latest.actor().name(),
								null, null), latest.reason(), null, null, null, null));
		var now = this.changes.now();
		return this.sla.policyOf(withEvent).map(policy -> {
			List<String> past = AppealSlaCalculator.pastThresholds(this.sla.evaluate(policy, withEvent, now), now);
			return withEvent.withSla(this.sla.snapshot(policy, withEvent, now, past));
		});
	}

}
