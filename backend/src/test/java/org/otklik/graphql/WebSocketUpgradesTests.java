package org.otklik.graphql;

import java.util.Map;

import io.micrometer.observation.ObservationPredicate;
import org.junit.jupiter.api.Test;

import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.http.server.reactive.MockServerHttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** WebSocket upgrades are not observed as HTTP server requests; every other request still is. */
class WebSocketUpgradesTests {

	private final ObservationPredicate predicate = new WebSocketUpgrades().noWebSocketUpgradeObservations();

	@Test
	void upgradeRequestsAreNotObserved() {
		MockServerHttpRequest upgrade = MockServerHttpRequest.get("/graphql").header("Upgrade", "WebSocket")
			.header("Connection", "Upgrade").build();
		assertThat(this.predicate.test("http.server.requests", context(upgrade))).isFalse();
	}

	@Test
	void otherRequestsAreObserved() {
		assertThat(this.predicate.test("http.server.requests", context(MockServerHttpRequest.post("/graphql").build())))
			.isTrue();
		assertThat(this.predicate.test("http.server.requests",
				context(MockServerHttpRequest.get("/graphql").header("Upgrade", "h2c").build()))).isTrue();
		assertThat(this.predicate.test("graphql.request", new io.micrometer.observation.Observation.Context())).isTrue();
	}

	private static ServerRequestObservationContext context(MockServerHttpRequest request) {
		return new ServerRequestObservationContext(request, new MockServerHttpResponse(), Map.of());
	}

}
