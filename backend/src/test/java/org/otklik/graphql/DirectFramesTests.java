package org.otklik.graphql;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import graphql.ExecutionResult;
import graphql.ExecutionResultImpl;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocket08FrameEncoder;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.core.ResolvableType;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.graphql.server.support.GraphQlWebSocketMessage;
import org.springframework.http.codec.json.JacksonJsonEncoder;
import org.springframework.util.MimeTypeUtils;

import static org.assertj.core.api.Assertions.assertThat;

class DirectFramesTests {

	private final JsonMapper json = JsonMapper.builder().build();

	private final JacksonJsonEncoder codec = new JacksonJsonEncoder(this.json);

	private final SharedFrames frames = new SharedFrames(this.codec);

	private final SharedSubscriptions shared = new SharedSubscriptions(
			new StaticListableBeanFactory().getBeanProvider(SubscriptionSource.class), this.json, new SimpleMeterRegistry());

	private static ExecutionResult result(String text) {
		return ExecutionResultImpl.newExecutionResult().data(Map.of("appealReceived", Map.of("text", text))).build();
	}

	/** The {@code next} message Spring's handler writes for this result. */
	private String message(String id, ExecutionResult result) {
		DataBuffer message = this.codec.encodeValue(GraphQlWebSocketMessage.next(id, result.toSpecification()),
				DefaultDataBufferFactory.sharedInstance, ResolvableType.forClass(GraphQlWebSocketMessage.class),
				MimeTypeUtils.APPLICATION_JSON, null);
		return message.toString(StandardCharsets.UTF_8);
	}

	/** What Spring's handler and Netty's encoder put on the wire for this result's {@code next}. */
	private byte[] wire(String id, ExecutionResult result) {
		byte[] bytes = message(id, result).getBytes(StandardCharsets.UTF_8);
		EmbeddedChannel netty = new EmbeddedChannel(new WebSocket08FrameEncoder(false));
		netty.writeOutbound(new TextWebSocketFrame(Unpooled.wrappedBuffer(bytes)));
		return outbound(netty);
	}

	private static byte[] outbound(EmbeddedChannel channel) {
		ByteBuf all = Unpooled.buffer();
		for (Object written; (written = channel.readOutbound()) != null;) {
			ByteBuf buffer = (ByteBuf) written;
			all.writeBytes(buffer);
			buffer.release();
		}
		byte[] bytes = new byte[all.readableBytes()];
		all.readBytes(bytes);
		return bytes;
	}

	private DirectFrames.Batch batch(ExecutionResult result) {
		ExecutionResult once = this.shared.serialisedOnce(result);
		return new DirectFrames.Batch((SharedFrames.Payload) once.toSpecification());
	}

	@Test
	void aDirectFrameIsByteForByteWhatSpringsHandlerAndNettysEncoderWrite() {
		// Payload lengths on each side of the WebSocket header's 7-bit, 16-bit and 64-bit length forms.
		for (int length : List.of(0, 60, 200, 70_000)) {
			ExecutionResult result = result("я".repeat(length / 2) + "x".repeat(length % 2));
			for (String id : List.of("1", "6f1c2c1e-3b5a-4c1e-9d7e-0a2b3c4d5e6f")) {
				EmbeddedChannel channel = new EmbeddedChannel(new WebSocket08FrameEncoder(false));
				DirectFrames.Batch batch = batch(result);
				assertThat(batch.write(new DirectFrames.Socket(channel, this.frames), id)).isTrue();
				assertThat(outbound(channel)).as("nothing before the flush").isEmpty();
				batch.finish();
				assertThat(outbound(channel)).as("length %d, id %s", length, id).isEqualTo(wire(id, result));
			}
		}
	}

	@Test
	void socketsOfOneBatchShareOneEncodedFrameAndEachIsFlushed() {
		ExecutionResult result = result("Нет света");
		DirectFrames.Batch batch = batch(result);
		List<EmbeddedChannel> channels = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			EmbeddedChannel channel = new EmbeddedChannel(new WebSocket08FrameEncoder(false));
			channels.add(channel);
			assertThat(batch.write(new DirectFrames.Socket(channel, this.frames), "1")).isTrue();
		}
		batch.finish();
		for (EmbeddedChannel channel : channels) {
			assertThat(outbound(channel)).isEqualTo(wire("1", result));
		}
	}

	@Test
	void withoutTheFrameEncoderItWritesAFrameThroughThePipeline() {
		// As with a compression extension, whose encoder must see every frame.
		EmbeddedChannel channel = new EmbeddedChannel();
		ExecutionResult result = result("Кран \"течёт\"");
		DirectFrames.Batch batch = batch(result);
		assertThat(batch.write(new DirectFrames.Socket(channel, this.frames), "7")).isTrue();
		batch.finish();
		TextWebSocketFrame frame = channel.readOutbound();
		assertThat(frame.text()).isEqualTo(message("7", result));
		frame.release();
	}

	@Test
	void aSocketPastItsHighWaterMarkOrAnIdJsonWouldEscapeIsNotWritten() {
		EmbeddedChannel channel = new EmbeddedChannel(new WebSocket08FrameEncoder(false));
		DirectFrames.Batch batch = batch(result("x"));
		DirectFrames.Socket socket = new DirectFrames.Socket(channel, this.frames);
		assertThat(batch.write(socket, "id \"quoted\"")).isFalse();
		channel.unsafe().outboundBuffer().setUserDefinedWritability(1, false);
		assertThat(batch.write(socket, "1")).isFalse();
		batch.finish();
		assertThat(outbound(channel)).isEmpty();
	}

	/** A member of the group on the channel's loop, with operation id 1, receiving every event. */
	private SharedSubscriptions.Member join(SharedSubscriptions.Group group, EmbeddedChannel channel) {
		SharedSubscriptions.Member member = new SharedSubscriptions.Member(null, 8, channel.eventLoop(),
				new DirectFrames.Socket(channel, this.frames), "1");
		member.start = 0;
		member.group = group;
		group.members.add(member);
		return member;
	}

	@Test
	void aMemberIsWrittenDirectlyUntilItCannotBeThenEverythingTakesItsBoundedBufferInOrder() {
		EmbeddedChannel channel = new EmbeddedChannel(new WebSocket08FrameEncoder(false));
		SharedSubscriptions.Group group = this.shared.new Group(new SharedSubscriptions.Key("subscription { x }", null,
				Map.of(), Locale.ROOT, Set.of(), null, null, null));
		SharedSubscriptions.Member member = join(group, channel);
		List<Object> buffered = new ArrayList<>();
		member.flux().map(r -> ((Map<?, ?>) r.getData()).get("appealReceived")).subscribe(buffered::add);

		group.emit(result("first"));
		channel.runPendingTasks();
		assertThat(new String(outbound(channel), StandardCharsets.UTF_8)).contains("first");
		assertThat(buffered).as("not through the buffer").isEmpty();

		channel.unsafe().outboundBuffer().setUserDefinedWritability(1, false);
		group.emit(result("second"));
		channel.runPendingTasks();
		channel.unsafe().outboundBuffer().setUserDefinedWritability(1, true);
		group.emit(result("third"));
		channel.runPendingTasks();
		assertThat(outbound(channel)).as("behind the buffered one, never around it").isEmpty();
		assertThat(buffered).containsExactly(Map.of("text", "second"), Map.of("text", "third"));
	}

	@Test
	void aMemberNotYetReadByItsSocketIsBufferedAndOneThatEndedGetsNothingMore() {
		EmbeddedChannel channel = new EmbeddedChannel(new WebSocket08FrameEncoder(false));
		SharedSubscriptions.Group group = this.shared.new Group(new SharedSubscriptions.Key("subscription { y }", null,
				Map.of(), Locale.ROOT, Set.of(), null, null, null));
		SharedSubscriptions.Member member = join(group, channel);

		group.emit(result("early"));
		channel.runPendingTasks();
		assertThat(outbound(channel)).isEmpty();
		List<Object> buffered = new ArrayList<>();
		member.flux().map(r -> ((Map<?, ?>) r.getData()).get("appealReceived")).take(1).subscribe(buffered::add);
		assertThat(buffered).containsExactly(Map.of("text", "early"));

		// Ended (take(1) cancelled it): nothing reaches the socket, and it has left the group.
		group.emit(result("late"));
		channel.runPendingTasks();
		assertThat(outbound(channel)).isEmpty();
		assertThat(group.members).doesNotContain(member);
	}

}
