package org.otklik.webhook.internal;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeoutException;

import io.netty.channel.ChannelOption;
import org.jspecify.annotations.Nullable;
import org.otklik.webhook.Webhook;
import org.otklik.webhook.WebhookDelivery;
import org.otklik.webhook.WebhookDelivery.Attempt;
import org.otklik.webhook.WebhookDelivery.State;
import org.otklik.webhook.WebhookProperties;
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
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;

/**
 * Sends queued deliveries, on every instance: a delivery is claimed with a guarded update (one instance
 * sends it), posted with its signature and event id, and its attempt recorded. A failure waits a doubling
 * backoff; when the next attempt would fall outside the retry window the delivery fails and the webhook
 * is disabled with the reason, which its owner reads in {@code webhooks}.
 */
@Component
public class WebhookSender implements SmartLifecycle, DisposableBean {

	public static final String EVENT_ID = "X-Otklik-Event-Id";

	public static final String EVENT_TYPE = "X-Otklik-Event-Type";

	public static final String DELIVERY_ID = "X-Otklik-Delivery-Id";

	public static final String WEBHOOK_ID = "X-Otklik-Webhook-Id";

	private static final Logger log = LoggerFactory.getLogger(WebhookSender.class);

	/** Deliveries sent at once by one instance, so one slow receiver does not hold up the others. */
	private static final int CONCURRENCY = 8;

	private final Webhooks webhooks;

	private final WebhookProperties properties;

	private final Clock clock;

	/** Own event loop and pool: a context that shuts down in the same JVM cannot take them away. */
	private final LoopResources loops = LoopResources.create("otklik-webhooks", 1, true);

	private final ConnectionProvider pool;

	private final WebClient client;

	private final Sinks.Many<String> due = Sinks.many().multicast().onBackpressureBuffer(8192, false);

	// Replaced on each start: a test context is paused (stopped) and resumed (started) by Spring's test
	// context cache, and a disposed composite would silently refuse the new subscriptions.
	private volatile Disposable.Composite running = Disposables.composite();

	public WebhookSender(Webhooks webhooks, WebhookProperties properties, Clock clock) {
		this.webhooks = webhooks;
		this.properties = properties;
		this.clock = clock;
		this.pool = ConnectionProvider.builder("otklik-webhooks").maxConnections(64)
			.pendingAcquireTimeout(properties.requestTimeout()).build();
		HttpClient http = HttpClient.create(this.pool)
			.runOn(this.loops)
			.option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(Integer.MAX_VALUE, properties.requestTimeout().toMillis()))
			.responseTimeout(properties.requestTimeout())
			// A receiver's redirect is a failure, not an invitation to post the event elsewhere.
			.followRedirect(false);
		this.client = WebClient.builder().clientConnector(new ReactorClientHttpConnector(http)).build();
	}

	/** A delivery was queued or requeued: try it now rather than at the next sweep. */
	public void wake(String deliveryId) {
		this.due.tryEmitNext(deliveryId);
	}

	@Override
	public void start() {
		if (this.running.isDisposed()) {
			this.running = Disposables.composite();
		}
		this.running.add(this.due.asFlux()
			.onBackpressureBuffer()
			.flatMap(id -> this.webhooks.claim(id, this.clock.instant(), this.properties.lease())
				.flatMap(this::send)
				.onErrorResume(ex -> {
					log.warn("Webhook delivery {} failed to run: {}", id, ex.toString());
					return Mono.empty();
				}), CONCURRENCY)
			.subscribe());
		this.running.add(Flux.interval(this.properties.sendEvery())
			.onBackpressureDrop()
			.concatMap(tick -> sweep().onErrorResume(ex -> {
				log.warn("Webhook sweep failed: {}", ex.toString());
				return Mono.empty();
			}))
			.subscribe());
	}

	/** Sends what is due now, and what an instance that died was sending. */
	public Mono<Void> sweep() {
		Instant now = this.clock.instant();
		return this.webhooks.due(now, 200)
			.flatMap(found -> this.webhooks.claim(found.id(), now, this.properties.lease())
				.flatMap(this::send)
				.onErrorResume(ex -> Mono.empty()), CONCURRENCY)
			.then();
	}

	private Mono<Void> send(WebhookDelivery delivery) {
		return this.webhooks.byId(delivery.webhookId()).map(Optional::of).defaultIfEmpty(Optional.empty()).flatMap(found -> {
			Webhook webhook = found.orElse(null);
			if (webhook == null) {
				return this.webhooks.giveUp(delivery.id(), "Вебхук удалён");
			}
			if (!webhook.enabled()) {
				return this.webhooks.giveUp(delivery.id(), "Вебхук отключён: " + webhook.disabledReason());
			}
			return post(webhook, delivery).flatMap(attempt -> recorded(webhook, delivery, attempt));
		});
	}

	private Mono<Attempt> post(Webhook webhook, WebhookDelivery delivery) {
		Instant at = this.clock.instant();
		long started = System.nanoTime();
		return this.client.post()
			.uri(URI.create(webhook.url()))
			.contentType(MediaType.APPLICATION_JSON)
			.header(HttpHeaders.USER_AGENT, "Otklik-Webhooks/1")
			.header(WebhookSignature.HEADER, WebhookSignature.header(webhook.secret(), at.getEpochSecond(), delivery.body()))
			.header(EVENT_ID, delivery.eventId())
			.header(EVENT_TYPE, delivery.eventType().name())
			.header(DELIVERY_ID, delivery.id())
			.header(WEBHOOK_ID, webhook.id())
			.bodyValue(delivery.body().getBytes(StandardCharsets.UTF_8))
			.exchangeToMono(response -> response.releaseBody().thenReturn(response.statusCode().value()))
			.timeout(this.properties.requestTimeout())
			.map(status -> new Attempt(at, status, (status >= 200 && status < 300) ? null : "HTTP " + status,
					elapsed(started)))
			.onErrorResume(ex -> Mono.just(new Attempt(at, null, problem(ex), elapsed(started))));
	}

	private Mono<Void> recorded(Webhook webhook, WebhookDelivery delivery, Attempt attempt) {
		if (attempt.error() == null) {
			return this.webhooks.attempted(delivery, attempt, State.DELIVERED, null);
		}
		Instant now = this.clock.instant();
		Instant next = now.plus(this.properties.backoff(delivery.attemptCount() + 1));
		if (!next.isAfter(delivery.giveUpAt())) {
			return this.webhooks.attempted(delivery, attempt, State.PENDING, next);
		}
		String reason = "Получатель не принял событие " + delivery.eventId() + " за " + window() + " ("
				+ (delivery.attemptCount() + 1) + " попыток, последняя: " + attempt.error()
				+ "). Доставка остановлена: исправьте получатель, включите вебхук (enableWebhook) и повторите "
				+ "недоставленные события (redeliverWebhook).";
		log.warn("Webhook {} of {} disabled: event {} not accepted within the retry window ({})", webhook.id(),
				webhook.ownerId(), delivery.eventId(), attempt.error());
		return this.webhooks.attempted(delivery, attempt, State.FAILED, null)
			.then(this.webhooks.disable(webhook.id(), reason, now))
			.then(this.webhooks.giveUpAll(webhook.id(), "Вебхук отключён: истекло время повторов"));
	}

	private String window() {
		long minutes = this.properties.retryWindow().toMinutes();
		return (minutes >= 60) ? (minutes / 60) + " ч" : (minutes > 0) ? minutes + " мин"
				: this.properties.retryWindow().toMillis() + " мс";
	}

	private static long elapsed(long started) {
		return (System.nanoTime() - started) / 1_000_000;
	}

	private static String problem(Throwable ex) {
		if (ex instanceof TimeoutException) {
			return "нет ответа за отведённое время";
		}
		if (ex instanceof WebClientRequestException request) {
			return "получатель недоступен: " + message(request.getMostSpecificCause());
		}
		return message(ex);
	}

	private static String message(@Nullable Throwable ex) {
		return (ex == null) ? "неизвестная ошибка" : (ex.getMessage() != null) ? ex.getMessage() : ex.getClass().getSimpleName();
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
