package org.otklik.incident.internal;

import java.time.Duration;

import org.otklik.appeal.AppealEvent;
import org.otklik.appeal.AppealEventConsumer;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

/**
 * Incident grouping's consumer of the event stream: groups every new appeal, and follows assignments and
 * redirects so that an incident knows which agencies its appeals are with. Durable: each event is handled
 * once across instances, and the grouping itself ignores a repeat.
 */
@Component
class IncidentIntake implements AppealEventConsumer {

	private final IncidentGrouping grouping;

	IncidentIntake(IncidentGrouping grouping) {
		this.grouping = grouping;
	}

	@Override
	public String name() {
		return "incidents";
	}

	@Override
	public boolean wants(AppealEvent event) {
		return event instanceof AppealEvent.AppealReceived || event instanceof AppealEvent.AppealAssigned
				|| event instanceof AppealEvent.AppealRedirected;
	}

	@Override
	public Mono<Void> handle(AppealEvent event) {
		Mono<Void> work = (event instanceof AppealEvent.AppealReceived received)
				? this.grouping.received(received.appeal())
				: this.grouping.agencyChanged(event.appeal().id(), event.appeal().agencyId());
		return work.timeout(Duration.ofSeconds(45));
	}

}
