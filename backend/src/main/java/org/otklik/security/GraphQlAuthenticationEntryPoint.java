package org.otklik.security;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.BearerTokenError;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.web.server.ServerWebExchange;

/**
 * Answers a request to {@code /graphql} without a valid token as a GraphQL client can read it: 401 with a
 * {@code WWW-Authenticate: Bearer} challenge (RFC 6750, with {@code error="invalid_token"} when a token was
 * sent but refused) and a JSON body {@code {"errors":[{"message":…,"extensions":{"classification":"UNAUTHORIZED",
 * "errorDetail":"UNAUTHENTICATED"}}]}}, the same classification a GraphQL error for a missing caller has.
 * Spring's own bearer entry point sends the header with an empty body, which GraphQL clients report as a
 * network error.
 */
public class GraphQlAuthenticationEntryPoint implements ServerAuthenticationEntryPoint {

	@Override
	public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException ex) {
		return Mono.defer(() -> {
			HttpStatus status = HttpStatus.UNAUTHORIZED;
			Map<String, String> parameters = new LinkedHashMap<>();
			String message = "Требуется вход в систему";
			if (ex instanceof OAuth2AuthenticationException oauth) {
				parameters.put("error", oauth.getError().getErrorCode());
				if (oauth.getError() instanceof BearerTokenError bearer) {
					status = bearer.getHttpStatus();
					parameters.put("error_description", bearer.getDescription());
				}
				message = "Токен доступа отклонён: войдите заново";
			}
			ServerHttpResponse response = exchange.getResponse();
			response.setStatusCode(status);
			response.getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, challenge(parameters));
			response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
			String body = "{\"errors\":[{\"message\":\"" + message + "\",\"extensions\":{\"classification\":\""
					+ ((status == HttpStatus.FORBIDDEN) ? "FORBIDDEN" : (status == HttpStatus.BAD_REQUEST) ? "BAD_REQUEST" : "UNAUTHORIZED")
					// The value of org.otklik.graphql.ErrorDetail.UNAUTHENTICATED (security cannot depend on graphql).
					+ "\",\"errorDetail\":\"UNAUTHENTICATED\"}}]}";
			return response.writeWith(Mono.just(response.bufferFactory().wrap(body.getBytes(StandardCharsets.UTF_8))));
		});
	}

	private static String challenge(Map<String, String> parameters) {
		StringBuilder header = new StringBuilder("Bearer");
		String separator = " ";
		for (Map.Entry<String, String> parameter : parameters.entrySet()) {
			if (parameter.getValue() == null) {
				continue;
			}
			// Quotes and backslashes cannot appear in a quoted-string unescaped; descriptions come from the decoder.
			String value = parameter.getValue().replace("\\", "\\\\").replace("\"", "\\\"");
			header.append(separator).append(parameter.getKey()).append("=\"").append(value).append('"');
			separator = ", ";
		}
		return header.toString();
	}

}
