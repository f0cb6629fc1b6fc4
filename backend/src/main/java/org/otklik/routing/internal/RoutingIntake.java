package org.otklik.routing.internal;

import java.time.Duration;

import org.otklik.appeal.AppealEvent;
import org.otklik.appeal.AppealEventConsumer;
import org.otklik.routing.RoutingService;
import reactor.core.publisher.Mono;

import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Routing's consumer of the event stream: stores a suggestion for every new appeal, so lists read it in
 * one batch, keeps every curator's assignment, redirect or reclassification as a labelled example for
 * retraining, and notes
 * the router's own deliveries and their redirects for the statistics.
 */
@Component
class RoutingIntake implements AppealEventConsumer {

	private final RoutingService routing;

	// Lazy: the service trains its model at construction, which the event machinery need not wait for.
	RoutingIntake(@Lazy RoutingService routing) {
		this.routing = routing;
	}

	@Override
	public String name() {
		return "routing";
	}

	@Override
	public boolean wants(AppealEvent event) {
		return event instanceof AppealEvent.AppealReceived || event instanceof AppealEvent.AppealAssigned
				|| event instanceof AppealEvent.AppealRedirected || event instanceof AppealEvent.AppealReclassified;
	}

	@Override
	public Mono<Void> handle(AppealEvent event) {
		Mono<Void> work = Mono.empty();
		if (event instanceof AppealEvent.AppealReceived received) {
			work = this.routing.suggestAtIntake(received.appeal());
		}
		else if (event instanceof AppealEvent.AppealAssigned assigned) {
			// The category the curator set with the assignment is the label, not the one the agency suggests.
			work = this.routing.recordDecision(assigned, assigned.toAgencyId(),
					(assigned.classification() != null) ? assigned.classification().toCategory() : null)
				.then(this.routing.recordAutomatic(assigned));
		}
		else if (event instanceof AppealEvent.AppealReclassified reclassified) {
			work = this.routing.recordCorrection(reclassified);
		}
		else if (event instanceof AppealEvent.AppealRedirected redirected) {
			work = this.routing.recordDecision(redirected, redirected.toAgencyId())
				.then(this.routing.recordRedirect(redirected));
		}
		return work.timeout(Duration.ofSeconds(30));
	}

}
