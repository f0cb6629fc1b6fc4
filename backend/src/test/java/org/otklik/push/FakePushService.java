package org.otklik.push;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import reactor.core.publisher.Mono;
import reactor.netty.ByteBufFlux;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.resources.LoopResources;

/**
 * A local push service (never a real one): records every POST (path, headers, encrypted body) and answers
 * 201 Created, or the statuses a test programmed for its path. Each test subscribes at a path of its own.
 */
final class FakePushService implements AutoCloseable {

	/** A recorded request; header names in lower case. */
	record Call(String path, Map<String, String> headers, byte[] body) {

		String header(String name) {
			return this.headers.get(name.toLowerCase());
		}

	}

	/** Its own event loop, so that no application context shutting down in this JVM stops it. */
	private final LoopResources loop = LoopResources.create("fake-push", 1, true);

	private final DisposableServer server;

	private final List<Call> calls = new CopyOnWriteArrayList<>();

	private final Map<String, Deque<Integer>> queued = new ConcurrentHashMap<>();

	private final Map<String, Integer> standing = new ConcurrentHashMap<>();

	FakePushService() {
		this.server = HttpServer.create()
			.host("127.0.0.1")
			.port(0)
			.runOn(this.loop)
			.handle((request, response) -> request.receive().aggregate().asByteArray().defaultIfEmpty(new byte[0])
				.flatMap(body -> {
					String path = request.path().startsWith("/") ? request.path() : "/" + request.path();
					Map<String, String> headers = new ConcurrentHashMap<>();
					request.requestHeaders().forEach(h -> headers.put(h.getKey().toLowerCase(), h.getValue()));
					this.calls.add(new Call(path, headers, body));
					return response.status(statusFor(path)).send(ByteBufFlux.fromString(Mono.just(""))).then();
				}))
			.bindNow();
	}

	/** The origin push services are addressed by: the VAPID token's audience. */
	String origin() {
		return "http://127.0.0.1:" + this.server.port();
	}

	/** The endpoint of a subscription at this path. */
	String endpoint(String path) {
		return origin() + path;
	}

	void next(String path, Integer... statuses) {
		Deque<Integer> queue = this.queued.computeIfAbsent(path, k -> new ArrayDeque<>());
		synchronized (queue) {
			queue.addAll(List.of(statuses));
		}
	}

	void always(String path, int status) {
		this.standing.put(path, status);
	}

	private int statusFor(String path) {
		Deque<Integer> queue = this.queued.get(path);
		if (queue != null) {
			synchronized (queue) {
				Integer status = queue.pollFirst();
				if (status != null) {
					return status;
				}
			}
		}
		return this.standing.getOrDefault(path, 201);
	}

	List<Call> calls(String path) {
		return this.calls.stream().filter(c -> c.path().equals(path)).toList();
	}

	@Override
	public void close() {
		this.server.disposeNow();
		this.loop.dispose();
	}

}
