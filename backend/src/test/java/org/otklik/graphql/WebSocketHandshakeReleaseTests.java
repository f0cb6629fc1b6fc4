package org.otklik.graphql;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.netty.Connection;
import reactor.netty.DisposableServer;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An upgraded socket lets go of its handshake's headers and still works; Reactor Netty's send prefetch is
 * lowered unless set on the command line.
 */
class WebSocketHandshakeReleaseTests {

	@Test
	void handshakeHeadersAreEmptiedAndTheSocketStillAnswers() {
		AtomicInteger requestBefore = new AtomicInteger(-1);
		AtomicInteger responseBefore = new AtomicInteger(-1);
		AtomicInteger requestAfter = new AtomicInteger(-1);
		AtomicInteger responseAfter = new AtomicInteger(-1);
		DisposableServer server = HttpServer.create().host("127.0.0.1").port(0)
			// A header added before the upgrade, as the security filters add theirs.
			.route(routes -> routes.get("/ws", (upgrade, upgraded) -> upgraded.header("X-Frame-Options", "DENY").sendWebsocket((in, out) -> {
				HttpServerRequest request = (HttpServerRequest) in;
				HttpServerResponse response = (HttpServerResponse) out;
				requestBefore.set(request.requestHeaders().size());
				responseBefore.set(response.responseHeaders().size());
				in.withConnection((Connection connection) -> WebSocketUpgrades.releaseHandshakeHeaders(connection.channel()));
				requestAfter.set(request.requestHeaders().size());
				responseAfter.set(response.responseHeaders().size());
				return out.sendString(in.receive().asString().map(text -> "echo " + text));
			})))
			.bindNow();
		try {
			String answer = HttpClient.create().headers(headers -> headers.add("X-Test", "kept by Spring's copy only"))
				.websocket()
				.uri("ws://127.0.0.1:" + server.port() + "/ws")
				.handle((in, out) -> out.sendString(Mono.just("hi")).then()
					.thenMany(in.receive().asString().take(1)))
				.blockFirst(Duration.ofSeconds(30));
			assertThat(answer).isEqualTo("echo hi");
			assertThat(requestBefore.get()).isPositive();
			assertThat(responseBefore.get()).isPositive();
			assertThat(requestAfter.get()).isZero();
			assertThat(responseAfter.get()).isZero();
		}
		finally {
			server.disposeNow();
		}
	}

	@Test
	void sendPrefetchIsLoweredUnlessSetOnTheCommandLine() {
		String was = System.getProperty(WebSocketUpgrades.SEND_PREFETCH_PROPERTY);
		try {
			System.clearProperty(WebSocketUpgrades.SEND_PREFETCH_PROPERTY);
			assertThat(WebSocketUpgrades.limitSendPrefetch()).isTrue();
			assertThat(System.getProperty(WebSocketUpgrades.SEND_PREFETCH_PROPERTY)).isEqualTo("32");
			System.setProperty(WebSocketUpgrades.SEND_PREFETCH_PROPERTY, "64");
			assertThat(WebSocketUpgrades.limitSendPrefetch()).isFalse();
			assertThat(System.getProperty(WebSocketUpgrades.SEND_PREFETCH_PROPERTY)).isEqualTo("64");
		}
		finally {
			if (was == null) {
				System.clearProperty(WebSocketUpgrades.SEND_PREFETCH_PROPERTY);
			}
			else {
				System.setProperty(WebSocketUpgrades.SEND_PREFETCH_PROPERTY, was);
			}
		}
	}

}
