package org.otklik.appeal;

import reactor.core.publisher.Mono;

/**
 * A consumer of appeal events with an effect outside the process (a reply posted to a channel, a push, a
 * webhook, an audit record). Declare one as a bean and the event stream runs it durably: it resumes after
 * a restart from its own stored position, and across any number of instances each event's effect is
 * performed by one of them. An instance that dies in the middle of an effect leaves it to be retried by
 * another after a lease, so an effect is at least once at that edge: pass {@link AppealEvent#id()} to the
 * receiver as the idempotency key (ADR 0007).
 */
public interface AppealEventConsumer {

	/** A stable name: the key of the consumer's position and work. Never rename one in use. */
	String name();

	/** Whether the consumer cares about an event; the others are passed over without any work. */
	default boolean wants(AppealEvent event) {
		return true;
	}

	/** Performs the effect; fails to have it retried later. It should carry its own timeout. */
	Mono<Void> handle(AppealEvent event);

}
