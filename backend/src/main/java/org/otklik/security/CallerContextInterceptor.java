package org.otklik.security;

import java.util.Optional;

import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;

/**
 * Resolves the caller once per GraphQL request (HTTP or WebSocket) into the Reactor context that Spring
 * for GraphQL hands to every data fetcher, where {@link CallerResolver#current()} reads it. The checks stay
 * where they are; only the lookup is shared. Runs inside {@link WebSocketAuthInterceptor}, which puts the
 * socket's authentication into the context; a request without a caller passes unchanged.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
public class CallerContextInterceptor implements WebGraphQlInterceptor {

	@Override
	public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
		return CallerResolver.fromSecurityContext()
			.map(Optional::of)
			.defaultIfEmpty(Optional.empty())
			.flatMap(caller -> caller
				.map(known -> chain.next(request).contextWrite(context -> context.put(CallerResolver.CONTEXT_KEY, known)))
				.orElseGet(() -> chain.next(request)));
	}

}
