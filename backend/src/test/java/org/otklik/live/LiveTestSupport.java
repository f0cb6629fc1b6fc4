package org.otklik.live;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import org.otklik.support.IntegrationTestSupport;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.client.WebSocketGraphQlClient;
import org.springframework.graphql.client.WebSocketGraphQlClientInterceptor;
import org.springframework.web.reactive.socket.client.ReactorNettyWebSocketClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Subscribes over a real WebSocket (graphql-transport-ws) with a token in {@code connection_init}. */
abstract class LiveTestSupport extends IntegrationTestSupport {

	static final String EVENT_FIELDS = "{ cursor type at appeal { id status version agency { code } } }";

	@Autowired
	LiveService live;

	static WebSocketGraphQlClient webSocket(String url, String token) {
		return WebSocketGraphQlClient.builder(URI.create(url), new ReactorNettyWebSocketClient())
			.interceptor(new WebSocketGraphQlClientInterceptor() {
				@Override
				public Mono<Object> connectionInitPayload() {
					return Mono.just(Map.of("Authorization", "Bearer " + token));
				}
			})
			.build();
	}

	Flux<Map> subscribe(String token, String field, String arguments) {
		String document = "subscription { " + field + (arguments.isEmpty() ? "" : "(" + arguments + ")") + " "
				+ EVENT_FIELDS + " }";
		return webSocket(webSocketUrl(), token).document(document).retrieveSubscription(field).toEntity(Map.class);
	}

	/** Waits until the server has registered this many subscribers, so no event races the subscription. */
	void awaitSubscribers(LiveService service, int expected) {
		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		while (service.subscriberCount() < expected && System.nanoTime() < deadline) {
			sleep(20);
		}
		assertThat(service.subscriberCount()).as("subscribers registered").isGreaterThanOrEqualTo(expected);
	}

	static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	static String id(Map<?, ?> event) {
		return (String) ((Map<?, ?>) event.get("appeal")).get("id");
	}

	static int version(Map<?, ?> event) {
		return (Integer) ((Map<?, ?>) event.get("appeal")).get("version");
	}

	Map<String, Object> change(String mutation, Map<String, Object> input) {
		return org.otklik.appeal.AppealLifecycleIntegrationTestsAccess.ok(curator(), mutation, input);
	}

}
