package org.otklik.appeal;

import java.util.List;

import reactor.core.publisher.Mono;

/**
 * An {@link AppealEventConsumer} that performs the effects of the events handed off together at once, for
 * example with one write for many. The durable runner calls {@link #handleAll} with the batch's events this
 * instance holds the work of, in stream order; when it fails, each event of the batch is retried alone with
 * {@link #handle}. Either way an effect may be repeated at the edges ADR 0007 names, so key it by
 * {@link AppealEvent#id()}.
 */
public interface AppealEventBatchConsumer extends AppealEventConsumer {

	/** Performs the effects of the events, in order; fails to have each retried alone later. */
	Mono<Void> handleAll(List<AppealEvent> events);

}
