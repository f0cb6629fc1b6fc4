package org.otklik.outbound;

import java.time.Duration;

/** The wait between attempts of an outbound delivery: doubling from the first failure, capped. */
public final class Backoff {

	private Backoff() {
	}

	/** The wait after the given number of failed attempts, from {@code initial} doubling up to {@code max}. */
	public static Duration doubling(Duration initial, Duration max, int failedAttempts) {
		int doublings = Math.max(0, Math.min(failedAttempts - 1, 30));
		long millis = initial.toMillis();
		for (int i = 0; i < doublings && millis < max.toMillis(); i++) {
			millis *= 2;
		}
		return Duration.ofMillis(Math.min(millis, max.toMillis()));
	}

}
