package org.otklik.incident.internal;

import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

import org.otklik.appeal.AppealEvent;
import org.otklik.appeal.AppealEventBatchConsumer;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

/**
 * Incident grouping's consumer of the event stream: groups every new appeal, and follows assignments and
 * redirects so that an incident knows which agencies its appeals are with. Durable: each event is handled
 * once across instances, and the grouping itself ignores a repeat. The events handed off together are
 * grouped in order under one lease of the grouping, a few at a time.
 */
@Component
class IncidentIntake implements AppealEventBatchConsumer {

	/**
	 * Events grouped under one lease: few enough that a loaded instance finishes them well within the
	 * lease's 15 s, many enough that a burst takes the lease a few times, not once per appeal.
	 */
	static final int PER_LEASE = 16;

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
		return this.grouping.exclusively(List.of(held(event))).timeout(Duration.ofSeconds(45));
	}

	@Override
	public Mono<Void> handleAll(List<AppealEvent> events) {
		return Flux.fromIterable(events)
			.buffer(PER_LEASE)
			.concatMap(chunk -> this.grouping.exclusively(chunk.stream().map(this::held).toList())
				.timeout(Duration.ofSeconds(45)))
			.then();
	}

	/** The event's work, for a caller that holds the grouping's lease. */
	private Supplier<Mono<Void>> held(AppealEvent event) {
		return (event instanceof AppealEvent.AppealReceived received) ? () -> this.grouping.receivedHeld(received.appeal())
				: () -> this.grouping.agencyChangedHeld(event.appeal().id(), event.appeal().agencyId());
	}

}
