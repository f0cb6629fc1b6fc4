package org.otklik.graphql;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.reactivestreams.Subscription;
import reactor.core.publisher.BaseSubscriber;
import reactor.core.publisher.Sinks;

import static org.assertj.core.api.Assertions.assertThat;

class GrowingBoundedQueueTests {

	@Test
	void holdsUpToItsCapacityRoundedUpAndRefusesTheNext() {
		GrowingBoundedQueue<Integer> queue = new GrowingBoundedQueue<>(100);

		assertThat(queue.capacity()).isEqualTo(128);
		for (int i = 0; i < 128; i++) {
			assertThat(queue.offer(i)).as("element %d", i).isTrue();
		}
		assertThat(queue.offer(128)).isFalse();
		assertThat(queue.size()).isEqualTo(128);
		assertThat(new GrowingBoundedQueue<>(1).capacity()).isEqualTo(1);
		assertThat(new GrowingBoundedQueue<>(Integer.MAX_VALUE).offer(1)).as("no power of two above 2^30").isTrue();
	}

	@Test
	void givesElementsBackInOrderAndTakesMoreOnceDrained() {
		GrowingBoundedQueue<Integer> queue = new GrowingBoundedQueue<>(16);
		for (int round = 0; round < 3; round++) {
			for (int i = 0; i < 16; i++) {
				assertThat(queue.offer(round * 100 + i)).isTrue();
			}
			assertThat(queue.offer(-1)).isFalse();
			List<Integer> drained = new ArrayList<>();
			for (Integer element = queue.poll(); element != null; element = queue.poll()) {
				drained.add(element);
			}
			int base = round * 100;
			assertThat(drained).hasSize(16).first().isEqualTo(base);
			assertThat(drained).last().isEqualTo(base + 15);
			assertThat(queue.isEmpty()).isTrue();
			assertThat(queue.size()).isZero();
		}
	}

	@Test
	void aUnicastSinkOverItReportsOverflowAtCapacity() {
		Sinks.Many<Integer> sink = Sinks.many().unicast().onBackpressureBuffer(new GrowingBoundedQueue<>(8));
		List<Integer> received = new ArrayList<>();
		// A subscriber that requests nothing yet, as a socket that does not keep up.
		BaseSubscriber<Integer> reader = new BaseSubscriber<>() {
			@Override
			protected void hookOnSubscribe(Subscription subscription) {
			}

			@Override
			protected void hookOnNext(Integer value) {
				received.add(value);
			}
		};
		sink.asFlux().subscribe(reader);
		for (int i = 0; i < 8; i++) {
			assertThat(sink.tryEmitNext(i)).isEqualTo(Sinks.EmitResult.OK);
		}

		assertThat(sink.tryEmitNext(8)).isEqualTo(Sinks.EmitResult.FAIL_OVERFLOW);
		reader.request(Long.MAX_VALUE);
		assertThat(received).containsExactly(0, 1, 2, 3, 4, 5, 6, 7);
		assertThat(sink.tryEmitNext(9)).isEqualTo(Sinks.EmitResult.OK);
		assertThat(received).endsWith(9);
	}

	@Test
	void idleMembersTakeNoMemoryForTheirCapacity() {
		// Preallocated, a million slots each would be 4 MB per member: 40 GB for these, far past any test heap.
		List<SharedSubscriptions.Member> members = new ArrayList<>();
		for (int i = 0; i < 10_000; i++) {
			members.add(new SharedSubscriptions.Member(null, 1 << 20));
		}
		SharedSubscriptions.Member last = members.get(members.size() - 1);
		last.start = 0;
		last.offer(SharedSubscriptionsTests.result(1), 1L);

		assertThat(last.flux().take(1).map(result -> (Object) ((java.util.Map<?, ?>) result.getData()).get("n"))
			.collectList()
			.block(Duration.ofSeconds(5))).containsExactly(1);
	}

}
