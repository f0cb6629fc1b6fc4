package org.otklik.channel.internal;

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
 * MAX bots (platform-api2.max.ru): {@code message_created} updates in; replies with {@code POST /messages}
 * and a reply link. Events may repeat, so they are keyed by the message id.
 */
final class MaxChannel implements ChannelClient {

	private final Http http;

	private final ChannelProperties properties;

	MaxChannel(Http http, ChannelProperties properties) {
		this.http = http;
		this.properties = properties;
	}

	@Override
	public ChannelKind kind() {
		return ChannelKind.MAX;
	}

	@Override
	public @Nullable String eventKey(JsonNode update) {
		String type = Json.text(update, "update_type");
		String mid = Json.text(update.path("message").path("body"), "mid");
		return (type == null) ? null : type + ":" + ((mid != null) ? mid : Json.text(update, "timestamp"));
	}

	@Override
	public Mono<List<ChannelMessage>> messages(ChannelAccount account, @Nullable String token, JsonNode update) {
		if (!"message_created".equals(Json.text(update, "update_type"))) {
			return Mono.just(List.of());
		}
		JsonNode message = update.path("message");
		JsonNode sender = message.path("sender");
		JsonNode recipient = message.path("recipient");
		String mid = Json.text(message.path("body"), "mid");
		String text = Json.text(message.path("body"), "text");
		Long chatId = Json.number(recipient, "chat_id");
		Long userId = Json.number(sender, "user_id");
		if (mid == null || text == null || chatId == null || userId == null || sender.path("is_bot").asBoolean(false)) {
			return Mono.just(List.of());
		}
		boolean dialog = "dialog".equals(Json.text(recipient, "chat_type"));
		Long timestamp = Json.number(message, "timestamp");
		String username = Json.text(sender, "username");
		ChannelSource source = new ChannelSource(account.id(), new ReplyTarget(ReplyKind.MESSAGE, String.valueOf(chatId), null,
				mid), dialog ? "max:" + chatId : "max:" + chatId + ":" + userId);
		return Mono.just(List.of(new ChannelMessage(Channel.MAX, "max" + mid, Json.text(message, "url"), text,
				Json.text(sender, "name"), (username != null) ? "https://max.ru/" + username : null,
				(timestamp != null) ? Instant.ofEpochMilli(timestamp) : null, source)));
	}

	@Override
	public Mono<Sent> send(ChannelAccount account, String token, ReplyTarget target, String text, String idempotencyKey) {
		Map<String, Object> body = (target.messageId() != null)
				? Map.of("text", text, "link", Map.of("type", "reply", "mid", target.messageId()))
				: Map.of("text", text);
		return this.http.exchange(this.http.client().post()
			.uri(this.properties.maxApiUrl() + "/messages?chat_id={chat}", target.chatId())
			.header("Authorization", token)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body))
			.map(answer -> {
				if (!answer.ok()) {
					throw classify(answer, "MAX messages");
				}
				return new Sent(answer.body().path("message").path("body").path("mid").asString(""), null);
			});
	}

	@Override
	public Mono<String> check(ChannelAccount account, String token) {
		return this.http.exchange(this.http.client().get()
			.uri(this.properties.maxApiUrl() + "/me")
			.header("Authorization", token))
			.map(answer -> {
				if (!answer.ok()) {
					throw classify(answer, "MAX me");
				}
				String name = Json.text(answer.body(), "name");
				return (name != null) ? name : "MAX";
			});
	}

	@Override
	public Mono<Poll> poll(ChannelAccount account, String token, @Nullable String offset) {
		long wait = Math.max(1, this.properties.pollWait().toSeconds());
		String uri = this.properties.maxApiUrl() + "/updates?timeout=" + wait + ((offset != null) ? "&marker=" + offset : "");
		return this.http.exchange(this.http.client().get().uri(uri).header("Authorization", token), this.properties.pollWait())
			.map(answer -> {
				if (!answer.ok()) {
					throw classify(answer, "MAX updates");
				}
				List<RawEvent> events = new ArrayList<>();
				for (JsonNode update : answer.body().path("updates")) {
					String key = eventKey(update);
					if (key != null) {
						events.add(new RawEvent(key, update));
					}
				}
				String marker = Json.text(answer.body(), "marker");
				return new Poll(events, (marker != null) ? marker : offset);
			});
	}

	@Override
	public int maxText(ReplyTarget target) {
		return 4000;
	}

	private static ChannelException classify(Http.Answer answer, String what) {
		String message = Json.text(answer.body(), "message");
		return Http.byStatus(answer, (message != null) ? what + ": " + message : what);
	}

}
