package org.otklik.channel;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A connected official account (a VK community, a Telegram or MAX bot, an OK group) through which
 * appeals arrive and answers are sent. Its token and secret are stored encrypted and never leave the
 * server: the schema has no field for them.
 *
 * @param agencyId the agency the account belongs to; null for the ЦУР's own
 * @param externalAccountId the VK group id, the bot's username, the OK group id
 * @param token encrypted API token
 * @param secret encrypted webhook secret (VK {@code secret}, Telegram secret token, MAX secret, OK path key)
 * @param confirmationCode VK's confirmation string, which VK shows to anyone who calls the endpoint
 * @param pollOwner the instance that long-polls this account now
 * @param pollLeaseUntil until when that instance holds the poll
 * @param pollOffset where long polling goes on (VK {@code ts}, Telegram {@code offset}, MAX {@code marker})
 */
@Document("channel_accounts")
public record ChannelAccount(@Id String id, ChannelKind kind, String name, @Nullable String agencyId, ChannelMode mode,
		@Nullable String externalAccountId, @Nullable String token, @Nullable String secret,
		@Nullable String confirmationCode, ChannelHealth health, @Nullable Instant lastEventAt, @Nullable String lastError,
		boolean enabled, Instant createdAt, long version, @Nullable String pollOwner, @Nullable Instant pollLeaseUntil,
		@Nullable String pollOffset) {

	/** Where the channel posts its events for this account, relative to the public base URL. */
	public String webhookPath() {
		return "/channels/" + this.kind.path() + "/" + this.id;
	}

}
