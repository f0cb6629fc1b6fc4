package org.otklik.citizen.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/**
 * Fixed one-minute windows per client address and kind of request, in memory. Each instance counts its
 * own clients: behind a load balancer the allowance is per instance, which is enough to make guessing
 * 128-bit links hopeless and to keep one client from flooding ratings.
 */
@Component
public class ClientLimiter {

	/** What is counted. */
	public enum Kind {
		VIEW, MISS, RATING
	}

	private static final Duration WINDOW = Duration.ofMinutes(1);

	/** Beyond this many tracked windows, expired ones are swept on the next call. */
	private static final int SWEEP_ABOVE = 10_000;

	private final Clock clock;

	private final Map<String, long[]> windows = new ConcurrentHashMap<>();

	public ClientLimiter(Clock clock) {
		this.clock = clock;
	}

	/**
	 * Counts one request and says whether it is within the limit.
	 *
	 * @return 0 when allowed, else the seconds until the window ends (for {@code Retry-After})
	 */
	public long acquire(Kind kind, String client, int perMinute) {
		long now = this.clock.millis();
		long start = now - Math.floorMod(now, WINDOW.toMillis());
		if (this.windows.size() > SWEEP_ABOVE) {
			this.windows.values().removeIf(w -> w[0] < start);
		}
		long[] window = this.windows.compute(kind + "|" + client, (key, old) -> {
			if (old == null || old[0] != start) {
				return new long[] { start, 1 };
			}
			old[1]++;
			return old;
		});
		return (window[1] <= perMinute) ? 0 : Math.max(1, (start + WINDOW.toMillis() - now + 999) / 1000);
	}

	/** Whether the client is over the limit already, without counting a request. */
	public boolean exhausted(Kind kind, String client, int perMinute) {
		long now = this.clock.millis();
		long start = now - Math.floorMod(now, WINDOW.toMillis());
		long[] window = this.windows.get(kind + "|" + client);
		return window != null && window[0] == start && window[1] >= perMinute;
	}

	/** Forgets every count (tests, which share one address). */
	public void reset() {
		this.windows.clear();
	}

}
