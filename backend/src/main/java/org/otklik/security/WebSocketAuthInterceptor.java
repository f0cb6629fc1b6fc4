package org.otklik.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;


import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.server.WebSocketGraphQlInterceptor;
import org.springframework.graphql.server.WebSocketGraphQlRequest;
import org.springframework.graphql.server.WebSocketSessionInfo;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.authentication.CredentialsExpiredException;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.socket.CloseStatus;
import org.springframework.web.reactive.socket.WebSocketSession;

/**
 * Authenticates GraphQL over WebSocket. Browsers cannot put headers on a WebSocket handshake and tokens
 * must not travel in URLs (they end up in logs), so the token arrives in the {@code connection_init}
 * payload, as {@code {"Authorization": "Bearer …"}} or {@code {"token": "…"}}. It is checked with the same
 * decoder and mapping as HTTP; without a valid token the socket is closed with {@code 4401 Unauthorized}.
 * The socket is closed with {@code 4401 Token expired} when the token expires, so a client reconnects with
 * a fresh one instead of listening on a stale identity.
 * <p>
 * Spring for GraphQL allows only one {@link WebSocketGraphQlInterceptor}; this is it.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class WebSocketAuthInterceptor implements WebSocketGraphQlInterceptor {

	/** Session attribute holding the {@link CallerAuthentication} of the socket. */
	public static final String AUTHENTICATION = WebSocketAuthInterceptor.class.getName() + ".authentication";

	/**
	 * Key of the socket's {@link WebSocketSession} in its session attributes, put there by the GraphQL
	 * WebSocket handler, so that an expired token's socket can be closed with a reason.
	 */
	public static final String SESSION = "org.otklik.websocket.session";

	/** Close code for a missing, invalid or expired token (graphql-ws uses 4401 for "Unauthorized"). */
	public static final int UNAUTHORIZED = 4401;

	/** Close status sent when the socket's token expires. */
	public static final CloseStatus TOKEN_EXPIRED = new CloseStatus(UNAUTHORIZED, "Token expired");

	private static final Logger log = LoggerFactory.getLogger(WebSocketAuthInterceptor.class);

	private static final String BEARER = "bearer ";

	private final ReactiveJwtDecoder decoder;

	private final JwtCallerConverter converter = new JwtCallerConverter();

	private final Clock clock;

	/** Timers that close sockets when their tokens expire, by WebSocket session id. */
	private final ConcurrentMap<String, Disposable> expiryTimers = new ConcurrentHashMap<>();

	@Autowired
	public WebSocketAuthInterceptor(ReactiveJwtDecoder decoder) {
		this(decoder, Clock.systemUTC());
	}

	WebSocketAuthInterceptor(ReactiveJwtDecoder decoder, Clock clock) {
		this.decoder = decoder;
		this.clock = clock;
	}

	@Override
	public Mono<Object> handleConnectionInitialization(WebSocketSessionInfo sessionInfo, Map<String, Object> payload) {
		String token = token(payload);
		if (token == null) {
			// Any error makes Spring for GraphQL close the socket with 4401 "Unauthorized".
			return Mono.error(new AuthenticationCredentialsNotFoundException("No token in connection_init"));
		}
		return this.decoder.decode(token).flatMap(this.converter::convert).doOnNext(authentication -> {
			sessionInfo.getAttributes().put(AUTHENTICATION, authentication);
			scheduleClose(sessionInfo, authentication.jwt().getExpiresAt());
			forgetToken(payload);
		}).doOnError(ex -> log.debug("WebSocket connection refused: {}", ex.getMessage())).then(Mono.empty());
	}

	@Override
	public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
		if (!(request instanceof WebSocketGraphQlRequest webSocketRequest)) {
			return chain.next(request);
		}
		Object attribute = webSocketRequest.getSessionInfo().getAttributes().get(AUTHENTICATION);
		if (!(attribute instanceof CallerAuthentication authentication)) {
			// A subscribe that raced ahead of a failed or pending connection_init.
			return Mono.error(new AuthenticationCredentialsNotFoundException("The WebSocket is not authenticated"));
		}
		Instant expiresAt = authentication.jwt().getExpiresAt();
		if (expiresAt != null && !expiresAt.isAfter(this.clock.instant())) {
			// The close is scheduled, but a request may slip in just before it.
			return Mono.error(new CredentialsExpiredException("Token expired"));
		}
		return chain.next(request).contextWrite(ReactiveSecurityContextHolder.withAuthentication(authentication));
	}

	@Override
	public void handleConnectionClosed(WebSocketSessionInfo sessionInfo, int statusCode,
			Map<String, Object> connectionInitPayload) {
		Disposable timer = this.expiryTimers.remove(sessionInfo.getId());
		if (timer != null) {
			timer.dispose();
		}
	}

	private void scheduleClose(WebSocketSessionInfo sessionInfo, Instant expiresAt) {
		if (expiresAt == null || !(sessionInfo.getAttributes().get(SESSION) instanceof WebSocketSession session)) {
			return;
		}
		Duration delay = Duration.between(this.clock.instant(), expiresAt);
		Disposable timer = Mono.delay(delay.isNegative() ? Duration.ZERO : delay).subscribe(tick -> {
			this.expiryTimers.remove(sessionInfo.getId());
			// A subscription of its own: closing completes the session, which disposes this timer, and a
			// close that is cancelled mid-way loses its frame (the client would see 1006 instead of 4401).
			session.close(TOKEN_EXPIRED)
				.subscribe(null, ex -> log.debug("Could not close WebSocket {}: {}", sessionInfo.getId(), ex.getMessage()));
		});
		Disposable previous = this.expiryTimers.put(sessionInfo.getId(), timer);
		if (previous != null) {
			previous.dispose();
		}
	}

	/**
	 * Drops the token from the {@code connection_init} payload once it is checked: Spring's handler keeps the
	 * payload for as long as the socket is open (for {@link #handleConnectionClosed}), which made every open
	 * socket hold its token's text twice (the decoded {@code Jwt} has it too) for nothing.
	 */
	static void forgetToken(Map<String, Object> payload) {
		try {
			payload.keySet().removeIf(key -> "authorization".equalsIgnoreCase(key) || "token".equals(key));
		}
		catch (UnsupportedOperationException ex) {
			// An immutable payload (not what Spring's decoder produces) keeps its token.
		}
	}

	/** The token from {@code Authorization: Bearer …} (any letter case) or {@code token}, or null. */
	static String token(Map<String, Object> payload) {
		if (payload == null) {
			return null;
		}
		for (Map.Entry<String, Object> entry : payload.entrySet()) {
			if ("authorization".equalsIgnoreCase(entry.getKey()) && entry.getValue() instanceof String value
					&& value.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
				String token = value.substring(BEARER.length()).trim();
				return token.isEmpty() ? null : token;
			}
		}
		Object token = payload.get("token");
		return (token instanceof String value && !value.isBlank()) ? value.trim() : null;
	}

}
