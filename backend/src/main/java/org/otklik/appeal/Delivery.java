package org.otklik.appeal;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * Where a published answer stands on its way to the citizen's channel.
 *
 * @param state where it stands
 * @param externalId the reply's id in the channel, once sent
 * @param link a link to the published reply, once sent (or the one a person gave when publishing by hand)
 * @param error why the last attempt failed, for FAILED and for PENDING after a failure
 * @param nextAttemptAt when the next attempt is due, while it is retried
 * @param at when the state was last set
 * @param by who published it by hand (MANUAL answers marked published)
 */
public record Delivery(DeliveryState state, @Nullable String externalId, @Nullable String link, @Nullable String error,
		@Nullable Instant nextAttemptAt, Instant at, @Nullable Person by) {

	/** Where a published answer stands. */
	public enum DeliveryState {

		/** Waiting to be sent (or to be retried, or for its channel account to be fixed). */
		PENDING,
		/** The channel accepted it. */
		SENT,
		/** Given up after repeated failures; a curator may retry. */
		FAILED,
		/** No channel account can send it: someone publishes it by hand and marks it published. */
		MANUAL

	}

	public static Delivery pending(Instant at) {
		return new Delivery(DeliveryState.PENDING, null, null, null, null, at, null);
	}

	public static Delivery manual(Instant at) {
		return new Delivery(DeliveryState.MANUAL, null, null, null, null, at, null);
	}

}
