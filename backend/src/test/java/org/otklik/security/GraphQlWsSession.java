package org.otklik.security;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;

import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

import org.springframework.http.HttpHeaders;
import org.springframework.web.reactive.socket.CloseStatus;
import org.springframework.web.reactive.socket.WebSocketHandler;
import org.springframework.web.reactive.socket.WebSocketMessage;
import org.springframework.web.reactive.socket.WebSocketSession;
import org.springframework.web.reactive.socket.client.ReactorNettyWebSocketClient;

/**
 * A raw graphql-transport-ws conversation for tests that need to see exactly what a client sees, close codes
 * included: it sends {@code connection_init} with the given payload and lets the test react to each message.
 */
public final class GraphQlWsSession {

	private final List<String> received = new CopyOnWriteArrayList<>();

	private final AtomicReference<CloseStatus> closeStatus = new AtomicReference<>();

	private GraphQlWsSession() {
	}

	/**
	 * Runs one conversation until the server closes the socket, the reaction closes it, or the timeout passes.
	 * @param reaction called with each received message and a way to send or close
	 */
	public static GraphQlWsSession run(URI uri, String initPayload, BiConsumer<String, Conversation> reaction,
			Duration timeout) {
		return run(uri, initPayload, reaction, timeout, conversation -> {
		});
	}

	/** Like {@link #run(URI, String, BiConsumer, Duration)}, with something to send right after connecting. */
	public static GraphQlWsSession run(URI uri, String initPayload, BiConsumer<String, Conversation> reaction,
			Duration timeout, java.util.function.Consumer<Conversation> onOpen) {
		GraphQlWsSession result = new GraphQlWsSession();
		Sinks.Many<String> outbound = Sinks.many().unicast().onBackpressureBuffer();
		WebSocketHandler handler = new WebSocketHandler() {
			@Override
			public List<String> getSubProtocols() {
				return List.of("graphql-transport-ws");
			}

			@Override
			public Mono<Void> handle(WebSocketSession session) {
				Conversation conversation = new Conversation(outbound, session);
				if (initPayload != null) {
					conversation.send("{\"type\":\"connection_init\",\"payload\":" + initPayload + "}");
				}
				onOpen.accept(conversation);
				session.closeStatus().doOnNext(result.closeStatus::set).subscribe();
				Mono<Void> send = session.send(outbound.asFlux().map(session::textMessage));
				Mono<Void> receive = session.receive()
					.map(WebSocketMessage::getPayloadAsText)
					.doOnNext(message -> {
						result.received.add(message);
						reaction.accept(message, conversation);
					})
					.doFinally(signal -> outbound.tryEmitComplete())
					.then();
				return Mono.when(send, receive);
			}
		};
		new ReactorNettyWebSocketClient().execute(uri, new HttpHeaders(), handler)
			.timeout(timeout, Mono.empty())
			.block(timeout.plusSeconds(5));
		// The close status arrives just after the inbound stream ends.
		for (int i = 0; i < 50 && result.closeStatus.get() == null; i++) {
			sleep(20);
		}
		return result;
	}

	public List<String> received() {
		return this.received;
	}

	public CloseStatus closeStatus() {
		return this.closeStatus.get();
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/** What a reaction may do: send a message or close the socket. */
	public static final class Conversation {

		private final Sinks.Many<String> outbound;

		private final WebSocketSession session;

		Conversation(Sinks.Many<String> outbound, WebSocketSession session) {
			this.outbound = outbound;
			this.session = session;
		}

		public void send(String message) {
			this.outbound.tryEmitNext(message);
		}

		public void subscribe(String id, String query) {
			send("{\"id\":\"" + id + "\",\"type\":\"subscribe\",\"payload\":{\"query\":\"" + query.replace("\"", "\\\"")
					+ "\"}}");
		}

		public void close() {
			this.outbound.tryEmitComplete();
			this.session.close().subscribe();
		}

	}

}
