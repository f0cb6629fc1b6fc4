package org.otklik.graphql;

import io.micrometer.observation.ObservationPredicate;
import io.netty.channel.Channel;
import reactor.core.publisher.Mono;
import reactor.netty.Connection;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
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
 * <li>Once the handshake is done, Reactor Netty's copies of its request and response headers are emptied
 * ({@link #releaseHandshakeHeaders}): the socket's connection keeps both for its whole life, the response's
 * with every header the filters added (Spring Security's among them), and nothing reads them after the
 * handshake. Spring's {@code HandshakeInfo}, which each operation's request reads, has its own copy of the
 * request headers.</li>
 * <li>Reactor Netty's send loop prefetches {@value #SEND_PREFETCH} messages instead of 128
 * ({@link #limitSendPrefetch}): every open socket's outgoing stream holds a queue of that many slots for good
 * (Spring's merged outgoing stream cannot lend it its own), while the stream stays bounded by the same
 * queue and each subscriber's buffer behind it.</li>
 * </ul>
 * About 1.3 KB (context), 1 KB (headers) and 0.4 KB (send queue) less held by every open socket ({@code bench/session-heap.mjs}).
 */
@Configuration(proxyBeanMethods = false)
public class WebSocketUpgrades {

	/** Reactor Netty's system property: how many messages its send loop requests ahead (128 by default). */
	static final String SEND_PREFETCH_PROPERTY = "reactor.netty.send.maxPrefetchSize";

	static final int SEND_PREFETCH = 32;

	static {
		// Read once, when Reactor Netty's send loop class initialises: the first send, after the context is up.
		limitSendPrefetch();
	}

	/** Sets Reactor Netty's send prefetch unless it was set on the command line; true when set here. */
	static boolean limitSendPrefetch() {
		if (System.getProperty(SEND_PREFETCH_PROPERTY) != null) {
			return false;
		}
		System.setProperty(SEND_PREFETCH_PROPERTY, Integer.toString(SEND_PREFETCH));
		return true;
	}

	@Bean
	ObservationPredicate noWebSocketUpgradeObservations() {
		return (name, context) -> !(context instanceof ServerRequestObservationContext server
				&& server.getCarrier() != null && isUpgrade(server.getCarrier()));
	}

	@Bean
	WebFilter webSocketUpgradeWithoutRequestContext() {
		return new UpgradeContextFilter();
	}

	/**
	 * Empties the handshake's request and response headers kept by the socket's Reactor Netty connection.
	 * Call it once the handshake is done (from the socket's handler); a channel of another kind is left alone.
	 */
	static void releaseHandshakeHeaders(Channel channel) {
		Connection connection = Connection.from(channel);
		if (connection instanceof HttpServerRequest request) {
			request.requestHeaders().clear();
		}
		if (connection instanceof HttpServerResponse response) {
			response.responseHeaders().clear();
		}
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
