package org.otklik.audit;

import java.util.List;

import org.otklik.appeal.AppealEvent;
import org.otklik.appeal.AppealEventBatchConsumer;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

/**
 * Writes every change of an appeal to the audit log, from the event stream: whoever made the change and
 * through whatever path (GraphQL, a channel, a scheduler), it is recorded once.
 */
@Component
class AppealAuditTrail implements AppealEventBatchConsumer {

	private final AuditService audit;

	AppealAuditTrail(AuditService audit) {
		this.audit = audit;
	}

	@Override
	public String name() {
		return "audit";
	}

	@Override
	public Mono<Void> handle(AppealEvent event) {
		return this.audit.recordChange(event);
	}

	@Override
	public Mono<Void> handleAll(List<AppealEvent> events) {
		return this.audit.recordChanges(events);
	}

}
