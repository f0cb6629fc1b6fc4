package org.otklik.graphql;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The token bucket: bursts up to capacity, refills continuously, and tells how long to wait. */
class IntegratorRateLimiterTests {

	private final AtomicLong now = new AtomicLong();

	private final IntegratorRateLimiter limiter = new IntegratorRateLimiter(60, Duration.ofMinutes(1), this.now::get);

	@Test
	void burstUpToCapacityThenWaitForOneToken() {
		for (int i = 0; i < 60; i++) {
			assertThat(this.limiter.tryAcquire("a")).isZero();
		}
		assertThat(this.limiter.tryAcquire("a")).isEqualTo(1);
		advance(Duration.ofMillis(999));
		assertThat(this.limiter.tryAcquire("a")).isEqualTo(1);
		advance(Duration.ofMillis(1));
		assertThat(this.limiter.tryAcquire("a")).isZero();
	}

	@Test
	void clientsHaveSeparateBuckets() {
		for (int i = 0; i < 60; i++) {
			this.limiter.tryAcquire("a");
		}
		assertThat(this.limiter.tryAcquire("a")).isPositive();
		assertThat(this.limiter.tryAcquire("b")).isZero();
	}

	@Test
	void idleTimeNeverBanksMoreThanCapacity() {
		advance(Duration.ofHours(5));
		for (int i = 0; i < 60; i++) {
			assertThat(this.limiter.tryAcquire("a")).isZero();
		}
		assertThat(this.limiter.tryAcquire("a")).isPositive();
	}

	private void advance(Duration duration) {
		this.now.addAndGet(duration.toNanos());
	}

}
