package org.otklik.webhook;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.otklik.appeal.AppealEventType;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An integrator's endpoint for appeal events. The secret signs every delivery; it is given to the
 * integrator once, at registration, and the schema has no field that shows it again.
 *
 * @param ownerId the integrator's OAuth client id: it decides which appeals the webhook hears of
 * @param disabledReason why deliveries stopped (the retry window ran out), until it is enabled again
 */
@Document(Webhook.COLLECTION)
public record Webhook(@Id String id, String ownerId, String ownerName, String url, List<AppealEventType> eventTypes,
		@Nullable String description, String secret, boolean enabled, @Nullable String disabledReason,
		@Nullable Instant disabledAt, Instant createdAt) {

	public static final String COLLECTION = "webhooks";

	public Webhook {
		eventTypes = List.copyOf(eventTypes);
	}

}
