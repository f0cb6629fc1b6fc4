package org.otklik.security;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * GraphQL over WebSocket authenticates in {@code connection_init}: no valid token, no connection; a valid
 * one makes the caller visible to data fetchers; an expiring one closes the socket when it expires.
 */
@SecurityIntegrationTest
class WebSocketAuthIntegrationTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	@LocalServerPort
	int port;

	@Autowired
	IdentityKeys keys;

	@Autowired
	SecurityProperties properties;

	TestTokens tokens;

	@BeforeEach
	void tokens() {
		this.tokens = new TestTokens(this.keys, this.properties);
	}

	@Test
	void connectionWithoutTokenIsClosedWith4401() {
		GraphQlWsSession session = GraphQlWsSession.run(uri(""), "{}", (message, ws) -> {
		}, TIMEOUT);
		assertThat(session.received()).noneMatch(message -> message.contains("connection_ack"));
		assertThat(session.closeStatus().getCode()).isEqualTo(4401);
		assertThat(session.closeStatus().getReason()).isEqualTo("Unauthorized");
	}

	@Test
	void connectionWithInvalidTokenIsClosedWith4401() {
		String expired = this.tokens.builder("curator", null, null, List.of(Role.CURATOR))
			.expiresAt(Instant.now().minus(Duration.ofMinutes(5)))
			.sign();
		for (String payload : List.of("{\"Authorization\":\"Bearer not-a-jwt\"}",
				"{\"Authorization\":\"Bearer " + expired + "\"}", "{\"Authorization\":\"Basic Y3VyYXRvcjpkZW1v\"}")) {
			GraphQlWsSession session = GraphQlWsSession.run(uri(""), payload, (message, ws) -> {
			}, TIMEOUT);
			assertThat(session.closeStatus().getCode()).as(payload).isEqualTo(4401);
		}
	}

	@Test
	void tokenInTheUrlIsIgnored() {
		GraphQlWsSession session = GraphQlWsSession.run(uri("?access_token=" + this.tokens.curator()), "{}",
				(message, ws) -> {
				}, TIMEOUT);
		assertThat(session.closeStatus().getCode()).isEqualTo(4401);
	}

	@Test
	void subscribeBeforeConnectionInitIsRefused() {
		GraphQlWsSession session = GraphQlWsSession.run(uri(""), null, (message, ws) -> {
		}, TIMEOUT, ws -> ws.subscribe("1", "{ __typename }"));
		assertThat(session.closeStatus().getCode()).isEqualTo(4401);
	}

	@Test
	void bearerTokenInConnectionInitAuthenticatesQueries() {
		String token = this.tokens.executor("MINZDRAV");
		GraphQlWsSession session = query("{\"Authorization\":\"Bearer " + token + "\"}",
				"{ __typename securityProbe { id roles agency } }");
		String next = session.received().stream().filter(m -> m.contains("\"next\"")).findFirst().orElseThrow();
		assertThat((String) JsonPath.read(next, "$.payload.data.__typename")).isEqualTo("Query");
		assertThat((String) JsonPath.read(next, "$.payload.data.securityProbe.id")).isEqualTo("exec.minzdrav");
		assertThat((List<String>) JsonPath.read(next, "$.payload.data.securityProbe.roles")).containsExactly("EXECUTOR");
		assertThat((String) JsonPath.read(next, "$.payload.data.securityProbe.agency")).isEqualTo("MINZDRAV");
	}

	@Test
	void tokenKeyInConnectionInitIsAcceptedToo() {
		GraphQlWsSession session = query("{\"token\":\"" + this.tokens.curator() + "\"}",
				"{ securityProbe { roles } }");
		assertThat(session.received()).anyMatch(m -> m.contains("\"next\"") && m.contains("CURATOR"));
	}

	@Test
	void authenticatedSocketMayIntrospect() {
		GraphQlWsSession session = query("{\"token\":\"" + this.tokens.curator() + "\"}",
				"{ __schema { queryType { name } } }");
		assertThat(session.received()).anyMatch(m -> m.contains("\"queryType\":{\"name\":\"Query\"}"));
	}

	@Test
	void socketIsClosedWhenItsTokenExpires() {
		String shortLived = this.tokens.builder("curator", null, null, List.of(Role.CURATOR))
			// Long enough to connect on a loaded machine before it expires (2 s was not always); `exp` has whole
			// seconds, so it expires at least 4 s from now.
			.expiresAt(Instant.now().plusSeconds(5))
			.sign();
		long started = System.nanoTime();
		// The session ends when the server closes it; the bound only stops a hang.
		GraphQlWsSession session = GraphQlWsSession.run(uri(""), "{\"Authorization\":\"Bearer " + shortLived + "\"}",
				(message, ws) -> {
				}, Duration.ofSeconds(60));
		Duration open = Duration.ofNanos(System.nanoTime() - started);
		assertThat(session.received()).anyMatch(m -> m.contains("connection_ack"));
		assertThat(session.closeStatus().getCode()).isEqualTo(4401);
		assertThat(session.closeStatus().getReason()).isEqualTo("Token expired");
		// Not before the expiry. No upper bound: the reason says what closed it, and a wall-clock limit
		// only measures the machine's load.
		assertThat(open).isGreaterThanOrEqualTo(Duration.ofMillis(3900));
	}

	@Test
	void connectionInitSentRightAfterTheHandshakeIsNeverLost() {
		// Regression: when the security chain touched the WebSession, the upgrade finished off the event loop
		// and Reactor Netty dropped about one connection_init in eight.
		String token = this.tokens.curator();
		for (int i = 0; i < 30; i++) {
			GraphQlWsSession session = GraphQlWsSession.run(uri(""), "{\"token\":\"" + token + "\"}",
					(message, ws) -> ws.close(), Duration.ofSeconds(3));
			assertThat(session.received()).as("connection %d", i).anyMatch(m -> m.contains("connection_ack"));
		}
	}

	private GraphQlWsSession query(String initPayload, String query) {
		return GraphQlWsSession.run(uri(""), initPayload, (message, ws) -> {
			if (message.contains("connection_ack")) {
				ws.subscribe("1", query);
			}
			else if (message.contains("\"complete\"") || message.contains("\"error\"")) {
				ws.close();
			}
		}, TIMEOUT);
	}

	private URI uri(String query) {
		return URI.create("ws://localhost:" + this.port + "/graphql" + query);
	}

}
