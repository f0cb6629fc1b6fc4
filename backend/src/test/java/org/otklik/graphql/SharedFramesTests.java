package org.otklik.graphql;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import graphql.ExecutionResult;
import graphql.ExecutionResultImpl;
import graphql.GraphqlErrorBuilder;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.core.ResolvableType;
import org.springframework.core.codec.Encoder;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferFactory;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.graphql.server.support.GraphQlWebSocketMessage;
import org.springframework.http.MediaType;
import org.springframework.http.codec.EncoderHttpMessageWriter;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.http.codec.json.JacksonJsonEncoder;
import org.springframework.util.MimeType;
import org.springframework.util.MimeTypeUtils;

import static org.assertj.core.api.Assertions.assertThat;

class SharedFramesTests {

	private static final ResolvableType MESSAGE = ResolvableType.forClass(GraphQlWebSocketMessage.class);

	private final JsonMapper json = JsonMapper.builder().build();

	private final JacksonJsonEncoder codec = new JacksonJsonEncoder(this.json);

	private final SharedFrames frames = new SharedFrames(this.codec);

	private final SharedSubscriptions shared = new SharedSubscriptions(
			new StaticListableBeanFactory().getBeanProvider(SubscriptionSource.class), this.json, new SimpleMeterRegistry());

	private static String text(Encoder<?> encoder, GraphQlWebSocketMessage message) {
		@SuppressWarnings("unchecked")
		DataBuffer buffer = ((Encoder<Object>) encoder).encodeValue(message, DefaultDataBufferFactory.sharedInstance, MESSAGE,
				MimeTypeUtils.APPLICATION_JSON, null);
		return buffer.toString(StandardCharsets.UTF_8);
	}

	@Test
	void aFrameBuiltFromTheSharedBytesEqualsTheCodecsFrame() {
		ExecutionResult plain = ExecutionResultImpl.newExecutionResult()
			.data(Map.of("appealReceived", Map.of("cursor", "abc", "appeal",
					Map.of("externalId", "vk-1", "text", "Кран \"течёт\"\n\\ на ул. Ленина", "n", 3))))
			.build();
		ExecutionResult once = this.shared.serialisedOnce(plain);
		assertThat(once.toSpecification()).isInstanceOf(SharedFrames.Payload.class);
		for (String id : List.of("1", "6f1c2c1e-3b5a-4c1e-9d7e-0a2b3c4d5e6f", "id \"quoted\" \\ and \u00e9", "")) {
			String expected = text(this.codec, GraphQlWebSocketMessage.next(id, plain.toSpecification()));
			assertThat(text(this.frames, GraphQlWebSocketMessage.next(id, once.toSpecification())))
				.as("next frame for id [%s]", id)
				.isEqualTo(expected);
		}
	}

	@Test
	void everyOtherMessageIsTheCodecsOwn() {
		ExecutionResult plain = ExecutionResultImpl.newExecutionResult().data(Map.of("n", 1)).build();
		List<GraphQlWebSocketMessage> messages = List.of(GraphQlWebSocketMessage.next("1", plain.toSpecification()),
				GraphQlWebSocketMessage.complete("1"), GraphQlWebSocketMessage.connectionAck(Map.of()),
				GraphQlWebSocketMessage.error("1", List.of(GraphqlErrorBuilder.newError().message("нет").build())));
		for (GraphQlWebSocketMessage message : messages) {
			assertThat(text(this.frames, message)).isEqualTo(text(this.codec, message));
		}
	}

	@Test
	void theHandlersCodecsPickTheSharedFrameEncoderForGraphQlWebSocketMessages() {
		ServerCodecConfigurer application = ServerCodecConfigurer.create();
		ServerCodecConfigurer codecs = SharedFrames.codecs(application);
		Encoder<?> picked = codecs.getWriters().stream()
			.filter(writer -> writer.canWrite(MESSAGE, MediaType.APPLICATION_JSON))
			.map(writer -> ((EncoderHttpMessageWriter<?>) writer).getEncoder())
			.findFirst()
			.orElseThrow();
		assertThat(picked).isInstanceOf(SharedFrames.class);
		assertThat(application.getWriters()).as("the application's own codecs are left as they are")
			.noneMatch(writer -> writer instanceof EncoderHttpMessageWriter<?> w && w.getEncoder() instanceof SharedFrames);
	}

	@Test
	void keepAlivePingsAndPongsAreTheCodecsBytesWrittenWithoutTheCodec() {
		AtomicInteger encoded = new AtomicInteger();
		JacksonJsonEncoder counting = new JacksonJsonEncoder(this.json) {
			@Override
			public DataBuffer encodeValue(Object value, DataBufferFactory bufferFactory, ResolvableType valueType,
					@Nullable MimeType mimeType, @Nullable Map<String, Object> hints) {
				encoded.incrementAndGet();
				return super.encodeValue(value, bufferFactory, valueType, mimeType, hints);
			}
		};
		SharedFrames frames = new SharedFrames(counting);
		int atStart = encoded.get();
		for (int i = 0; i < 3; i++) {
			assertThat(text(frames, GraphQlWebSocketMessage.ping(null))).isEqualTo(text(this.codec, GraphQlWebSocketMessage.ping(null)));
			assertThat(text(frames, GraphQlWebSocketMessage.pong(null))).isEqualTo(text(this.codec, GraphQlWebSocketMessage.pong(null)));
		}
		assertThat(encoded.get()).as("no Jackson generator per keep-alive message").isEqualTo(atStart);
		// A ping or pong with a payload or an id is the codec's own.
		GraphQlWebSocketMessage withPayload = GraphQlWebSocketMessage.ping(Map.of("n", 1));
		GraphQlWebSocketMessage withId = GraphQlWebSocketMessage.pong(null);
		withId.setId("7");
		for (GraphQlWebSocketMessage message : List.of(withPayload, withId)) {
			assertThat(text(frames, message)).isEqualTo(text(this.codec, message));
		}
		assertThat(encoded.get()).isEqualTo(atStart + 2);
	}

}
