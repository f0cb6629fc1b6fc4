package org.otklik.security;

import java.net.InetSocketAddress;
import java.net.URI;
import java.security.Principal;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.graphql.server.WebSocketSessionInfo;
import org.springframework.http.HttpHeaders;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What the WebSocket authentication keeps of a {@code connection_init} payload, which Spring holds per open socket. */
class WebSocketAuthInterceptorTests {

	private static final ReactiveJwtDecoder DECODER = token -> "good".equals(token)
			? Mono.just(Jwt.withTokenValue(token).header("alg", "none").subject("curator-1")
				.claim("realm_access", Map.of("roles", java.util.List.of(Role.CURATOR.realmRole())))
				.expiresAt(Instant.now().plus(Duration.ofHours(1))).build())
			: Mono.error(new BadJwtException("bad"));

	private final WebSocketAuthInterceptor interceptor = new WebSocketAuthInterceptor(DECODER);

	@Test
	void anAcceptedTokenIsDroppedFromThePayloadAndTheCallerKept() {
		for (String key : new String[] { "Authorization", "authorization", "token" }) {
			Map<String, Object> payload = new LinkedHashMap<>();
			payload.put(key, "token".equals(key) ? "good" : "Bearer good");
			payload.put("client", "pwa");
			Info session = new Info();

			this.interceptor.handleConnectionInitialization(session, payload).block(Duration.ofSeconds(5));

			assertThat(payload).as(key).containsOnlyKeys("client");
			assertThat(session.getAttributes().get(WebSocketAuthInterceptor.AUTHENTICATION))
				.isInstanceOfSatisfying(CallerAuthentication.class, auth -> assertThat(auth.caller().roles()).containsExactly(Role.CURATOR));
		}
	}

	@Test
	void aRefusedTokenAuthenticatesNothing() {
		Map<String, Object> payload = new LinkedHashMap<>(Map.of("Authorization", "Bearer bad"));
		Info session = new Info();

		assertThatThrownBy(() -> this.interceptor.handleConnectionInitialization(session, payload).block(Duration.ofSeconds(5)))
			.isInstanceOf(BadJwtException.class);
		assertThat(session.getAttributes()).doesNotContainKey(WebSocketAuthInterceptor.AUTHENTICATION);
	}

	@Test
	void anImmutablePayloadKeepsItsToken() {
		Map<String, Object> payload = Map.of("token", "good");

		this.interceptor.handleConnectionInitialization(new Info(), payload).block(Duration.ofSeconds(5));

		assertThat(payload).containsKey("token");
	}

	/** A session without a socket: no expiry timer is scheduled. */
	private static final class Info implements WebSocketSessionInfo {

		private final Map<String, Object> attributes = new ConcurrentHashMap<>();

		@Override
		public String getId() {
			return "1";
		}

		@Override
		public Map<String, Object> getAttributes() {
			return this.attributes;
		}

		@Override
		public URI getUri() {
			return URI.create("ws://localhost/graphql");
		}

		@Override
		public HttpHeaders getHeaders() {
			return new HttpHeaders();
		}

		@Override
		public Mono<Principal> getPrincipal() {
			return Mono.empty();
		}

		@Override
		public InetSocketAddress getRemoteAddress() {
			return null;
		}

	}

}
