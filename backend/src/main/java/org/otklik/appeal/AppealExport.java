package org.otklik.appeal;

import java.time.Clock;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;
import org.otklik.appeal.AppealInputs.AppealFilter;
import org.otklik.appeal.AppealInputs.AppealOrder;
import org.otklik.appeal.internal.AppealSlaCalculator;
import org.otklik.security.Caller;
import org.otklik.security.Role;
import org.otklik.sla.AppealSla;
import org.otklik.sla.SlaState;
import reactor.core.publisher.Flux;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * The read port for reports: streams every appeal of the {@code appeals} query (same filter, same scope, same
 * order) as typed rows straight from the database cursor, with the SLA evaluated now and personal data masked
 * by the API's own rule. Nothing is collected: the cursor is read in batches as the consumer asks for rows.
 */
@Service
public class AppealExport {

	/** Documents the driver fetches per round trip; the stream never holds more than a few such batches. */
	static final int CURSOR_BATCH = 256;

	private final ReactiveMongoTemplate mongo;

	private final AppealAccess access;

	private final AppealSlaCalculator sla;

	private final Clock clock;

	public AppealExport(ReactiveMongoTemplate mongo, AppealAccess access, AppealSlaCalculator sla, Clock clock) {
		this.mongo = mongo;
		this.access = access;
		this.sla = sla;
		this.clock = clock;
	}

	/**
	 * The appeals the caller may read that match the filter, in the list's order.
	 *
	 * @param slaState when set, only appeals whose worse deadline is in this state ({@link AppealRow#slaState()})
	 */
	public Flux<AppealRow> rows(Caller caller, @Nullable AppealFilter filter, @Nullable AppealOrder order,
			@Nullable SlaState slaState) {
		return Flux.defer(() -> {
			caller.requireAny(Role.values());
			AppealFilter criteria = (filter != null) ? filter : AppealFilter.NONE;
			AppealOrder direction = (order != null) ? order : AppealOrder.RECEIVED_DESC;
			return this.access.scope(caller).zipWith(this.access.personalDataRule(caller)).flatMapMany(both -> {
				if (both.getT1().isNothing()) {
					return Flux.<AppealRow>empty();
				}
				Query query = AppealSearch.query(criteria, both.getT1(), direction, null, this.clock.instant())
					.cursorBatchSize(CURSOR_BATCH);
				Predicate<Appeal> personal = both.getT2();
				// concatMap keeps the order and asks the cursor for one appeal per row the consumer wants.
				Flux<AppealRow> rows = this.mongo.find(query, Appeal.class)
					.concatMap(appeal -> row(appeal, personal.test(appeal)), CURSOR_BATCH);
				return (slaState != null) ? rows.filter(row -> row.slaState() == slaState) : rows;
			});
		});
	}

	private reactor.core.publisher.Mono<AppealRow> row(Appeal appeal, boolean personalData) {
		if (appeal.sla() == null) {
			return reactor.core.publisher.Mono.just(row(appeal, personalData, null));
		}
		return this.sla.policyOf(appeal)
			.map(policy -> row(appeal, personalData, this.sla.evaluate(policy, appeal, this.clock.instant())));
	}

	static AppealRow row(Appeal appeal, boolean personalData, @Nullable AppealSla sla) {
		Author author = (personalData) ? appeal.author() : null;
		return new AppealRow(appeal.id(), appeal.receivedAt(), appeal.status(), appeal.channel(), appeal.category(),
				appeal.municipality(), appeal.urgent(), appeal.agencyId(),
				(appeal.executor() != null) ? appeal.executor().name() : null, appeal.text(), appeal.url(),
				(author != null) ? author.name() : null, (author != null) ? author.profileUrl() : null,
				(sla != null) ? sla.firstResponse().dueAt() : null, (sla != null) ? sla.firstResponse().state() : null,
				appeal.firstRespondedAt(), (sla != null) ? sla.finalAnswer().dueAt() : null,
				(sla != null) ? sla.finalAnswer().state() : null, appeal.answeredAt(), appeal.closedAt(),
				appeal.redirectCount(), appeal.returnCount());
	}

}
