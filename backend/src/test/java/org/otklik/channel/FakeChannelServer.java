package org.otklik.channel;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.resources.LoopResources;

/**
 * A local stand-in for a channel's API (VK, Telegram, MAX, OK) that records every call and answers what
 * the test programmed: tests never reach the real hosts.
 */
final class FakeChannelServer implements AutoCloseable {

	/** A recorded call. */
	record Call(String method, String path, String query, Map<String, String> headers, String body) {

		boolean is(String pathPart) {
			return this.path.contains(pathPart);
		}

		/** A form field of a form-encoded body (VK). */
		String form(String name) {
			for (String pair : this.body.split("&")) {
				int eq = pair.indexOf('=');
				if (eq > 0 && java.net.URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8).equals(name)) {
					return java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
				}
			}
			return null;
		}

	}

	/** An answer: status, body, and headers such as Retry-After. */
	record Reply(int status, String body, Map<String, String> headers) {

		static Reply json(String body) {
			return new Reply(200, body, Map.of());
		}

		static Reply status(int status, String body) {
			return new Reply(status, body, Map.of());
		}

	}

	/**
	 * Its own event loop: on the global one, the server would stop listening as soon as any application
	 * context in the test JVM shuts down and disposes Reactor Netty's global resources.
	 */
	private final LoopResources loop = LoopResources.create("fake-channel", 1, true);

	private final DisposableServer server;

	private final List<Call> calls = new CopyOnWriteArrayList<>();

	/** Answers by a path fragment: queued ones first, then the standing one. */
	private final Map<String, Deque<Reply>> queued = new ConcurrentHashMap<>();

	private final Map<String, Reply> standing = new ConcurrentHashMap<>();

	FakeChannelServer() {
		this.server = HttpServer.create()
			.host("127.0.0.1")
			.port(0)
			.runOn(this.loop)
			.handle((request, response) -> request.receive().aggregate().asString(StandardCharsets.UTF_8).defaultIfEmpty("")
				.flatMap(body -> {
					String uri = request.uri();
					int q = uri.indexOf('?');
					String path = (q >= 0) ? uri.substring(0, q) : uri;
					Map<String, String> headers = new ConcurrentHashMap<>();
					request.requestHeaders().forEach(h -> headers.put(h.getKey().toLowerCase(), h.getValue()));
					this.calls.add(new Call(request.method().name(), path, (q >= 0) ? uri.substring(q + 1) : "", headers, body));
					Reply reply = replyFor(path);
					reply.headers().forEach(response::header);
					return response.status(reply.status()).header("Content-Type", "application/json")
						.sendString(Mono.just(reply.body())).then();
				}))
			.bindNow();
	}

	String url() {
		return "http://127.0.0.1:" + this.server.port();
	}

	/** The standing answer for calls whose path contains the fragment. */
	void always(String pathPart, Reply reply) {
		this.standing.put(pathPart, reply);
	}

	/** Answers the next call whose path contains the fragment with these, in order, before the standing one. */
	void next(String pathPart, Reply... replies) {
		Deque<Reply> queue = this.queued.computeIfAbsent(pathPart, k -> new ArrayDeque<>());
		synchronized (queue) {
			queue.addAll(List.of(replies));
		}
	}

	private Reply replyFor(String path) {
		for (Map.Entry<String, Deque<Reply>> entry : this.queued.entrySet()) {
			if (path.contains(entry.getKey())) {
				synchronized (entry.getValue()) {
					Reply reply = entry.getValue().pollFirst();
					if (reply != null) {
						return reply;
					}
				}
			}
		}
		return this.standing.entrySet().stream()
			.filter(e -> path.contains(e.getKey()))
			.map(Map.Entry::getValue)
			.findFirst()
			.orElse(Reply.status(404, "{\"error\":\"not programmed\"}"));
	}

	List<Call> calls(Predicate<Call> which) {
		return this.calls.stream().filter(which).toList();
	}

	List<Call> calls(String pathPart) {
		return calls(c -> c.is(pathPart));
	}

	void reset() {
		this.calls.clear();
		this.queued.clear();
		this.standing.clear();
	}

	@Override
	public void close() {
		this.server.disposeNow();
		this.loop.dispose();
	}

}
