package org.otklik.support;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiPredicate;
import java.util.function.Predicate;

import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.resources.LoopResources;

/**
 * A local stand-in for an external HTTP service (a push service, an integrator's webhook receiver, a
 * channel's API) that records every request and answers what the test programmed for its path, so tests
 * never reach real hosts and each test can work at a path of its own.
 */
public final class FakeHttpServer implements AutoCloseable {

	/** A recorded request; header names in lower case. */
	public record Call(String method, String path, String query, Map<String, String> headers, byte[] bytes) {

		public String header(String name) {
			return this.headers.get(name.toLowerCase());
		}

		/** The body as UTF-8 text. */
		public String body() {
			return new String(this.bytes, StandardCharsets.UTF_8);
		}

		public boolean is(String pathPart) {
			return this.path.contains(pathPart);
		}

		/** A form field of a form-encoded body (VK). */
		public String form(String name) {
			for (String pair : body().split("&")) {
				int eq = pair.indexOf('=');
				if (eq > 0 && URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8).equals(name)) {
					return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
				}
			}
			return null;
		}

	}

	/** An answer: status, body, and headers such as Retry-After. */
	public record Reply(int status, String body, Map<String, String> headers) {

		public static Reply json(String body) {
			return new Reply(200, body, Map.of());
		}

		public static Reply status(int status, String body) {
			return new Reply(status, body, Map.of());
		}

		public static Reply status(int status) {
			return status(status, "");
		}

	}

	/**
	 * Its own event loop: on the global one, the server would stop listening as soon as any application
	 * context in the test JVM shuts down and disposes Reactor Netty's global resources.
	 */
	private final LoopResources loop;

	private final DisposableServer server;

	/** Whether a request's path answers to a key that answers were programmed for. */
	private final BiPredicate<String, String> matches;

	private final Reply otherwise;

	private final Map<String, String> everyReply;

	private final List<Call> calls = new CopyOnWriteArrayList<>();

	/** Answers by key: queued ones first, then the standing one, then {@link #otherwise}. */
	private final Map<String, Deque<Reply>> queued = new ConcurrentHashMap<>();

	private final Map<String, Reply> standing = new ConcurrentHashMap<>();

	private FakeHttpServer(String name, BiPredicate<String, String> matches, Reply otherwise,
			Map<String, String> everyReply) {
		this.loop = LoopResources.create(name, 1, true);
		this.matches = matches;
		this.otherwise = otherwise;
		this.everyReply = everyReply;
		this.server = HttpServer.create()
			.host("127.0.0.1")
			.port(0)
			.runOn(this.loop)
			.handle((request, response) -> request.receive().aggregate().asByteArray().defaultIfEmpty(new byte[0])
				.flatMap(body -> {
					String uri = request.uri();
					int q = uri.indexOf('?');
					String path = (q >= 0) ? uri.substring(0, q) : uri;
					Map<String, String> headers = new ConcurrentHashMap<>();
					request.requestHeaders().forEach(h -> headers.put(h.getKey().toLowerCase(), h.getValue()));
					this.calls.add(new Call(request.method().name(), path, (q >= 0) ? uri.substring(q + 1) : "", headers, body));
					Reply reply = replyFor(path);
					reply.headers().forEach(response::header);
					this.everyReply.forEach(response::header);
					return response.status(reply.status()).sendString(Mono.just(reply.body())).then();
				}))
			.bindNow();
	}

	/**
	 * A server programmed by exact path, answering {@code status} with an empty body where nothing was
	 * programmed (a push service, a webhook receiver).
	 */
	public static FakeHttpServer byPath(String name, int status) {
		return new FakeHttpServer(name, String::equals, Reply.status(status), Map.of());
	}

	/**
	 * A JSON API programmed by path fragment ({@code /sendMessage}), answering 404 where nothing was
	 * programmed (a channel's API).
	 */
	public static FakeHttpServer jsonByPathPart(String name) {
		return new FakeHttpServer(name, String::contains, Reply.status(404, "{\"error\":\"not programmed\"}"),
				Map.of("Content-Type", "application/json"));
	}

	/** The origin: scheme, host and port. */
	public String url() {
		return "http://127.0.0.1:" + this.server.port();
	}

	public String url(String path) {
		return url() + path;
	}

	/** Answers the next requests for this key with these, in order, before the standing answer. */
	public void next(String key, Reply... replies) {
		Deque<Reply> queue = this.queued.computeIfAbsent(key, k -> new ArrayDeque<>());
		synchronized (queue) {
			queue.addAll(List.of(replies));
		}
	}

	/** Answers the next requests for this key with these statuses (empty bodies), in order. */
	public void next(String key, Integer... statuses) {
		next(key, List.of(statuses).stream().map(Reply::status).toArray(Reply[]::new));
	}

	/** The standing answer for requests for this key (until changed). */
	public void always(String key, Reply reply) {
		this.standing.put(key, reply);
	}

	public void always(String key, int status) {
		always(key, Reply.status(status));
	}

	private Reply replyFor(String path) {
		for (Map.Entry<String, Deque<Reply>> entry : this.queued.entrySet()) {
			if (this.matches.test(path, entry.getKey())) {
				synchronized (entry.getValue()) {
					Reply reply = entry.getValue().pollFirst();
					if (reply != null) {
						return reply;
					}
				}
			}
		}
		return this.standing.entrySet().stream()
			.filter(e -> this.matches.test(path, e.getKey()))
			.map(Map.Entry::getValue)
			.findFirst()
			.orElse(this.otherwise);
	}

	public List<Call> calls(Predicate<Call> which) {
		return this.calls.stream().filter(which).toList();
	}

	/** The requests for this key, in the order they came. */
	public List<Call> calls(String key) {
		return calls(c -> this.matches.test(c.path(), key));
	}

	/** Forgets the requests and what was programmed. */
	public void reset() {
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
