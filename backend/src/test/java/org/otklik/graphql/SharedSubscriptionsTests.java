package org.otklik.graphql;

import java.time.Duration;
import java.util.List;
import java.util.Map;

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
