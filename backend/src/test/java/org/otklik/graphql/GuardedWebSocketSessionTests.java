package org.otklik.graphql;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

import graphql.ExecutionInput;
import graphql.ExecutionResultImpl;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscription;
import reactor.core.Scannable;
import reactor.core.publisher.BaseSubscriber;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.server.WebSocketGraphQlRequest;
import org.springframework.graphql.server.WebSocketSessionInfo;
import org.springframework.graphql.support.DefaultExecutionGraphQlResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.web.reactive.socket.WebSocketMessage;
import org.springframework.web.reactive.socket.WebSocketSession;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

/** The socket guard keeps nothing of a finished request and adds nothing to Spring's outgoing stream. */
class GuardedWebSocketSessionTests {

	@Test
	void aSubscriptionsFinishedRequestChainIsNotHeldWhileItsEventsFlow() {
		Map<String, Object> attributes = new ConcurrentHashMap<>();
		WebSocketSession socket = mock(WebSocketSession.class);
		given(socket.getAttributes()).willReturn(attributes);
		new GuardedWebSocketSession(socket, 8, JsonMapper.builder().build());
		WebSocketSessionInfo info = mock(WebSocketSessionInfo.class);
		given(info.getAttributes()).willReturn(attributes);
		WebSocketGraphQlRequest request = new WebSocketGraphQlRequest(URI.create("ws://localhost/graphql"), new HttpHeaders(),
				null, null, Map.of(), Map.of("query", "subscription { x }"), "1", Locale.ROOT, info);
		ExecutionInput input = ExecutionInput.newExecutionInput("subscription { x }").build();
		WebGraphQlResponse response = new WebGraphQlResponse(new DefaultExecutionGraphQlResponse(input,
				ExecutionResultImpl.newExecutionResult().data(Flux.never()).build()));
		// What Spring's handler chain would be: operators, each holding what it was built from.
		WebGraphQlHandler handler = mock(WebGraphQlHandler.class);
		given(handler.handleRequest(request)).willReturn(Mono.just(response).map(r -> r).filter(r -> true));

		AtomicReference<Subscription> upstream = new AtomicReference<>();
		AtomicReference<WebGraphQlResponse> received = new AtomicReference<>();
		GuardedWebSocketSession.releasing(handler).handleRequest(request).subscribe(new BaseSubscriber<>() {
			@Override
			protected void hookOnSubscribe(Subscription subscription) {
				upstream.set(subscription);
				subscription.request(1);
			}

			@Override
			protected void hookOnNext(WebGraphQlResponse value) {
				received.set(value);
			}
		});

		assertThat(received.get()).isNotNull();
		// Spring keeps this subscription while the events flow: it must lead nowhere once the response is out.
		assertThat(className(Scannable.from(upstream.get()).scan(Scannable.Attr.PARENT))).isNull();
		assertThat(className(Scannable.from(upstream.get()).scan(Scannable.Attr.ACTUAL))).isNull();
	}

	@Test
	void springsOutgoingStreamIsSentAsItIsAndAnOperationPastTheLimitIsAnsweredBesideIt() {
		Map<String, Object> attributes = new ConcurrentHashMap<>();
		WebSocketSession socket = mock(WebSocketSession.class);
		given(socket.getAttributes()).willReturn(attributes);
		given(socket.textMessage(org.mockito.ArgumentMatchers.anyString())).willAnswer(call -> text(call.getArgument(0)));
		List<Publisher<WebSocketMessage>> sent = new CopyOnWriteArrayList<>();
		given(socket.send(org.mockito.ArgumentMatchers.any())).willAnswer(call -> {
			sent.add(call.getArgument(0));
			return Mono.empty();
		});
		given(socket.receive()).willReturn(Flux.just(
				text("{\"type\":\"subscribe\",\"id\":\"1\",\"payload\":{\"query\":\"subscription { x }\"}}"),
				text("{\"type\":\"subscribe\",\"id\":\"2\",\"payload\":{\"query\":\"subscription { x }\"}}")));
		GuardedWebSocketSession guard = new GuardedWebSocketSession(socket, 1, JsonMapper.builder().build());

		Flux<WebSocketMessage> spring = Flux.never();
		guard.send(spring).subscribe();
		// No merge, sink or queue of ours per socket in front of Spring's stream.
		assertThat(sent).containsExactly(spring);

		assertThat(guard.receive().map(WebSocketMessage::getPayloadAsText).collectList().block()).hasSize(1);
		assertThat(sent).hasSize(2);
		String error = Flux.from(sent.get(1)).map(WebSocketMessage::getPayloadAsText).blockFirst();
		assertThat(error).contains("\"id\":\"2\"").contains("\"type\":\"error\"").contains("TOO_MANY_SUBSCRIPTIONS");
	}

	private static WebSocketMessage text(String text) {
		return new WebSocketMessage(WebSocketMessage.Type.TEXT,
				DefaultDataBufferFactory.sharedInstance.wrap(text.getBytes(StandardCharsets.UTF_8)));
	}

	/** Reactor's operators refuse to be printed as the queues they also are. */
	private static String className(Object operator) {
		return (operator != null) ? operator.getClass().getName() : null;
	}

}
