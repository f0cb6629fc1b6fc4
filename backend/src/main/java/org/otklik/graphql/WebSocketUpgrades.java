package org.otklik.graphql;

import io.micrometer.observation.ObservationPredicate;
import reactor.core.publisher.Mono;
import reactor.util.context.Context;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Lets a WebSocket keep nothing of its upgrade request beyond what the socket itself needs (its handshake info).
 * <ul>
 * <li>No HTTP server observation for upgrades: WebFlux observes the upgrade as one request that lasts as long
 * as the socket, an open observation per idle subscriber and, at the end, an {@code http.server.requests}
 * sample whose duration is the socket's lifetime, which no latency figure should include. The GraphQL
 * operations over the socket keep their own {@code graphql.request} observations.</li>
 * <li>The upgrade's handler runs with an empty Reactor context: Reactor Netty keeps the context its WebSocket
 * handler was subscribed with for the socket's life, and the filter chain's context holds the exchange (the
 * request with its headers, URI and cookies, the exchange attributes, the security filters' wrappers). Nothing
 * over the socket reads it: the caller comes from {@code connection_init}, and {@code WebSocketAuthInterceptor}
 * puts it into each operation's context.</li>
 * </ul>
 * About 1.3 KB less held by every open socket ({@code bench/session-heap.mjs}).
 */
@Configuration(proxyBeanMethods = false)
public class WebSocketUpgrades {

	@Bean
	ObservationPredicate noWebSocketUpgradeObservations() {
		return (name, context) -> !(context instanceof ServerRequestObservationContext server
				&& server.getCarrier() != null && isUpgrade(server.getCarrier()));
	}

	@Bean
	WebFilter webSocketUpgradeWithoutRequestContext() {
		return new UpgradeContextFilter();
	}

	static boolean isUpgrade(ServerHttpRequest request) {
		return "websocket".equalsIgnoreCase(request.getHeaders().getUpgrade());
	}

	/** Last of the filters, so that every filter before it (security included) ran with its context. */
	static final class UpgradeContextFilter implements WebFilter, Ordered {

		@Override
		public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
			if (!isUpgrade(exchange.getRequest())) {
				return chain.filter(exchange);
			}
			return chain.filter(exchange).contextWrite(upgrade -> Context.empty());
		}

		@Override
		public int getOrder() {
			return Ordered.LOWEST_PRECEDENCE;
		}

	}

}
