package org.otklik.channel.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.otklik.appeal.Channel;
import org.otklik.appeal.ChannelMessage;
import org.otklik.appeal.ChannelSource;
import org.otklik.appeal.ChannelSource.ReplyKind;
import org.otklik.appeal.ChannelSource.ReplyTarget;
import org.otklik.channel.ChannelAccount;
import org.otklik.channel.ChannelKind;
import org.otklik.channel.ChannelProperties;
import tools.jackson.databind.JsonNode;
import reactor.core.publisher.Mono;

import org.springframework.http.MediaType;

/**
 * Telegram bots: messages to the bot, and comments in a channel's discussion group where the bot is a
 * member; replies with {@code sendMessage} and {@code reply_parameters}. Telegram has no idempotency key,
 * so a reply is never sent again once Telegram accepted it.
 */
final class TelegramChannel implements ChannelClient {

	private final Http http;

	private final ChannelProperties properties;

	TelegramChannel(Http http, ChannelProperties properties) {
		this.http = http;
		this.properties = properties;
	}

	@Override
	public ChannelKind kind() {
		return ChannelKind.TELEGRAM;
	}

	@Override
	public @Nullable String eventKey(JsonNode body) {
		return Json.text(body, "update_id");
	}

	@Override
	public Mono<List<ChannelMessage>> messages(ChannelAccount account, @Nullable String token, JsonNode update) {
		JsonNode message = update.path("message");
		if (message.isMissingNode()) {
			return Mono.just(List.of());
		}
		JsonNode from = message.path("from");
		JsonNode chat = message.path("chat");
		Long chatId = Json.number(chat, "id");
		Long messageId = Json.number(message, "message_id");
		Long fromId = Json.number(from, "id");
		String text = (Json.text(message, "text") != null) ? Json.text(message, "text") : Json.text(message, "caption");
		// A channel's post forwarded into its discussion group, and other bots, are not citizens writing.
		if (chatId == null || messageId == null || fromId == null || text == null || from.path("is_bot").asBoolean(false)
				|| message.path("is_automatic_forward").asBoolean(false)) {
			return Mono.just(List.of());
		}
		String type = Json.text(chat, "type");
		String threadKey;
		if ("private".equals(type)) {
			threadKey = "tg:" + chatId;
		}
		else {
			// In a discussion group a comment belongs to the channel post it answers; one citizen, one thread.
			Long thread = Json.number(message, "message_thread_id");
			threadKey = "tg:" + chatId + ":" + ((thread != null) ? thread : "group") + ":" + fromId;
		}
		String chatName = Json.text(chat, "username");
		String url = (chatName != null && !"private".equals(type)) ? "https://t.me/" + chatName + "/" + messageId : null;
		String first = Json.text(from, "first_name");
		String last = Json.text(from, "last_name");
		String name = (first == null) ? null : (last == null) ? first : first + " " + last;
		String username = Json.text(from, "username");
		Long date = Json.number(message, "date");
		ChannelSource source = new ChannelSource(account.id(), new ReplyTarget(ReplyKind.MESSAGE, String.valueOf(chatId), null,
				String.valueOf(messageId)), threadKey);
		return Mono.just(List.of(new ChannelMessage(Channel.TELEGRAM, "tg" + chatId + "_" + messageId, url, text, name,
				(username != null) ? "https://t.me/" + username : null, (date != null) ? Instant.ofEpochSecond(date) : null,
				source)));
	}

	@Override
	public Mono<Sent> send(ChannelAccount account, String token, ReplyTarget target, String text, String idempotencyKey) {
		Map<String, Object> body = (target.messageId() != null)
				? Map.of("chat_id", target.chatId(), "text", text, "reply_parameters",
						Map.of("message_id", Long.parseLong(target.messageId()), "allow_sending_without_reply", true))
				: Map.of("chat_id", target.chatId(), "text", text);
		return call(token, "sendMessage", body).map(result -> new Sent(result.path("message_id").asString(""), null));
	}

	@Override
	public Mono<String> check(ChannelAccount account, String token) {
		return call(token, "getMe", Map.of()).map(me -> {
			String username = Json.text(me, "username");
			return (username != null) ? "@" + username : "Telegram";
		});
	}

	@Override
	public Mono<Poll> poll(ChannelAccount account, String token, @Nullable String offset) {
		long wait = Math.max(1, this.properties.pollWait().toSeconds());
		Map<String, Object> body = (offset != null) ? Map.of("offset", Long.parseLong(offset), "timeout", wait)
				: Map.of("timeout", wait);
		return this.http.exchange(request(token, "getUpdates", body), this.properties.pollWait())
			.map(answer -> result(answer, "getUpdates"))
			.map(result -> {
				List<RawEvent> events = new ArrayList<>();
				String next = offset;
				for (JsonNode update : result) {
					String key = eventKey(update);
					if (key != null) {
						events.add(new RawEvent(key, update));
						next = String.valueOf(Long.parseLong(key) + 1);
					}
				}
				return new Poll(events, next);
			});
	}

	@Override
	public int maxText(ReplyTarget target) {
		return 4096;
	}

	private Mono<JsonNode> call(String token, String method, Map<String, Object> body) {
		return this.http.exchange(request(token, method, body)).map(answer -> result(answer, method));
	}

	private org.springframework.web.reactive.function.client.WebClient.RequestHeadersSpec<?> request(String token,
			String method, Map<String, Object> body) {
		return this.http.client().post()
			.uri(this.properties.telegramApiUrl() + "/bot" + token + "/" + method)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body);
	}

	private static JsonNode result(Http.Answer answer, String method) {
		JsonNode body = answer.body();
		if (body.path("ok").asBoolean(false)) {
			return body.path("result");
		}
		long code = body.path("error_code").asLong(answer.status());
		String message = "Telegram " + method + ": " + body.path("description").asString("error") + " (" + code + ")";
		if (code == 429) {
			Long retry = Json.number(body.path("parameters"), "retry_after");
			throw ChannelException.rateLimited(message, (retry != null) ? Duration.ofSeconds(retry) : answer.retryAfter());
		}
		if (code == 401 || code == 404) {
			// 404 is what the Bot API answers for a token it does not know.
			throw ChannelException.permanent(message);
		}
		if (code >= 500 || answer.status() >= 500) {
			throw ChannelException.transientFailure(message);
		}
		throw ChannelException.rejected(message);
	}

}
