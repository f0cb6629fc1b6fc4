package org.otklik.webhook;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.otklik.appeal.AppealEventType;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One event on its way to one webhook, with every attempt. The body is built once, when the event is
 * dispatched, and sent byte for byte on every attempt; only the signature's timestamp changes.
 *
 * @param key the webhook and the event: unique, so an event reaches a webhook's queue once however
 *            often it is dispatched
 * @param giveUpAt when retries stop and the webhook is disabled
 */
@Document(WebhookDelivery.COLLECTION)
public record WebhookDelivery(@Id String id, String key, String webhookId, String ownerId, String eventId,
		AppealEventType eventType, String appealId, String body, State state, int attemptCount, List<Attempt> attempts,
		@Nullable Instant nextAttemptAt, @Nullable Instant leaseUntil, Instant createdAt, Instant giveUpAt,
		@Nullable Instant deliveredAt, @Nullable String lastError) {

	public static final String COLLECTION = "webhook_deliveries";

	public WebhookDelivery {
		attempts = (attempts != null) ? List.copyOf(attempts) : List.of();
	}

	/** Where a delivery stands. */
	public enum State {
		/** Waiting for its next attempt (at {@code nextAttemptAt}, or at once). */
		PENDING,
		/** Claimed by an instance until {@code leaseUntil}. */
		SENDING,
		/** The receiver answered 2xx. */
		DELIVERED,
		/** Given up: the retry window ran out, or the webhook was disabled or deleted. */
		FAILED
	}

	/**
	 * One POST.
	 *
	 * @param statusCode the receiver's HTTP status, null when none came (timeout, refused connection)
	 * @param error what went wrong, null on success
	 */
	public record Attempt(Instant at, @Nullable Integer statusCode, @Nullable String error, long durationMs) {
	}

}
