package org.otklik.support;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * A minimal blocking WebSocket client over a plain socket. Tests use it to be a subscriber that stops
 * reading: with a tiny receive buffer the server's writes back up, as for a phone on a dying link.
 */
public final class RawWebSocket implements AutoCloseable {

	private final Socket socket;

	private final DataInputStream in;

	private final OutputStream out;

	private final SecureRandom random = new SecureRandom();

	private RawWebSocket(Socket socket) throws IOException {
		this.socket = socket;
		this.in = new DataInputStream(socket.getInputStream());
		this.out = socket.getOutputStream();
	}

	/** Opens a graphql-transport-ws connection with the given socket receive buffer size. */
	public static RawWebSocket connect(int port, String path, int receiveBuffer) throws IOException {
		Socket socket = new Socket();
		socket.setReceiveBufferSize(receiveBuffer);
		socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
		socket.setSoTimeout(30_000);
		RawWebSocket ws = new RawWebSocket(socket);
		byte[] nonce = new byte[16];
		ws.random.nextBytes(nonce);
		String request = "GET " + path + " HTTP/1.1\r\nHost: localhost:" + port + "\r\nUpgrade: websocket\r\n"
				+ "Connection: Upgrade\r\nSec-WebSocket-Key: " + Base64.getEncoder().encodeToString(nonce)
				+ "\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Protocol: graphql-transport-ws\r\n\r\n";
		ws.out.write(request.getBytes(StandardCharsets.US_ASCII));
		ws.out.flush();
		String status = ws.readLine();
		if (!status.contains(" 101 ")) {
			throw new IOException("Handshake refused: " + status);
		}
		while (!ws.readLine().isEmpty()) {
			// skip headers
		}
		return ws;
	}

	private String readLine() throws IOException {
		ByteArrayOutputStream line = new ByteArrayOutputStream();
		int b;
		while ((b = this.in.read()) != -1) {
			if (b == '\n') {
				break;
			}
			if (b != '\r') {
				line.write(b);
			}
		}
		return line.toString(StandardCharsets.US_ASCII);
	}

	/** Sends a masked text frame, as clients must. */
	public void sendText(String text) throws IOException {
		sendFrame(0x1, text.getBytes(StandardCharsets.UTF_8));
	}

	/** Sends one masked frame with the given opcode (1 text, 2 binary) and raw payload, valid or not. */
	public void sendFrame(int opcode, byte[] payload) throws IOException {
		ByteArrayOutputStream frame = new ByteArrayOutputStream();
		frame.write(0x80 | opcode);
		if (payload.length < 126) {
			frame.write(0x80 | payload.length);
		}
		else {
			frame.write(0x80 | 126);
			frame.write((payload.length >> 8) & 0xff);
			frame.write(payload.length & 0xff);
		}
		byte[] mask = new byte[4];
		this.random.nextBytes(mask);
		frame.write(mask);
		for (int i = 0; i < payload.length; i++) {
			frame.write(payload[i] ^ mask[i % 4]);
		}
		this.out.write(frame.toByteArray());
		this.out.flush();
	}

	/** Reads the next frame; text frames return their text, a close frame returns {@code CLOSE <code> <reason>}. */
	public String readFrame() throws IOException {
		int first = this.in.readUnsignedByte();
		int second = this.in.readUnsignedByte();
		long length = second & 0x7f;
		if (length == 126) {
			length = this.in.readUnsignedShort();
		}
		else if (length == 127) {
			length = this.in.readLong();
		}
		byte[] payload = new byte[(int) length];
		this.in.readFully(payload);
		int opcode = first & 0x0f;
		if (opcode == 0x8) {
			int code = (payload.length >= 2) ? ((payload[0] & 0xff) << 8) | (payload[1] & 0xff) : 1005;
			String reason = (payload.length > 2) ? new String(payload, 2, payload.length - 2, StandardCharsets.UTF_8) : "";
			return "CLOSE " + code + " " + reason;
		}
		return new String(payload, StandardCharsets.UTF_8);
	}

	/** Reads frames until a close frame arrives (or the stream ends) and returns it. */
	public String readUntilClose() throws IOException {
		while (true) {
			String frame;
			try {
				frame = readFrame();
			}
			catch (java.io.EOFException ex) {
				return "EOF";
			}
			if (frame.startsWith("CLOSE ")) {
				return frame;
			}
		}
	}

	@Override
	public void close() throws IOException {
		this.socket.close();
	}

}
