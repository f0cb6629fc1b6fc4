package org.otklik.channel.internal;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.otklik.appeal.ChannelMessage;
import org.otklik.appeal.ChannelSource.ReplyTarget;
import org.otklik.channel.ChannelAccount;
import org.otklik.channel.ChannelKind;
import tools.jackson.databind.JsonNode;
import reactor.core.publisher.Mono;

/**
 * One channel as Otklik uses it: what its events mean, and its API (send a reply, check an account,
 * poll for events). Implementations classify every failed call as a {@link ChannelException}.
 */
public interface ChannelClient {

	ChannelKind kind();

	/**
	 * Posts one part of an answer as a reply to the target.
	 *
	 * @param idempotencyKey stable for this part of this answer, for channels that deduplicate by one
	 */
	Mono<Sent> send(ChannelAccount account, String token, ReplyTarget target, String text, String idempotencyKey);

	/** Checks the token; returns what the channel calls the account. */
	Mono<String> check(ChannelAccount account, String token);

	/**
	 * Waits for events after {@code offset} (long polling).
	 *
	 * @return the raw events, each with its key for deduplication, and the offset to continue from
	 */
	Mono<Poll> poll(ChannelAccount account, String token, @Nullable String offset);

	/** The longest text one message may carry. */
	int maxText(ReplyTarget target);

	/**
	 * The key of an event (a repeat of the event has the same one), or null for what is not an event
	 * Otklik keeps.
	 */
	@Nullable String eventKey(JsonNode body);

	/**
	 * The citizens' messages in a stored event, normalised; none for events Otklik does not take in
	 * (the account's own replies, edits, service messages).
	 *
	 * @param token the account's token, for looking up an author's name where the event has none
	 */
	Mono<List<ChannelMessage>> messages(ChannelAccount account, @Nullable String token, JsonNode body);

	/**
	 * A reply the channel accepted.
	 *
	 * @param externalId its id in the channel
	 * @param link a link to it, where the channel has one
	 */
	record Sent(String externalId, @Nullable String link) {
	}

	/** What a long-poll request returned. */
	record Poll(List<RawEvent> events, @Nullable String nextOffset) {
	}

	/** One event as the channel sent it, with the key that makes a repeat recognisable. */
	record RawEvent(String key, JsonNode body) {
	}

}
