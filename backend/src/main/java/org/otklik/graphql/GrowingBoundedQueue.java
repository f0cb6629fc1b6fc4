package org.otklik.graphql;

import java.util.AbstractQueue;
import java.util.Iterator;
import java.util.Queue;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;

import org.jspecify.annotations.Nullable;
import reactor.util.concurrent.Queues;

/**
 * A single-producer, single-consumer queue that refuses an element beyond its capacity but takes memory only
 * for what it holds: an idle subscriber's buffer costs a few dozen bytes instead of its whole capacity.
 * <p>
 * Reactor's bounded queues ({@code Queues.get(n)}) allocate an array of {@code n} slots up front, about 1.5 KB
 * per live subscriber at the default 256, held for as long as the socket is open although an idle subscriber's
 * buffer is empty nearly always. This one links small chunks of Reactor's unbounded SPSC queue as elements
 * arrive and counts what it holds; {@link #offer} returns false when it is full, which a unicast sink reports
 * as {@code FAIL_OVERFLOW}, as with the preallocated queue.
 */
final class GrowingBoundedQueue<T> extends AbstractQueue<T> {

	/** Slots per linked chunk: the least Reactor's linked queue takes (it rounds up to 8). */
	static final int CHUNK = 8;

	private static final AtomicIntegerFieldUpdater<GrowingBoundedQueue> SIZE = AtomicIntegerFieldUpdater
		.newUpdater(GrowingBoundedQueue.class, "size");

	private final Queue<T> delegate = Queues.<T>unbounded(CHUNK).get();

	private final int capacity;

	private volatile int size;

	/**
	 * @param capacity elements it holds at most, rounded up to a power of two as Reactor's bounded queues are;
	 * beyond 2^30 there is no such power, and the queue is as good as unbounded
	 */
	GrowingBoundedQueue(int capacity) {
		this.capacity = (capacity > (1 << 30)) ? Integer.MAX_VALUE : Queues.ceilingNextPowerOfTwo(Math.max(1, capacity));
	}

	int capacity() {
		return this.capacity;
	}

	@Override
	public boolean offer(T element) {
		// Only the producer adds, so the count cannot pass the capacity between this check and the increment.
		if (this.size >= this.capacity) {
			return false;
		}
		if (!this.delegate.offer(element)) {
			return false;
		}
		SIZE.incrementAndGet(this);
		return true;
	}

	@Override
	public @Nullable T poll() {
		T element = this.delegate.poll();
		if (element != null) {
			SIZE.decrementAndGet(this);
		}
		return element;
	}

	@Override
	public @Nullable T peek() {
		return this.delegate.peek();
	}

	@Override
	public boolean isEmpty() {
		return this.delegate.isEmpty();
	}

	@Override
	public int size() {
		// The consumer may take an element before its producer has counted it.
		return Math.max(0, this.size);
	}

	@Override
	public Iterator<T> iterator() {
		// Reactor's queues do not iterate either; its operators only poll and clear.
		throw new UnsupportedOperationException();
	}

}
