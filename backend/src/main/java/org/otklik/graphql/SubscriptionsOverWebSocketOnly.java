package org.otklik.graphql;

import java.util.Map;

import graphql.GraphqlErrorBuilder;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.server.WebSocketGraphQlRequest;
import org.springframework.stereotype.Component;

/**
 * Refuses a subscription sent as a plain HTTP request. graphql-java answers it with a publisher as its
 * data, which Spring's HTTP handler serialised as the publisher's own fields; the client got 200 and a
 * meaningless object. Now it gets a {@code BAD_REQUEST} error naming the WebSocket endpoint, and the
 * publisher, never subscribed to, costs nothing.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 60)
public class SubscriptionsOverWebSocketOnly implements WebGraphQlInterceptor {

	@Override
	public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
		if (request instanceof WebSocketGraphQlRequest) {
			return chain.next(request);
		}
		return chain.next(request).map(response -> {
			if (!(response.getExecutionResult().getData() instanceof Publisher<?>)) {
				return response;
			}
			return response.transform(builder -> builder.data(null)
				.errors(java.util.List.of(GraphqlErrorBuilder.newError()
					.errorType(ErrorType.BAD_REQUEST)
					.message("Подписки работают только через WebSocket (протокол graphql-transport-ws) по адресу /graphql")
					.extensions(Map.of("errorDetail", ErrorDetail.INVALID_ARGUMENT.name()))
					.build())));
		});
	}

}
