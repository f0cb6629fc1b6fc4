package org.otklik.appeal.internal;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

import org.otklik.appeal.AppealEvent;
import org.otklik.appeal.AppealEventCursor;
import org.otklik.appeal.SlowSubscriberException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;
import reactor.util.concurrent.Queues;

/**
 * Fans the process's one change stream out to its subscribers, each with its own bounded buffer: one
 * that overflows is cut off with {@link SlowSubscriberException} and never holds back the others. It
 * keeps a window of recent events so that a subscriber resuming from a recent cursor catches up from
 * memory.
 * <p>
 * Events arrive in stream order, so positions only grow. Registration happens under the same lock as
 * publication: everything published after a registration reaches the new subscriber, and everything
 * before it is either in the window or older than {@link Registration#boundary()}. That is what lets
 * a resuming subscriber join history and live events without a gap or a duplicate.
 */
final class EventHub {

	private final int window;

	private final Instant freshFrom;

	private final ArrayDeque<AppealEvent> recent = new ArrayDeque<>();

	private final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();

	/** Every event after this position has been published (and is in the window unless dropped from it). */
	private AppealEventCursor floor;

	/**
	 * The newest event published, if any. Volatile so that {@link #newest()} reads it without the lock:
	 * a shared subscription group asks for it while the publishing thread may hold the lock and be
	 * delivering into that group.
	 */
	private volatile AppealEventCursor last;

	private final AppealMetrics metrics;

	/**
	 * @param window how many recent events to keep
	 * @param floor the position the main stream starts after
	 * @param freshFrom subscribers without a cursor get events from this moment on only: the main stream
	 *                  starts a little in the past, and those older events are for catch-up
	 */
	EventHub(int window, AppealEventCursor floor, Instant freshFrom, AppealMetrics metrics) {
		this.metrics = metrics;
		this.window = window;
		this.floor = floor;
		this.freshFrom = freshFrom;
	}

	/** Called for each event of the main stream, in stream order, from one thread at a time. */
	synchronized void publish(AppealEvent event) {
		if (this.last != null && !event.cursor().isAfter(this.last)) {
			// A reconnected stream may repeat what it delivered just before it broke.
			return;
		}
		this.recent.addLast(event);
		this.last = event.cursor();
		while (this.recent.size() > this.window) {
			this.floor = this.recent.removeFirst().cursor();
		}
		for (Subscriber subscriber : this.subscribers) {
			subscriber.offer(event);
		}
	}

	/**
	 * Registers a subscriber that resumes after {@code after} (null: from now on).
	 */
	synchronized Registration register(Predicate<AppealEvent> filter, int buffer, AppealEventCursor after) {
		AppealEventCursor boundary = (this.last != null) ? this.last : this.floor;
		Predicate<AppealEvent> live = filter;
		List<AppealEvent> replay = List.of();
		if (after == null) {
			live = live.and(event -> !event.at().isBefore(this.freshFrom));
		}
		else if (!after.isAfter(boundary)) {
			if (!after.isBefore(this.floor)) {
				replay = new ArrayList<>();
				for (AppealEvent event : this.recent) {
					if (event.cursor().isAfter(after) && filter.test(event)) {
						replay.add(event);
					}
				}
			}
			else {
				// Older than the window: the caller reads the stream's history up to the boundary.
				replay = null;
			}
		}
		else {
			// The client is ahead of this instance (it came from a faster one): skip what it has seen.
			live = live.and(event -> event.cursor().isAfter(after));
		}
		Subscriber subscriber = new Subscriber(live, buffer);
		this.subscribers.add(subscriber);
		return new Registration(subscriber, replay, boundary);
	}

	/**
	 * The newest event published (or being delivered right now), or null before the first: a subscriber
	 * registered at this moment would receive exactly the events after it.
	 */
	AppealEventCursor newest() {
		return this.last;
	}

	int subscriberCount() {
		return this.subscribers.size();
	}

	/**
	 * A new subscriber, what it missed if the window holds it, and the position up to which anything
	 * older must come from history.
	 *
	 * @param replay events after the cursor from the window (filtered), or null when the cursor is older
	 *               than the window
	 * @param boundary every event after it reaches the subscriber live
	 */
	record Registration(Subscriber subscriber, List<AppealEvent> replay, AppealEventCursor boundary) {
	}

	/** One subscriber's bounded buffer. */
	final class Subscriber {

		private final Predicate<AppealEvent> filter;

		private final Sinks.Many<AppealEvent> sink;

		private final int capacity;

		Subscriber(Predicate<AppealEvent> filter, int capacity) {
			this.filter = filter;
			this.capacity = capacity;
			this.sink = Sinks.many().unicast().onBackpressureBuffer(Queues.<AppealEvent>get(capacity).get());
		}

		void offer(AppealEvent event) {
			if (!this.filter.test(event)) {
				return;
			}
			Sinks.EmitResult result = this.sink.tryEmitNext(event);
			if (result == Sinks.EmitResult.FAIL_OVERFLOW) {
				cancel();
				this.sink.tryEmitError(new SlowSubscriberException(this.capacity));
				EventHub.this.metrics.dropped();
				EventHub.this.metrics.slowDisconnect();
			}
			else if (result.isFailure()) {
				// Cancelled or terminated: the subscriber is gone.
				cancel();
				EventHub.this.metrics.dropped();
			}
			else {
				EventHub.this.metrics.delivered();
			}
		}

		Flux<AppealEvent> flux() {
			return this.sink.asFlux().doFinally(signal -> cancel());
		}

		void cancel() {
			EventHub.this.subscribers.remove(this);
		}

	}

}
