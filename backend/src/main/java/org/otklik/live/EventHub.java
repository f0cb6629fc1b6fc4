package org.otklik.live;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;
import reactor.util.concurrent.Queues;

/**
 * Fans the process's one change stream out to its subscribers. Each subscriber has its own bounded
 * buffer: one that overflows is cut off with {@link SlowSubscriberException} and never holds back the
 * others. A window of recent events, indexed by resume token, lets reconnecting subscribers resume
 * exactly after their last event.
 */
class EventHub {

	private final int bufferSize;

	private final int window;

	private final ArrayDeque<Sequenced> recent = new ArrayDeque<>();

	private final Map<String, Long> sequenceByToken = new HashMap<>();

	private final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();

	private long lastSequence;

	EventHub(int bufferSize, int window) {
		this.bufferSize = bufferSize;
		this.window = window;
	}

	/**
	 * Called for each event, in change-stream order, from a single thread. Events from before the
	 * process started only fill the window (for catch-up); live subscribers get what happens after.
	 */
	synchronized void publish(LiveEvent event, boolean dispatch) {
		long sequence = ++this.lastSequence;
		this.recent.addLast(new Sequenced(sequence, event));
		this.sequenceByToken.put(event.tokenKey(), sequence);
		while (this.recent.size() > this.window) {
			this.sequenceByToken.remove(this.recent.removeFirst().event().tokenKey());
		}
		if (dispatch) {
			for (Subscriber subscriber : this.subscribers) {
				subscriber.offer(event);
			}
		}
	}

	/**
	 * Registers a live subscriber. Everything published from now on reaches it, unless it is cut off.
	 * The returned registration tells which sequence its live part starts at.
	 */
	synchronized Registration register(Predicate<LiveEvent> filter) {
		Subscriber subscriber = new Subscriber(filter, this.bufferSize);
		this.subscribers.add(subscriber);
		return new Registration(subscriber, this.lastSequence + 1);
	}

	/** The sequence of a recent event, or null if it is not in the window. */
	synchronized Long sequenceOf(String tokenKey) {
		return this.sequenceByToken.get(tokenKey);
	}

	/**
	 * Recent events with {@code from <= sequence < to}, or null if the window no longer holds
	 * {@code from} (the caller must then report that it cannot resume).
	 */
	synchronized List<LiveEvent> range(long from, long to) {
		if (from >= to) {
			return List.of();
		}
		if (this.recent.isEmpty() || this.recent.peekFirst().sequence() > from) {
			return null;
		}
		List<LiveEvent> events = new ArrayList<>();
		for (Iterator<Sequenced> it = this.recent.iterator(); it.hasNext();) {
			Sequenced s = it.next();
			if (s.sequence() >= from && s.sequence() < to) {
				events.add(s.event());
			}
		}
		return events;
	}

	int subscriberCount() {
		return this.subscribers.size();
	}

	private record Sequenced(long sequence, LiveEvent event) {
	}

	/** A live subscriber and the sequence its live part starts at. */
	record Registration(Subscriber subscriber, long firstLiveSequence) {
	}

	/** One subscriber's bounded buffer. */
	final class Subscriber {

		private final Predicate<LiveEvent> filter;

		private final Sinks.Many<LiveEvent> sink;

		private final int capacity;

		Subscriber(Predicate<LiveEvent> filter, int capacity) {
			this.filter = filter;
			this.capacity = capacity;
			this.sink = Sinks.many().unicast().onBackpressureBuffer(Queues.<LiveEvent>get(capacity).get());
		}

		void offer(LiveEvent event) {
			if (!this.filter.test(event)) {
				return;
			}
			Sinks.EmitResult result = this.sink.tryEmitNext(event);
			if (result == Sinks.EmitResult.FAIL_OVERFLOW) {
				cancel();
				this.sink.tryEmitError(new SlowSubscriberException(this.capacity));
			}
			else if (result.isFailure()) {
				// Cancelled or terminated: the subscriber is gone.
				cancel();
			}
		}

		Flux<LiveEvent> flux() {
			return this.sink.asFlux().doFinally(signal -> cancel());
		}

		void cancel() {
			EventHub.this.subscribers.remove(this);
		}

	}

}
