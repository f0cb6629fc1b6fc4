package org.otklik.security;

import java.util.Map;

import reactor.core.publisher.Mono;

import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.server.WebSocketGraphQlInterceptor;
import org.springframework.graphql.server.WebSocketGraphQlRequest;
import org.springframework.graphql.server.WebSocketSessionInfo;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.stereotype.Component;

/**
 * Authenticates WebSocket clients from the {@code connection_init} payload (never from the URL, which
 * ends up in logs) with the same decoder as HTTP, and runs every operation on that socket as the caller.
 * A connection without a valid token is closed by Spring for GraphQL with 4401 Unauthorized.
 */
@Component
public class WebSocketAuthentication implements WebSocketGraphQlInterceptor {

	static final String AUTHENTICATION = WebSocketAuthentication.class.getName() + ".authentication";

	private final ReactiveJwtDecoder decoder;

	private final JwtCallerConverter converter = new JwtCallerConverter();

	public WebSocketAuthentication(ReactiveJwtDecoder decoder) {
		this.decoder = decoder;
	}

	@Override
	public Mono<Object> handleConnectionInitialization(WebSocketSessionInfo session, Map<String, Object> payload) {
		String token = bearer(payload);
		if (token == null) {
			return Mono.error(new AuthenticationCredentialsNotFoundException("No token in connection_init"));
		}
		return this.decoder.decode(token)
			.flatMap(this.converter::convert)
			.doOnNext(auth -> session.getAttributes().put(AUTHENTICATION, auth))
			.map(auth -> (Object) Map.of());
	}

	@Override
	public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
		if (request instanceof WebSocketGraphQlRequest ws
				&& ws.getSessionInfo().getAttributes().get(AUTHENTICATION) instanceof CallerAuthentication auth) {
			return chain.next(request).contextWrite(ReactiveSecurityContextHolder.withAuthentication(auth));
		}
		return chain.next(request);
	}

	static String bearer(Map<String, Object> payload) {
		if (payload == null) {
			return null;
		}
		Object value = payload.get("Authorization");
		if (value == null) {
			value = payload.get("authorization");
		}
		if (value instanceof String header && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
			return header.substring(7).trim();
		}
		if (payload.get("token") instanceof String token && !token.isBlank()) {
			return token;
		}
		return null;
	}

}
