package org.otklik.appeal;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A further message of the citizen in the appeal's thread, kept with the appeal rather than made a new
 * one: a clarification, a photo caption, "still no water".
 *
 * @param id unique within the appeal
 * @param externalId the message's id in its channel; a repeat of it adds nothing
 * @param postedAt when the citizen posted it, if the channel says
 * @param receivedAt when Otklik received it
 */
public record CitizenMessage(String id, String externalId, String text, @Nullable String url,
		@Nullable Instant postedAt, Instant receivedAt) {
}
