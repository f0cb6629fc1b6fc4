package org.otklik.runtime;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.management.HotSpotDiagnosticMXBean;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.test.scheduler.VirtualTimeScheduler;

import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

import static org.assertj.core.api.Assertions.assertThat;

/** One collection per burst of start-up work, after the delay, postponed by more work; none when off. */
class HeapTrimTests {

	private final VirtualTimeScheduler time = VirtualTimeScheduler.create();

	private final AtomicInteger collections = new AtomicInteger();

	private HeapTrim trim(boolean enabled) {
		return new HeapTrim(enabled, Duration.ofSeconds(20), this.collections::incrementAndGet, this.time);
	}

	@Test
	void collectsOnceTheDelayAfterTheApplicationIsReady() {
		HeapTrim trim = trim(true);

		trim.applicationReady();
		collectsOnceAfterTheDelay();
	}

	@Test
	void moreWorkWithinTheDelayPostponesTheOneCollection() {
		HeapTrim trim = trim(true);

		trim.applicationReady();
		this.time.advanceTimeBy(Duration.ofSeconds(15));
		trim.afterBurst();
		this.time.advanceTimeBy(Duration.ofSeconds(15));
		assertThat(this.collections).hasValue(0);
		this.time.advanceTimeBy(Duration.ofSeconds(5));
		assertThat(this.collections).hasValue(1);
		this.time.advanceTimeBy(Duration.ofHours(1));
		assertThat(this.collections).hasValue(1);
	}

	@Test
	void workBegunBeforeReadinessHoldsTheCollectionUntilItEnds() {
		HeapTrim trim = trim(true);

		trim.burstBegins();
		trim.applicationReady();
		this.time.advanceTimeBy(Duration.ofMinutes(5));
		assertThat(this.collections).hasValue(0);
		trim.afterBurst();
		collectsOnceAfterTheDelay();
	}

	/** Nothing until the delay is over, then the one collection, and no other later. */
	private void collectsOnceAfterTheDelay() {
		this.time.advanceTimeBy(Duration.ofSeconds(19));
		assertThat(this.collections).hasValue(0);
		this.time.advanceTimeBy(Duration.ofSeconds(1));
		assertThat(this.collections).hasValue(1);
		this.time.advanceTimeBy(Duration.ofHours(1));
		assertThat(this.collections).hasValue(1);
	}

	@Test
	void nothingWhenSwitchedOffOrStopped() {
		HeapTrim off = trim(false);
		off.applicationReady();
		HeapTrim stopped = trim(true);
		stopped.afterBurst();
		stopped.destroy();

		this.time.advanceTimeBy(Duration.ofHours(1));

		assertThat(this.collections).hasValue(0);
	}

	@Test
	void waitsWhileARequestOrSessionIsOpenAndForTheDelayAfterIt() {
		HeapTrim trim = trim(true);
		Sinks.Empty<Void> session = Sinks.empty();
		MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/graphql"));

		trim.applicationReady();
		trim.filter(exchange, served -> session.asMono()).subscribe();
		this.time.advanceTimeBy(Duration.ofMinutes(10));
		assertThat(this.collections).hasValue(0);

		session.tryEmitEmpty();
		this.time.advanceTimeBy(Duration.ofSeconds(19));
		assertThat(this.collections).hasValue(0);
		this.time.advanceTimeBy(Duration.ofSeconds(30));
		assertThat(this.collections).hasValue(1);
	}

	@Test
	void healthProbesDoNotCountAsWork() {
		HeapTrim trim = trim(true);
		MockServerWebExchange probe = MockServerWebExchange.from(MockServerHttpRequest.get("/actuator/health"));

		trim.applicationReady();
		for (int i = 0; i < 4; i++) {
			this.time.advanceTimeBy(Duration.ofSeconds(5));
			trim.filter(probe, served -> Mono.empty()).block();
		}

		assertThat(this.collections).hasValue(1);
	}

	@Test
	void freeRatiosAreLoweredForTheCollectionAndRestoredAfterIt() {
		HotSpotDiagnosticMXBean vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
		String min = vm.getVMOption("MinHeapFreeRatio").getValue();
		String max = vm.getVMOption("MaxHeapFreeRatio").getValue();

		HeapTrim.HeapRatios saved = HeapTrim.HeapRatios.lower(10, 30);
		try {
			assertThat(vm.getVMOption("MinHeapFreeRatio").getValue()).isEqualTo("10");
			assertThat(vm.getVMOption("MaxHeapFreeRatio").getValue()).isEqualTo("30");
		}
		finally {
			saved.restore();
		}

		assertThat(vm.getVMOption("MinHeapFreeRatio").getValue()).isEqualTo(min);
		assertThat(vm.getVMOption("MaxHeapFreeRatio").getValue()).isEqualTo(max);
	}

	@Test
	void trimsTheNativeHeapWhereTheJvmCanAndSaysWhyNotElsewhere() throws Exception {
		boolean available = java.util.Arrays.stream(ManagementFactory.getPlatformMBeanServer()
			.getMBeanInfo(new javax.management.ObjectName("com.sun.management:type=DiagnosticCommand"))
			.getOperations()).anyMatch(operation -> operation.getName().equals("systemTrimNativeHeap"));

		String answer = HeapTrim.trimNativeHeap();

		if (available) {
			// The diagnostic command's own answer: what glibc gave back, or that this C library cannot.
			assertThat(answer).matches("(?s)(Trim native heap.*|Not available.*)");
		}
		else {
			assertThat(answer).startsWith("native heap not trimmed");
		}
	}

}
