package org.otklik.appeal;

import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;

/**
 * The one stream of appeal events. Every backend instance reads the database's change stream itself, so
 * a change made through any instance reaches the subscribers of all of them; within an instance each
 * change is read and built into an event once, whatever the number of subscribers.
 */
public interface AppealEventStream {

	/**
	 * Events from now on ({@code after} null), or every event after the cursor, once and in order, and
	 * then live ones, with no gap and no duplicate whatever the cursor's age. A cursor the database can no
	 * longer resume from fails with {@code CURSOR_EXPIRED}.
	 *
	 * @param filter which events the subscriber wants
	 * @param buffer events held for the subscriber before it is cut off with {@link SlowSubscriberException}
	 */
	Flux<AppealEvent> events(AppealEventCursor after, Predicate<AppealEvent> filter, int buffer);

	/**
	 * The newest event handed to this instance's subscribers, or null before the first. A subscription
	 * without a cursor that registered now would receive exactly the events after it, which lets a
	 * subscriber joining a shared execution mid-stream start where a subscription of its own would.
	 */
	@Nullable
	AppealEventCursor newest();

	/** Subscribers connected to this instance now. */
	int subscriberCount();

}
