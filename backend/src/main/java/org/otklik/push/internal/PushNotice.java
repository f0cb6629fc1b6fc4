package org.otklik.push.internal;

import java.time.Instant;

import org.jspecify.annotations.Nullable;
import org.otklik.push.PushNoticeKind;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One notice on its way to one device. Its unique {@code key} (device, event, kind) makes a repeated
 * dispatch after a crash queue nothing new; its state changes are guarded updates, so one instance sends it.
 *
 * @param key device id, event id and kind: the dispatcher's idempotency key
 * @param nextAttemptAt when it may be sent: after the group window, after quiet hours, or after a backoff
 * @param groupedInto the notice whose summary carried this one
 */
@Document(PushNotice.COLLECTION)
public record PushNotice(@Id String id, String key, String deviceId, String userId, PushNoticeKind kind, boolean urgent,
		@Nullable String appealId, @Nullable String number, String title, String body, String url, State state,
		int attemptCount, @Nullable Instant nextAttemptAt, @Nullable Instant leaseUntil, Instant createdAt,
		@Nullable Instant sentAt, @Nullable String lastError, @Nullable String groupedInto) {

	public static final String COLLECTION = "push_notices";

	/** Where a notice stands. */
	public enum State {

		/** Waiting for its time (group window, quiet hours, backoff). */
		PENDING,

		/** Claimed by an instance that is sending it. */
		SENDING,

		/** A push service accepted it (alone or in a summary). */
		SENT,

		/** Given up: attempts ran out, or the device is gone. */
		FAILED

	}

}
