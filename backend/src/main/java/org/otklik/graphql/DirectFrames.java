package org.otklik.graphql;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.channel.VoidChannelPromise;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrameEncoder;
import io.netty.handler.codec.http.websocketx.extensions.WebSocketExtensionEncoder;
import org.jspecify.annotations.Nullable;
import reactor.netty.Connection;
import reactor.netty.NettyInbound;

import org.springframework.web.reactive.socket.WebSocketSession;
import org.springframework.web.reactive.socket.adapter.AbstractWebSocketSession;
import org.springframework.web.reactive.socket.adapter.ReactorNettyWebSocketSession;

/**
 * Writes a shared subscription event's {@code next} frames straight to the subscribers' Netty channels: the
 * WebSocket frame (header and graphql-transport-ws message) is encoded once per event, loop and operation id,
 * and each subscriber's channel gets a retained duplicate of it, flushed once per event.
 * <p>
 * Through Spring's handler each delivery ran a chain of some twenty Reactor operators, the codec, Reactor
 * Netty's send loop with a flush task of its own and Netty's frame encoder: most of a delivery's CPU. This
 * path keeps the order of a socket's messages (it writes on the socket's event loop, and a subscriber leaves
 * it for good the first time it cannot take it, so everything after goes through Spring's handler, behind
 * what is already written), and its bound: a channel past Netty's high water mark is not written here, its
 * events queue in the subscriber's bounded buffer as before and overflow closes it with 4008.
 */
final class DirectFrames {

	/** Reactor Netty's connection behind Spring's session: {@code AbstractWebSocketSession#getDelegate}, a protected getter. */
	private static final @Nullable MethodHandle DELEGATE = delegateGetter();

	private DirectFrames() {
	}

	private static @Nullable MethodHandle delegateGetter() {
		try {
			return MethodHandles.privateLookupIn(AbstractWebSocketSession.class, MethodHandles.lookup())
				.findVirtual(AbstractWebSocketSession.class, "getDelegate", MethodType.methodType(Object.class));
		}
		catch (ReflectiveOperationException | RuntimeException ex) {
			// Without it every event takes Spring's way, as it did before.
			return null;
		}
	}

	/** The socket's channel, or null when the session is not Reactor Netty's (then events take Spring's way). */
	static @Nullable Socket socket(WebSocketSession session, SharedFrames frames) {
		if (DELEGATE == null || !(session instanceof ReactorNettyWebSocketSession)) {
			return null;
		}
		try {
			if (!(DELEGATE.invoke((AbstractWebSocketSession<?>) session) instanceof ReactorNettyWebSocketSession.WebSocketConnection connection)) {
				return null;
			}
			Channel[] channel = new Channel[1];
			NettyInbound inbound = connection.getInbound();
			inbound.withConnection((Connection c) -> channel[0] = c.channel());
			return (channel[0] != null) ? new Socket(channel[0], frames) : null;
		}
		catch (Throwable ex) {
			return null;
		}
	}

	/** One subscriber socket's channel, where the frames of its shared subscriptions are written. */
	static final class Socket {

		final Channel channel;

		final SharedFrames frames;

		/** Where a finished frame enters the pipeline: right after the frame encoder; null until first used. */
		private @Nullable ChannelHandlerContext encoder;

		/** Frames go through the whole pipeline (a compression extension encodes them), not as bytes. */
		private boolean asFrames;

		private final ChannelPromise silent;

		Socket(Channel channel, SharedFrames frames) {
			this.channel = channel;
			this.frames = frames;
			// A failed write means a closed socket, whose subscription Spring's handler ends on its own.
			this.silent = new VoidChannelPromise(channel, false);
		}

		/** Whether a frame may be written now: on the channel's loop and below its high water mark. */
		boolean ready() {
			return this.channel.eventLoop().inEventLoop() && this.channel.isWritable();
		}

		void write(ByteBuf frame, int headerLength) {
			if (this.encoder == null && !this.asFrames) {
				resolve();
			}
			if (this.asFrames || this.encoder == null) {
				ByteBuf message = frame.retainedSlice(headerLength, frame.readableBytes() - headerLength);
				this.channel.write(new TextWebSocketFrame(message), this.silent);
			}
			else {
				this.encoder.write(frame.retainedDuplicate(), this.silent);
			}
		}

		void flush() {
			if (this.encoder != null && !this.asFrames) {
				this.encoder.flush();
			}
			else {
				this.channel.flush();
			}
		}

		private void resolve() {
			ChannelHandlerContext found = null;
			for (Map.Entry<String, ChannelHandler> entry : this.channel.pipeline()) {
				if (entry.getValue() instanceof WebSocketExtensionEncoder) {
					this.asFrames = true;
				}
				if (entry.getValue() instanceof WebSocketFrameEncoder) {
					found = this.channel.pipeline().context(entry.getValue());
				}
			}
			this.encoder = found;
			this.asFrames |= (found == null);
		}

	}

	/**
	 * One event's frames on one event loop: encoded once per operation id (clients usually number their
	 * operations, so most share one), written to every socket that takes them, then each socket flushed once.
	 */
	static final class Batch {

		private final SharedFrames.Payload payload;

		private final Map<String, Encoded> frames = new HashMap<>(4);

		private final List<Socket> written = new ArrayList<>();

		Batch(SharedFrames.Payload payload) {
			this.payload = payload;
		}

		/** Writes the event to the socket for the operation; false when it must take Spring's way instead. */
		boolean write(Socket socket, String id) {
			if (!socket.ready()) {
				return false;
			}
			Encoded encoded = this.frames.get(id);
			if (encoded == null) {
				byte[] idBytes = SharedFrames.plainAscii(id);
				if (idBytes == null) {
					return false;
				}
				int length = socket.frames.messageLength(idBytes, this.payload.json);
				int header = (length < 126) ? 2 : (length <= 0xFFFF) ? 4 : 10;
				ByteBuf frame = socket.channel.alloc().buffer(header + length);
				// A final, unmasked text frame: servers never mask (RFC 6455, 5.1).
				frame.writeByte(0x81);
				if (length < 126) {
					frame.writeByte(length);
				}
				else if (length <= 0xFFFF) {
					frame.writeByte(126).writeShort(length);
				}
				else {
					frame.writeByte(127).writeLong(length);
				}
				socket.frames.writeMessage(frame, idBytes, this.payload.json);
				encoded = new Encoded(frame, header);
				this.frames.put(id, encoded);
			}
			socket.write(encoded.frame(), encoded.header());
			this.written.add(socket);
			return true;
		}

		/** Flushes every socket written and lets go of the encoded frames. */
		void finish() {
			try {
				for (Socket socket : this.written) {
					socket.flush();
				}
			}
			finally {
				this.frames.values().forEach(encoded -> encoded.frame().release());
			}
		}

		private record Encoded(ByteBuf frame, int header) {
		}

	}

}
