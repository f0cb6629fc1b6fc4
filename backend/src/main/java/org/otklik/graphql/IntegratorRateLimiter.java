package org.otklik.graphql;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.LongSupplier;

/**
 * A token bucket per integrator client id ({@code azp}): a burst of {@code capacity} requests, refilled
 * continuously at {@code capacity} per {@code period}. Buckets live in memory, one per client: clients are
 * registered at the identity provider, so their number is small and bounded.
 */
public class IntegratorRateLimiter {

	private final int capacity;

	private final double tokensPerNano;

	private final LongSupplier nanoTime;

	private final ConcurrentMap<String, Bucket> buckets = new ConcurrentHashMap<>();

	public IntegratorRateLimiter(int capacity, Duration period) {
		this(capacity, period, System::nanoTime);
	}

	IntegratorRateLimiter(int capacity, Duration period, LongSupplier nanoTime) {
		if (capacity < 1 || period.isZero() || period.isNegative()) {
			throw new IllegalArgumentException("A rate limit needs a positive capacity and period");
		}
		this.capacity = capacity;
		this.tokensPerNano = capacity / (double) period.toNanos();
		this.nanoTime = nanoTime;
	}

	/**
	 * Takes one request from the client's bucket.
	 * @return 0 when the request may proceed, otherwise the whole seconds after which it may be retried
	 */
	public long tryAcquire(String clientId) {
		long now = this.nanoTime.getAsLong();
		Bucket bucket = this.buckets.computeIfAbsent(clientId, id -> new Bucket(this.capacity, now));
		synchronized (bucket) {
			bucket.tokens = Math.min(this.capacity, bucket.tokens + (now - bucket.updatedAt) * this.tokensPerNano);
			bucket.updatedAt = now;
			if (bucket.tokens >= 1) {
				bucket.tokens -= 1;
				return 0;
			}
			double nanosUntilOne = (1 - bucket.tokens) / this.tokensPerNano;
			return Math.max(1, (long) Math.ceil(nanosUntilOne / 1_000_000_000d));
		}
	}

	private static final class Bucket {

		private double tokens;

		private long updatedAt;

		private Bucket(double tokens, long updatedAt) {
			this.tokens = tokens;
			this.updatedAt = updatedAt;
		}

	}

}
