package org.otklik.outbound;

import java.time.Duration;
import java.util.concurrent.TimeoutException;

import io.netty.channel.ChannelOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import reactor.netty.resources.LoopResources;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;

/**
 * A sender of queued outbound HTTP requests on every instance (web push notices, webhook deliveries): it
 * owns a reactive HTTP client with its own pool and event loop, tries a queued item at once when woken, and
 * sweeps for due items at a fixed interval. Subclasses claim and send one item, and say what a sweep sends.
 */
public abstract class OutboundSender implements SmartLifecycle, DisposableBean {

	/** Items sent at once by one instance, so one slow receiver does not hold up the others. */
	protected static final int CONCURRENCY = 8;

	/** The logger of the concrete sender, so its messages keep their category. */
	protected final Logger log = LoggerFactory.getLogger(getClass());

	private final String label;

	private final String item;

	private final Duration requestTimeout;

	private final Duration sendEvery;

	/** Own event loop and pool: a context that shuts down in the same JVM cannot take them away. */
	private final LoopResources loops;

	private final ConnectionProvider pool;

	private final WebClient client;

	private final Sinks.Many<String> due = Sinks.many().multicast().onBackpressureBuffer(8192, false);

	// Replaced on each start: a test context is paused (stopped) and resumed (started) by Spring's test
	// context cache, and a disposed composite would silently refuse the new subscriptions.
	private volatile Disposable.Composite running = Disposables.composite();

	/**
	 * @param name names the pool and the event loop threads ({@code otklik-push})
	 * @param label what the logs call the sender ({@code Push}: "Push sweep failed")
	 * @param item what the logs call one item ({@code notice}: "Push notice 42 failed to run")
	 * @param requestTimeout how long one request may take, connection included
	 * @param sendEvery how often due items are looked for
	 */
	protected OutboundSender(String name, String label, String item, Duration requestTimeout,
			Duration sendEvery) {
		this.label = label;
		this.item = item;
		this.requestTimeout = requestTimeout;
		this.sendEvery = sendEvery;
		this.loops = LoopResources.create(name, 1, true);
		this.pool = ConnectionProvider.builder(name).maxConnections(64).pendingAcquireTimeout(requestTimeout).build();
		HttpClient http = HttpClient.create(this.pool)
			.runOn(this.loops)
			.option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(Integer.MAX_VALUE, requestTimeout.toMillis()))
			.responseTimeout(requestTimeout)
			// A receiver's redirect is a failure, not an invitation to post elsewhere.
			.followRedirect(false);
		this.client = WebClient.builder().clientConnector(new ReactorClientHttpConnector(http)).build();
	}

	/** An item was queued or requeued: try it now rather than at the next sweep. */
	public void wake(String id) {
		this.due.tryEmitNext(id);
	}

	/** Claims the item with this id, if it is still due and no other instance holds it, and sends it. */
	protected abstract Mono<Void> claimAndSend(String id);

	/** Sends what is due now, and what an instance that died was sending. */
	public abstract Mono<Void> sweep();

	protected final WebClient client() {
		return this.client;
	}

	/** Exchanges the request, giving the status of the answer (its body is released) within the timeout. */
	protected final Mono<Integer> status(WebClient.RequestHeadersSpec<?> request) {
		return request.exchangeToMono(response -> response.releaseBody().thenReturn(response.statusCode().value()))
			.timeout(this.requestTimeout);
	}

	protected static boolean accepted(int status) {
		return status >= 200 && status < 300;
	}

	/**
	 * A failed exchange in words for the item's record.
	 * @param noAnswer said on a timeout
	 * @param unreachable said, followed by the cause, when no connection could be made
	 */
	protected static String problem(Throwable ex, String noAnswer, String unreachable) {
		if (ex instanceof TimeoutException) {
			return noAnswer;
		}
		if (ex instanceof WebClientRequestException request) {
			return unreachable + message(request.getMostSpecificCause());
		}
		return message(ex);
	}

	private static String message(Throwable ex) {
		return (ex.getMessage() != null) ? ex.getMessage() : ex.getClass().getSimpleName();
	}

	@Override
	public void start() {
		if (this.running.isDisposed()) {
			this.running = Disposables.composite();
		}
		this.running.add(this.due.asFlux()
			.onBackpressureBuffer()
			.flatMap(id -> claimAndSend(id).onErrorResume(ex -> {
				this.log.warn("{} {} {} failed to run: {}", this.label, this.item, id, ex.toString());
				return Mono.empty();
			}), CONCURRENCY)
			.subscribe());
		this.running.add(Flux.interval(this.sendEvery)
			.onBackpressureDrop()
			.concatMap(tick -> sweep().onErrorResume(ex -> {
				this.log.warn("{} sweep failed: {}", this.label, ex.toString());
				return Mono.empty();
			}))
			.subscribe());
	}

	@Override
	public void stop() {
		this.running.dispose();
	}

	// The HTTP pool and loops live as long as the bean, not the lifecycle: after a stop and a start they
	// must still send (a stopped sender whose loops were disposed failed every send with "event executor
	// terminated" once a paused test context was resumed).
	@Override
	public void destroy() {
		this.pool.dispose();
		this.loops.dispose();
	}

	@Override
	public boolean isRunning() {
		return !this.running.isDisposed() && this.running.size() > 0;
	}

}
