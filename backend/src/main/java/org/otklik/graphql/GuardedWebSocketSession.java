package org.otklik.graphql;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import io.micrometer.context.ContextSnapshotFactory;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferFactory;
import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.server.WebSocketGraphQlInterceptor;
import org.springframework.graphql.server.WebSocketGraphQlRequest;
import org.springframework.web.reactive.socket.CloseStatus;
import org.springframework.web.reactive.socket.HandshakeInfo;
import org.springframework.web.reactive.socket.WebSocketMessage;
import org.springframework.web.reactive.socket.WebSocketSession;

/**
 * A graphql-transport-ws socket as Spring's handler sees it, with two guards in front of it.
 * <ul>
 * <li><b>Protocol</b>: a text message that is not a JSON object with a known client {@code type}, a
 * {@code subscribe} without an {@code id} or a {@code query}, a {@code complete} without an {@code id}, or a
 * binary frame closes the socket with {@code 4400 Invalid message}. Spring's handler lets a decoding failure
 * escape instead, and the socket ends without a close code (1005).</li>
 * <li><b>Operations in flight</b>: at most {@code maxOperations} per socket. The one past it gets an
 * {@code error} message and never reaches Spring; the socket keeps answering. Spring's handler runs each
 * message in a {@code flatMap} of concurrency 256 whose slots live subscriptions hold until they end (and the
 * {@code connection_init} keep-alive holds one for good), so without this limit the 256th operation stalls
 * the socket: its messages, pings and completes included, are never read again.</li>
 * </ul>
 * A slot is taken when a {@code subscribe} passes and given back when its operation ends: a query's response
 * is ready, a subscription completes, fails or is cancelled by {@code complete} ({@link #releasing}).
 */
final class GuardedWebSocketSession implements WebSocketSession {

	/** Session attribute holding the guard, so that {@link #releasing} finds it from a request. */
	static final String ATTRIBUTE = GuardedWebSocketSession.class.getName();

	static final CloseStatus INVALID_MESSAGE = new CloseStatus(4400, "Invalid message");

	private static final Set<String> CLIENT_TYPES = Set.of("connection_init", "ping", "pong", "subscribe", "complete");

	private final WebSocketSession delegate;

	private final int maxOperations;

	private final JsonMapper json;

	private final Set<String> inFlight = ConcurrentHashMap.newKeySet();

	GuardedWebSocketSession(WebSocketSession delegate, int maxOperations, JsonMapper json) {
		this.delegate = delegate;
		this.maxOperations = maxOperations;
		this.json = json;
		delegate.getAttributes().put(ATTRIBUTE, this);
	}

	/** Wraps Spring's handler so that every WebSocket operation gives its slot back when it ends. */
	static WebGraphQlHandler releasing(WebGraphQlHandler handler) {
		return new WebGraphQlHandler() {
			@Override
			public WebSocketGraphQlInterceptor getWebSocketInterceptor() {
				return handler.getWebSocketInterceptor();
			}

			@Override
			public ContextSnapshotFactory contextSnapshotFactory() {
				return handler.contextSnapshotFactory();
			}

			@Override
			public Mono<WebGraphQlResponse> handleRequest(WebGraphQlRequest request) {
				if (!(request instanceof WebSocketGraphQlRequest webSocket)
						|| !(webSocket.getSessionInfo().getAttributes().get(ATTRIBUTE) instanceof GuardedWebSocketSession guard)) {
					return handler.handleRequest(request);
				}
				String id = webSocket.getId();
				return handler.handleRequest(request).map(response -> {
					if (response.getData() instanceof Publisher<?> events) {
						Flux<?> released = Flux.from(events).doFinally(signal -> guard.release(id));
						return response.transform(builder -> builder.data(released));
					}
					guard.release(id);
					return response;
				}).doOnError(ex -> guard.release(id)).doOnCancel(() -> guard.release(id))
					// Spring's handler keeps its subscription to this Mono for as long as the subscription it
					// produced lives; detached, the finished request's chain (interceptors, the request with the
					// handshake's headers and attributes) is not held by every open subscription.
					.onTerminateDetach();
			}
		};
	}

	void release(String id) {
		this.inFlight.remove(id);
	}

	/** Operations of this socket in flight. */
	int inFlight() {
		return this.inFlight.size();
	}

	@Override
	public Flux<WebSocketMessage> receive() {
		return this.delegate.receive().handle((message, sink) -> {
			if (admit(message)) {
				sink.next(message);
			}
		});
	}

	@Override
	public Mono<Void> send(Publisher<WebSocketMessage> messages) {
		// Spring's stream as it is: merging our rare messages into it kept a merge, a sink and its queue per socket.
		return this.delegate.send(messages);
	}

	/** Whether Spring's handler may see the message; refused ones are answered here. */
	private boolean admit(WebSocketMessage message) {
		if (message.getType() == WebSocketMessage.Type.PING || message.getType() == WebSocketMessage.Type.PONG) {
			return true;
		}
		JsonNode node = (message.getType() == WebSocketMessage.Type.TEXT) ? parse(message.getPayloadAsText()) : null;
		String type = (node != null && node.get("type") != null && node.get("type").isString()) ? node.get("type").asString()
				: null;
		if (type == null || !CLIENT_TYPES.contains(type) || !payloadIsObject(node, type)) {
			return refuse(INVALID_MESSAGE);
		}
		if ("complete".equals(type)) {
			return id(node) != null || refuse(INVALID_MESSAGE);
		}
		if (!"subscribe".equals(type)) {
			return true;
		}
		String id = id(node);
		if (id == null || !node.get("payload").path("query").isString()) {
			return refuse(INVALID_MESSAGE);
		}
		if (this.inFlight.contains(id)) {
			return refuse(new CloseStatus(4409, "Subscriber for " + id + " already exists"));
		}
		if (this.inFlight.size() >= this.maxOperations) {
			emit(tooMany(id));
			return false;
		}
		this.inFlight.add(id);
		return true;
	}

	private JsonNode parse(String text) {
		try {
			JsonNode node = this.json.readTree(text);
			return (node != null && node.isObject()) ? node : null;
		}
		catch (JacksonException ex) {
			return null;
		}
	}

	/** A subscribe needs an object payload; other messages may carry one, or null, or none. */
	private static boolean payloadIsObject(JsonNode node, String type) {
		JsonNode payload = node.get("payload");
		if ("subscribe".equals(type)) {
			return payload != null && payload.isObject();
		}
		return payload == null || payload.isNull() || payload.isObject();
	}

	private static String id(JsonNode node) {
		JsonNode id = node.get("id");
		return (id != null && id.isString() && !id.asString().isEmpty()) ? id.asString() : null;
	}

	private boolean refuse(CloseStatus status) {
		// Subscribed on its own, as Spring's handler does with its own close statuses.
		this.delegate.close(status).subscribe(null, ex -> {
		});
		return false;
	}

	private String tooMany(String id) {
		Map<String, Object> extensions = new LinkedHashMap<>();
		extensions.put("classification", "BAD_REQUEST");
		extensions.put("errorDetail", ErrorDetail.TOO_MANY_SUBSCRIPTIONS.name());
		extensions.put("maximum", this.maxOperations);
		Map<String, Object> error = Map.of("message", "Слишком много подписок на одном соединении: не больше "
				+ this.maxOperations + "; завершите одну (complete) и подпишитесь снова", "extensions", extensions);
		return this.json.writeValueAsString(Map.of("id", id, "type", "error", "payload", List.of(error)));
	}

	/**
	 * Sends a message of our own (the limit's error) beside Spring's stream, as a send of its own: rare, and
	 * ordered with nothing else (it answers an operation Spring's handler never sees). Subscribed on its own,
	 * as {@link #refuse} does; a closed socket drops it.
	 */
	private void emit(String text) {
		this.delegate.send(Mono.just(this.delegate.textMessage(text))).subscribe(null, ex -> {
		});
	}

	@Override
	public String getId() {
		return this.delegate.getId();
	}

	@Override
	public HandshakeInfo getHandshakeInfo() {
		return this.delegate.getHandshakeInfo();
	}

	@Override
	public DataBufferFactory bufferFactory() {
		return this.delegate.bufferFactory();
	}

	@Override
	public Map<String, Object> getAttributes() {
		return this.delegate.getAttributes();
	}

	@Override
	public boolean isOpen() {
		return this.delegate.isOpen();
	}

	@Override
	public Mono<Void> close(CloseStatus status) {
		return this.delegate.close(status);
	}

	@Override
	public Mono<CloseStatus> closeStatus() {
		return this.delegate.closeStatus();
	}

	@Override
	public WebSocketMessage textMessage(String payload) {
		return this.delegate.textMessage(payload);
	}

	@Override
	public WebSocketMessage binaryMessage(Function<DataBufferFactory, DataBuffer> payloadFactory) {
		return this.delegate.binaryMessage(payloadFactory);
	}

	@Override
	public WebSocketMessage pingMessage(Function<DataBufferFactory, DataBuffer> payloadFactory) {
		return this.delegate.pingMessage(payloadFactory);
	}

	@Override
	public WebSocketMessage pongMessage(Function<DataBufferFactory, DataBuffer> payloadFactory) {
		return this.delegate.pongMessage(payloadFactory);
	}

}
