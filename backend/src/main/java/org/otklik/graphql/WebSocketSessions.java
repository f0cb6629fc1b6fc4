package org.otklik.graphql;

import java.util.Map;

import graphql.GraphQLContext;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.internal.ThreadExecutorMap;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.graphql.autoconfigure.GraphQlProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebSocketGraphQlRequest;
import org.springframework.graphql.server.webflux.GraphQlWebSocketHandler;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.web.reactive.socket.CloseStatus;
import org.springframework.web.reactive.socket.WebSocketSession;

/**
 * Lets server code close a subscriber's WebSocket with a clear close reason (a slow subscriber, an
 * expired token). Spring for GraphQL hides the session, so our handler records it in the session's
 * attributes and an interceptor hands it to each request's GraphQL context. The handler also puts
 * {@link GuardedWebSocketSession} in front of Spring's: malformed messages close the socket with 4400 and
 * operations in flight are limited per socket ({@code otklik.graphql.max-subscriptions-per-socket}).
 */
@Configuration(proxyBeanMethods = false)
public class WebSocketSessions {

	/** Key of the {@link WebSocketSession} in session attributes and in the GraphQL context. */
	public static final String SESSION = org.otklik.security.WebSocketAuthInterceptor.SESSION;

	/**
	 * Key of the socket's event loop in session attributes: the thread its writes happen on, where shared
	 * subscription events are handed to its subscribers ({@link SharedSubscriptions}).
	 */
	static final String EVENT_LOOP = WebSocketSessions.class.getName() + ".eventLoop";

	/** Key of the socket's {@link DirectFrames.Socket} in session attributes, where shared events are written. */
	static final String DIRECT = WebSocketSessions.class.getName() + ".direct";

	/** Close code for a subscriber that did not keep up (application range 4000–4999). */
	public static final int SLOW_SUBSCRIBER = 4008;

	@Bean
	GraphQlWebSocketHandler graphQlWebSocketHandler(WebGraphQlHandler handler, GraphQlProperties properties,
			ServerCodecConfigurer codecs, GraphQlLimitsProperties limits, JsonMapper json) {
		var websocket = properties.getWebsocket();
		int maxOperations = limits.maxSubscriptionsPerSocket();
		// Shared subscription events are written from bytes serialised once per event (SharedFrames), most of
		// them straight to the socket's channel (DirectFrames).
		SharedFrames frames = SharedFrames.of(codecs);
		return new GraphQlWebSocketHandler(GuardedWebSocketSession.releasing(handler), SharedFrames.codecs(codecs, frames),
				websocket.getConnectionInitTimeout(), websocket.getKeepAlive()) {
			@Override
			public Mono<Void> handle(WebSocketSession session) {
				session.getAttributes().put(SESSION, session);
				// A socket is handled on its channel's event loop (Netty binds it to the thread while it runs).
				EventExecutor loop = ThreadExecutorMap.currentExecutor();
				if (loop != null) {
					session.getAttributes().put(EVENT_LOOP, loop);
				}
				DirectFrames.Socket socket = DirectFrames.socket(session, frames);
				if (socket != null) {
					session.getAttributes().put(DIRECT, socket);
					// The handshake is done by now: Reactor Netty runs this handler once it is written.
					WebSocketUpgrades.releaseHandshakeHeaders(socket.channel);
				}
				return super.handle(new GuardedWebSocketSession(session, maxOperations, json));
			}
		};
	}

	@Bean
	WebGraphQlInterceptor webSocketSessionInterceptor() {
		return (request, chain) -> {
			if (request instanceof WebSocketGraphQlRequest ws) {
				Object session = ws.getSessionInfo().getAttributes().get(SESSION);
				if (session != null) {
					request.configureExecutionInput((input, builder) -> builder
						.graphQLContext(Map.of(SESSION, session))
						.build());
				}
			}
			return chain.next(request);
		};
	}

	/**
	 * Closes the WebSocket this GraphQL request arrived on, if it arrived on one; for a shared
	 * subscription execution, the sockets of all its subscribers.
	 */
	public static Mono<Void> close(GraphQLContext context, int code, String reason) {
		if (context == null) {
			return Mono.empty();
		}
		if (context.get(SharedSubscriptions.GROUP) instanceof SharedSubscriptions.Group group) {
			// A shared execution speaks for every subscriber of its group, not only the one who started it.
			return group.closeAll(new CloseStatus(code, reason));
		}
		Object session = context.get(SESSION);
		if (session instanceof WebSocketSession ws) {
			return ws.close(new CloseStatus(code, reason));
		}
		return Mono.empty();
	}


}
