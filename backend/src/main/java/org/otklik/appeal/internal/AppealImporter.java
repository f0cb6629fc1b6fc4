package org.otklik.appeal.internal;

import java.util.Comparator;
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
 * month of alerts, a last event taken from its last history entry, and its number, drawn before the insert in
 * the order the appeals were received: numbering them after the insert (the backfill) cost one update per
 * appeal, each an oplog entry, a durable commit and an event for every change-stream reader, which was most
 * of what a first start spent loading the demo region.
 */
@Component
public class AppealImporter {

	private final AppealStore store;

	private final AppealSlaCalculator sla;

	private final AppealChanges changes;

	private final AppealNumberBackfill numbering;

	private final AppealNumbers numbers;

	public AppealImporter(AppealStore store, AppealSlaCalculator sla, AppealChanges changes,
			AppealNumberBackfill numbering, AppealNumbers numbers) {
		this.numbering = numbering;
		this.numbers = numbers;
		this.store = store;
		this.sla = sla;
		this.changes = changes;
	}

	/** Stores the appeals in batches, skipping those already stored; returns how many were stored now. */
	public Mono<Long> importAll(List<Appeal> appeals) {
		return Flux.fromIterable(appeals)
			.concatMap(this::prepared)
			.collectList()
			.flatMap(this.store::notStored)
			.flatMapMany(this::numbered)
			.buffer(50)
			.concatMap(this.store::insertAll)
			.reduce(0L, Long::sum)
			// Appeals left without a number (stored by an older version, a failed draw) get theirs as before.
			.flatMap(stored -> this.numbering.backfill().thenReturn(stored));
	}

	/**
	 * The appeals with their numbers, in the list's order: drawn oldest first (received, then id), from the same
	 * counter as intake, which is the order and the numbers the backfill gives the same appeals.
	 */
	private Flux<Appeal> numbered(List<Appeal> fresh) {
		return Flux.fromStream(fresh.stream().sorted(Comparator.comparing(Appeal::receivedAt).thenComparing(Appeal::id)))
			.concatMap(appeal -> (appeal.number() != null) ? Mono.just(appeal)
					: this.numbers.next(appeal.receivedAt()).map(appeal::withNumber))
			.collectMap(Appeal::id)
			.flatMapIterable(byId -> fresh.stream().map(appeal -> byId.get(appeal.id())).toList());
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
