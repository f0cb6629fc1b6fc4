package org.otklik.graphql;

import java.nio.charset.StandardCharsets;
import java.util.AbstractMap;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.netty.buffer.ByteBuf;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import tools.jackson.databind.util.RawValue;

import org.springframework.core.ResolvableType;
import org.springframework.core.codec.Encoder;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferFactory;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.graphql.server.support.GraphQlWebSocketMessage;
import org.springframework.graphql.server.support.GraphQlWebSocketMessageType;
import org.springframework.http.MediaType;
import org.springframework.http.codec.EncoderHttpMessageWriter;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.util.MimeType;
import org.springframework.util.MimeTypeUtils;

/**
 * Writes a shared subscription event's {@code next} frame from bytes serialised once per event: the frame is
 * the codec's own frame with the subscriber's id and the shared payload put in, so what remains per
 * subscriber is one copy into a socket buffer.
 * <p>
 * Spring's WebSocket handler encodes every {@code next} message through the JSON encoder, which creates a
 * Jackson generator per message (most of a delivery's CPU at a thousand subscribers). This encoder stands in
 * front of that one in the handler's codecs only ({@link #codecs}): a {@code next} whose payload is a
 * {@link Payload} is assembled from a template the real encoder wrote at start; anything else, and ids that
 * JSON would escape, go to the real encoder.
 */
final class SharedFrames implements Encoder<Object> {

	private static final ResolvableType MESSAGE_TYPE = ResolvableType.forClass(GraphQlWebSocketMessage.class);

	private static final String ID_MARK = "otklikSharedFrameId";

	private static final String PAYLOAD_MARK = "otklikSharedFramePayload";

	private final Encoder<Object> delegate;

	/** The frame's literal parts around the id and the payload, in the order the codec writes them. */
	private final byte[][] literals;

	private final boolean idFirst;

	/**
	 * The codec's own {@code ping} and {@code pong} without payload: every socket's keep-alive sends a ping (at
	 * 10,000 sockets and 25 s, 400 a second), and each went through a fresh Jackson generator with buffers of
	 * some 10 KB, half of what the app allocated while it fanned events out, so the young collections came
	 * twice as often in the middle of a fan-out.
	 */
	private final byte[] ping;

	private final byte[] pong;

	@SuppressWarnings("unchecked")
	SharedFrames(Encoder<?> delegate) {
		this.delegate = (Encoder<Object>) delegate;
		GraphQlWebSocketMessage probe = GraphQlWebSocketMessage.next(ID_MARK, Map.of());
		probe.setPayload(new RawValue(PAYLOAD_MARK));
		byte[] template = encodedByDelegate(probe);
		String text = new String(template, StandardCharsets.UTF_8);
		int id = text.indexOf(ID_MARK);
		int payload = text.indexOf(PAYLOAD_MARK);
		if (id < 0 || payload < 0 || text.indexOf(ID_MARK, id + 1) >= 0 || text.indexOf(PAYLOAD_MARK, payload + 1) >= 0) {
			throw new IllegalStateException("Unexpected graphql-ws frame from the JSON encoder: " + text);
		}
		this.idFirst = id < payload;
		int firstMark = Math.min(id, payload);
		int firstEnd = firstMark + (this.idFirst ? ID_MARK : PAYLOAD_MARK).length();
		int secondMark = Math.max(id, payload);
		int secondEnd = secondMark + (this.idFirst ? PAYLOAD_MARK : ID_MARK).length();
		// The template is ASCII around the marks (keys and "next"), so character and byte offsets agree.
		this.literals = new byte[][] { Arrays.copyOfRange(template, 0, firstMark),
				Arrays.copyOfRange(template, firstEnd, secondMark), Arrays.copyOfRange(template, secondEnd, template.length) };
		this.ping = encodedByDelegate(GraphQlWebSocketMessage.ping(null));
		this.pong = encodedByDelegate(GraphQlWebSocketMessage.pong(null));
	}

	private byte[] encodedByDelegate(GraphQlWebSocketMessage message) {
		DataBuffer encoded = this.delegate.encodeValue(message, DefaultDataBufferFactory.sharedInstance, MESSAGE_TYPE,
				MimeTypeUtils.APPLICATION_JSON, null);
		byte[] bytes = new byte[encoded.readableByteCount()];
		encoded.read(bytes);
		return bytes;
	}

	/**
	 * The codecs of the GraphQL WebSocket handler: the application's, with this encoder in front of the JSON
	 * encoder the handler would pick.
	 */
	static ServerCodecConfigurer codecs(ServerCodecConfigurer application) {
		return codecs(application, of(application));
	}

	/** The application's codecs with the given encoder (made by {@link #of} from them) in front of the JSON one. */
	static ServerCodecConfigurer codecs(ServerCodecConfigurer application, SharedFrames frames) {
		ServerCodecConfigurer codecs = application.clone();
		codecs.defaultCodecs().jacksonJsonEncoder(frames);
		return codecs;
	}

	/** This encoder in front of the JSON encoder the handler would pick from the application's codecs. */
	static SharedFrames of(ServerCodecConfigurer application) {
		Encoder<?> json = application.getWriters().stream()
			.filter(writer -> writer.canWrite(MESSAGE_TYPE, MediaType.APPLICATION_JSON))
			.map(writer -> ((EncoderHttpMessageWriter<?>) writer).getEncoder())
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("No JSON encoder for graphql-ws messages"));
		return new SharedFrames(json);
	}

	@Override
	public DataBuffer encodeValue(Object value, DataBufferFactory bufferFactory, ResolvableType valueType,
			@Nullable MimeType mimeType, @Nullable Map<String, Object> hints) {
		if (value instanceof GraphQlWebSocketMessage message && message.resolvedType() == GraphQlWebSocketMessageType.NEXT
				&& message.<Object>getPayload() instanceof Payload payload) {
			byte[] id = plainAscii(message.getId());
			if (id != null) {
				return frame(bufferFactory, id, payload.json);
			}
			// An id JSON would escape: the codec writes it, with the payload as the raw JSON it is.
			GraphQlWebSocketMessage copy = GraphQlWebSocketMessage.next(message.getId(), Map.of());
			copy.setPayload(new RawValue(new String(payload.json, StandardCharsets.UTF_8)));
			return this.delegate.encodeValue(copy, bufferFactory, valueType, mimeType, hints);
		}
		// The codec writes a message from its getters; without an id and with the empty payload (what
		// getPayload() reads for ping(null)), a ping's or pong's bytes are those of the one encoded at start.
		if (value instanceof GraphQlWebSocketMessage message && message.getId() == null
				&& message.<Object>getPayload() instanceof Map<?, ?> payload && payload.isEmpty()) {
			byte[] constant = (message.resolvedType() == GraphQlWebSocketMessageType.PING) ? this.ping
					: (message.resolvedType() == GraphQlWebSocketMessageType.PONG) ? this.pong : null;
			if (constant != null) {
				return bufferFactory.allocateBuffer(constant.length).write(constant);
			}
		}
		return this.delegate.encodeValue(value, bufferFactory, valueType, mimeType, hints);
	}

	private DataBuffer frame(DataBufferFactory bufferFactory, byte[] id, byte[] payload) {
		byte[] first = this.idFirst ? id : payload;
		byte[] second = this.idFirst ? payload : id;
		DataBuffer buffer = bufferFactory.allocateBuffer(messageLength(id, payload));
		buffer.write(this.literals[0]).write(first).write(this.literals[1]).write(second).write(this.literals[2]);
		return buffer;
	}

	/** The length of a {@code next} message with this id and payload ({@link Payload#json}). */
	int messageLength(byte[] id, byte[] payload) {
		return this.literals[0].length + id.length + this.literals[1].length + payload.length + this.literals[2].length;
	}

	/** Writes the same bytes as {@link #encodeValue} does for a {@code next} with this id and payload. */
	void writeMessage(ByteBuf out, byte[] id, byte[] payload) {
		byte[] first = this.idFirst ? id : payload;
		byte[] second = this.idFirst ? payload : id;
		out.writeBytes(this.literals[0]).writeBytes(first).writeBytes(this.literals[1]).writeBytes(second)
			.writeBytes(this.literals[2]);
	}

	/** The id's bytes when JSON writes it as it is (printable ASCII without quote or backslash), else null. */
	static byte @Nullable [] plainAscii(@Nullable String id) {
		if (id == null) {
			return null;
		}
		byte[] bytes = new byte[id.length()];
		for (int i = 0; i < bytes.length; i++) {
			char c = id.charAt(i);
			if (c < 0x20 || c > 0x7E || c == '"' || c == '\\') {
				return null;
			}
			bytes[i] = (byte) c;
		}
		return bytes;
	}

	@Override
	public boolean canEncode(ResolvableType elementType, @Nullable MimeType mimeType) {
		return this.delegate.canEncode(elementType, mimeType);
	}

	@Override
	public Flux<DataBuffer> encode(Publisher<?> inputStream, DataBufferFactory bufferFactory, ResolvableType elementType,
			@Nullable MimeType mimeType, @Nullable Map<String, Object> hints) {
		return this.delegate.encode(inputStream, bufferFactory, elementType, mimeType, hints);
	}

	@Override
	public List<MimeType> getEncodableMimeTypes() {
		return this.delegate.getEncodableMimeTypes();
	}

	@Override
	public List<MimeType> getEncodableMimeTypes(ResolvableType elementType) {
		return this.delegate.getEncodableMimeTypes(elementType);
	}

	/**
	 * A {@code next} message's payload, {@code {"data": …}}, serialised once for every subscriber of a shared
	 * execution. As a map it holds the data as raw JSON, so any other encoder writes the same bytes.
	 */
	static final class Payload extends AbstractMap<String, Object> {

		private static final byte[] OPEN = "{\"data\":".getBytes(StandardCharsets.US_ASCII);

		final byte[] json;

		private final Set<Entry<String, Object>> entries;

		/** @param data the result's data as JSON */
		Payload(byte[] data) {
			this.json = new byte[OPEN.length + data.length + 1];
			System.arraycopy(OPEN, 0, this.json, 0, OPEN.length);
			System.arraycopy(data, 0, this.json, OPEN.length, data.length);
			this.json[this.json.length - 1] = '}';
			this.entries = Set.of(Map.entry("data", new RawValue(new String(data, StandardCharsets.UTF_8))));
		}

		@Override
		public Set<Entry<String, Object>> entrySet() {
			return this.entries;
		}

	}

}
