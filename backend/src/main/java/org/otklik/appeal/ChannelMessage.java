package org.otklik.appeal;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A message from a connected channel, normalised by its adapter: it becomes a new appeal, or joins the
 * open appeal of its thread as the citizen's further message.
 *
 * @param externalId the post, comment or message id in the channel; unique per channel
 * @param url a link to it, where the channel has one
 * @param source the account it came through, what to reply to, and its thread
 */
public record ChannelMessage(Channel channel, String externalId, @Nullable String url, String text,
		@Nullable String authorName, @Nullable String authorProfileUrl, @Nullable Instant postedAt,
		ChannelSource source) {
}
