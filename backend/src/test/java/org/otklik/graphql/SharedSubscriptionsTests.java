package org.otklik.graphql;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import graphql.ExecutionResult;
import graphql.ExecutionResultImpl;
import graphql.GraphqlErrorBuilder;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.support.StaticListableBeanFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SharedSubscriptionsTests {

	static ExecutionResult result(int n) {
		return ExecutionResultImpl.newExecutionResult().data(Map.of("n", n)).build();
	}

	@Test
	void aMemberGetsOnlyEventsAfterThePositionItJoinedAt() {
		SharedSubscriptions.Member member = new SharedSubscriptions.Member(null, 8);
		member.offer(result(0), 5L);
		member.start = 10;
		for (long position = 9; position <= 12; position++) {
			member.offer(result((int) position), position);
		}
		List<ExecutionResult> received = member.flux().take(2).collectList().block(Duration.ofSeconds(5));
		assertThat(received).extracting(r -> (Object) ((Map<?, ?>) r.getData()).get("n")).containsExactly(11, 12);
	}

	@Test
	void positionsCompareUnsignedLikeClusterTimes() {
		SharedSubscriptions.Member member = new SharedSubscriptions.Member(null, 8);
		member.start = 0x7FFF_FFFF_FFFF_FFFFL;
		member.offer(result(1), 0x8000_0000_0000_0000L);
		assertThat(member.flux().take(1).collectList().block(Duration.ofSeconds(5))).hasSize(1);
	}

	@Test
	void aMemberThatOverflowsIsCutWithTheSlowSubscriberReason() {
		// More than any bounded queue Reactor rounds 8 up to.
		SharedSubscriptions.Member member = new SharedSubscriptions.Member(null, 8);
		member.start = 0;
		for (int i = 1; i <= 1000; i++) {
			member.offer(result(i), (long) i);
		}
		assertThatThrownBy(() -> member.flux().collectList().block(Duration.ofSeconds(5)))
			.isInstanceOfSatisfying(OtklikException.class, ex -> assertThat(ex.detail()).isEqualTo(ErrorDetail.SLOW_SUBSCRIBER));
	}

	@Test
	void membersOnEventLoopsGetEveryEventInOrderThereAndASlowOneIsCutAlone() throws Exception {
		ExecutorService loopA = Executors.newSingleThreadExecutor(runnable -> new Thread(runnable, "loop-a"));
		ExecutorService loopB = Executors.newSingleThreadExecutor(runnable -> new Thread(runnable, "loop-b"));
		try {
			SharedSubscriptions shared = new SharedSubscriptions(
					new StaticListableBeanFactory().getBeanProvider(SubscriptionSource.class), JsonMapper.builder().build(),
					new SimpleMeterRegistry());
			SharedSubscriptions.Group group = shared.new Group(new SharedSubscriptions.Key("subscription { x }", null, Map.of(),
					java.util.Locale.ROOT, java.util.Set.of(), null, null, null));
			SharedSubscriptions.Member reader = new SharedSubscriptions.Member(null, 2048, loopA);
			SharedSubscriptions.Member slow = new SharedSubscriptions.Member(null, 8, loopB);
			for (SharedSubscriptions.Member member : List.of(reader, slow)) {
				member.start = 0;
				member.group = group;
				group.members.add(member);
			}
			List<String> threads = new java.util.concurrent.CopyOnWriteArrayList<>();
			var received = reader.flux().doOnNext(result -> threads.add(Thread.currentThread().getName()))
				.map(result -> (Object) ((Map<?, ?>) result.getData()).get("n"))
				.take(1000)
				.collectList()
				.toFuture();
			// The slow member never reads: more than its buffer holds arrives.
			for (int i = 1; i <= 1000; i++) {
				group.emit(result(i));
			}
			assertThat(received.get(10, java.util.concurrent.TimeUnit.SECONDS))
				.containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, 1000).boxed().map(Object.class::cast).toList());
			assertThat(threads).as("delivered on the member's loop").containsOnly("loop-a");
			assertThatThrownBy(() -> slow.flux().collectList().block(Duration.ofSeconds(5)))
				.isInstanceOfSatisfying(OtklikException.class, ex -> assertThat(ex.detail()).isEqualTo(ErrorDetail.SLOW_SUBSCRIBER));
			assertThat(group.members).doesNotContain(slow);
		}
		finally {
			loopA.shutdownNow();
			loopB.shutdownNow();
		}
	}

	@Test
	void dataIsSerialisedOnceIntoTheSameJsonAsBefore() {
		JsonMapper json = JsonMapper.builder().build();
		SharedSubscriptions shared = new SharedSubscriptions(
				new StaticListableBeanFactory().getBeanProvider(SubscriptionSource.class), json, new SimpleMeterRegistry());
		ExecutionResult plain = ExecutionResultImpl.newExecutionResult()
			.data(Map.of("appealReceived", Map.of("cursor", "abc", "appeal", Map.of("id", "1", "text", "Кран \"течёт\""))))
			.build();
		ExecutionResult once = shared.serialisedOnce(plain);
		assertThat(once).isNotSameAs(plain);
		assertThat(json.writeValueAsString(once.toSpecification())).isEqualTo(json.writeValueAsString(plain.toSpecification()));

		ExecutionResult failed = ExecutionResultImpl.newExecutionResult()
			.addError(GraphqlErrorBuilder.newError().message("нет").build())
			.build();
		assertThat(shared.serialisedOnce(failed)).as("results with errors stay as they are").isSameAs(failed);
	}

}
