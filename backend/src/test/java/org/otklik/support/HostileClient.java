package org.otklik.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What hostile-input tests need: raw HTTP bodies (any bytes), a raw graphql-transport-ws conversation, and the
 * check that nothing a client sees leaks internals (Java class names, exceptions, stack frames).
 */
public final class HostileClient {

	/** Java class names, exception names, stack frames and graphql-java AST nodes. */
	private static final Pattern INTERNALS = Pattern.compile(
			"Exception|\\bat (java|org|graphql|reactor|de)\\.|\\b(java|javax|org|graphql|reactor|tools|com)\\.[a-z]+\\.[A-Za-z]"
					+ "|\\w+Value\\{|'(Long|Integer|BigInteger|BigDecimal|Double|LinkedHashMap|ArrayList)'");

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	private HostileClient() {
	}

	/** Posts exactly these bytes as an {@code application/json} body. */
	public static HttpResponse<String> post(int port, byte[] body, String token) {
		return post(port, HttpRequest.BodyPublishers.ofByteArray(body), token);
	}

	/** Posts the bytes chunked, without a {@code Content-Length}, so the server learns the size only by reading. */
	public static HttpResponse<String> postChunked(int port, byte[] body, String token) {
		return post(port, HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(body)), token);
	}

	private static HttpResponse<String> post(int port, HttpRequest.BodyPublisher body, String token) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/graphql"))
			.timeout(Duration.ofSeconds(60))
			.header("Content-Type", "application/json")
			.header("Accept", "application/json")
			.POST(body);
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		try {
			return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new AssertionError("The server did not answer: " + ex, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError(ex);
		}
	}

	public static HttpResponse<String> post(int port, String body, String token) {
		return post(port, body.getBytes(StandardCharsets.UTF_8), token);
	}

	/** A JSON request body with this document. */
	public static String query(String document) {
		return "{\"query\":" + quote(document) + "}";
	}

	public static String quote(String value) {
		return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
	}

	/** Fails when the text shows any internals. */
	public static void assertNoInternals(String text) {
		assertThat(INTERNALS.matcher(text).find()).as("internals in: %s", text).isFalse();
	}

	/** Opens a socket and completes graphql-transport-ws initialisation with the token. */
	public static RawWebSocket initialised(int port, String token) throws IOException {
		RawWebSocket ws = RawWebSocket.connect(port, "/graphql", 1 << 16);
		ws.sendText("{\"type\":\"connection_init\",\"payload\":{\"Authorization\":\"Bearer " + token + "\"}}");
		assertThat(ws.readFrame()).contains("connection_ack");
		return ws;
	}

	/** Reads frames until one matches, and returns every frame read; fails on a close. */
	public static List<String> readUntil(RawWebSocket ws, Predicate<String> wanted) throws IOException {
		List<String> frames = new ArrayList<>();
		while (true) {
			String frame = ws.readFrame();
			assertThat(frame).as("socket closed while waiting; read %s", frames).doesNotStartWith("CLOSE ");
			frames.add(frame);
			if (wanted.test(frame)) {
				return frames;
			}
		}
	}

}
