package org.otklik.webhook.internal;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.otklik.outbound.OutboundSender;
import org.otklik.webhook.Webhook;
import org.otklik.webhook.WebhookDelivery;
import org.otklik.webhook.WebhookDelivery.Attempt;
import org.otklik.webhook.WebhookDelivery.State;
import org.otklik.webhook.WebhookProperties;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

/**
 * Sends queued deliveries, on every instance: a delivery is claimed with a guarded update (one instance
 * sends it), posted with its signature and event id, and its attempt recorded. A failure waits a doubling
 * backoff; when the next attempt would fall outside the retry window the delivery fails and the webhook
 * is disabled with the reason, which its owner reads in {@code webhooks}.
 */
@Component
public class WebhookSender extends OutboundSender {

	public static final String EVENT_ID = "X-Otklik-Event-Id";

	public static final String EVENT_TYPE = "X-Otklik-Event-Type";

	public static final String DELIVERY_ID = "X-Otklik-Delivery-Id";

	public static final String WEBHOOK_ID = "X-Otklik-Webhook-Id";

	private final Webhooks webhooks;

	private final WebhookProperties properties;

	private final Clock clock;

	public WebhookSender(Webhooks webhooks, WebhookProperties properties, Clock clock) {
		super("otklik-webhooks", "Webhook", "delivery", properties.requestTimeout(), properties.sendEvery());
		this.webhooks = webhooks;
		this.properties = properties;
		this.clock = clock;
	}

	@Override
	protected Mono<Void> claimAndSend(String id) {
		return this.webhooks.claim(id, this.clock.instant(), this.properties.lease()).flatMap(this::send);
	}

	/** Sends what is due now, and what an instance that died was sending. */
	@Override
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
		return status(client().post()
			.uri(URI.create(webhook.url()))
			.contentType(MediaType.APPLICATION_JSON)
			.header(HttpHeaders.USER_AGENT, "Otklik-Webhooks/1")
			.header(WebhookSignature.HEADER, WebhookSignature.header(webhook.secret(), at.getEpochSecond(), delivery.body()))
			.header(EVENT_ID, delivery.eventId())
			.header(EVENT_TYPE, delivery.eventType().name())
			.header(DELIVERY_ID, delivery.id())
			.header(WEBHOOK_ID, webhook.id())
			.bodyValue(delivery.body().getBytes(StandardCharsets.UTF_8)))
			.map(status -> new Attempt(at, status, accepted(status) ? null : "HTTP " + status, elapsed(started)))
			.onErrorResume(ex -> Mono.just(new Attempt(at, null,
					problem(ex, "нет ответа за отведённое время", "получатель недоступен: "), elapsed(started))));
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

}
