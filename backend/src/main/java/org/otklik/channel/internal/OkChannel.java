package org.otklik.channel.internal;

import java.time.Duration;
import java.time.Instant;
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
 * Odnoklassniki group bots: messages to the group in, replies with the Bot API's {@code messages}. OK has
 * no API for replying under post comments, so only messages are taken in; webhooks only.
 */
final class OkChannel implements ChannelClient {

	private final Http http;

	private final ChannelProperties properties;

	OkChannel(Http http, ChannelProperties properties) {
		this.http = http;
		this.properties = properties;
	}

	@Override
	public ChannelKind kind() {
		return ChannelKind.OK;
	}

	@Override
	public @Nullable String eventKey(JsonNode body) {
		String mid = Json.text(body.path("message"), "mid");
		String type = Json.text(body, "webhookType");
		return (mid == null) ? null : ((type != null) ? type : "MESSAGE_CREATED") + ":" + mid;
	}

	@Override
	public Mono<List<ChannelMessage>> messages(ChannelAccount account, @Nullable String token, JsonNode body) {
		String type = Json.text(body, "webhookType");
		if (type != null && !type.equals("MESSAGE_CREATED")) {
			return Mono.just(List.of());
		}
		String mid = Json.text(body.path("message"), "mid");
		String text = Json.text(body.path("message"), "text");
		String chatId = Json.text(body.path("recipient"), "chat_id");
		String userId = Json.text(body.path("sender"), "user_id");
		if (mid == null || text == null || chatId == null || userId == null) {
			return Mono.just(List.of());
		}
		Long timestamp = Json.number(body, "timestamp");
		String user = userId.startsWith("user:") ? userId.substring(5) : userId;
		ChannelSource source = new ChannelSource(account.id(), new ReplyTarget(ReplyKind.MESSAGE, chatId, null, mid),
				"ok:" + chatId);
		return Mono.just(List.of(new ChannelMessage(Channel.OK, "ok" + mid, null, text, Json.text(body.path("sender"), "name"),
				"https://ok.ru/profile/" + user, (timestamp != null) ? Instant.ofEpochMilli(timestamp) : null, source)));
	}

	@Override
	public Mono<Sent> send(ChannelAccount account, String token, ReplyTarget target, String text, String idempotencyKey) {
		return this.http.exchange(this.http.client().post()
			// OK's chat ids look like chat:C123; the colon is legal in a path segment and stays as it is.
			.uri(java.net.URI.create(this.properties.okApiUrl() + "/graph/me/messages/"
					+ org.springframework.web.util.UriUtils.encodePathSegment(target.chatId(), java.nio.charset.StandardCharsets.UTF_8)
					+ "?access_token=" + org.springframework.web.util.UriUtils.encodeQueryParam(token,
							java.nio.charset.StandardCharsets.UTF_8)))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("recipient", Map.of("chat_id", target.chatId()), "message", Map.of("text", text))))
			.map(answer -> {
				JsonNode body = answer.body();
				if (body.has("error_code") || !answer.ok()) {
					throw classify(answer);
				}
				String id = Json.text(body, "message_id");
				return new Sent((id != null) ? id : Json.text(body, "mid") + "", null);
			});
	}

	@Override
	public Mono<String> check(ChannelAccount account, String token) {
		return this.http.exchange(this.http.client().get()
			.uri(this.properties.okApiUrl() + "/graph/me/info?access_token={token}", token))
			.map(answer -> {
				if (answer.body().has("error_code") || !answer.ok()) {
					throw classify(answer);
				}
				String name = Json.text(answer.body(), "name");
				return (name != null) ? name : "OK";
			});
	}

	@Override
	public Mono<Poll> poll(ChannelAccount account, String token, @Nullable String offset) {
		return Mono.error(ChannelException.permanent("Odnoklassniki accounts are connected by webhook only"));
	}

	@Override
	public int maxText(ReplyTarget target) {
		return 4000;
	}

	/** OK's Bot API error codes (apiok.ru/dev/methods/botapi). */
	private static ChannelException classify(Http.Answer answer) {
		JsonNode body = answer.body();
		long code = body.path("error_code").asLong(0);
		String message = "OK messages: " + body.path("error_msg").asString("error") + " (" + code + ")";
		if (code == 102 || code == 103 || code == 104) {
			return ChannelException.permanent(message);
		}
		if (code == 8 || code == 11) {
			return ChannelException.rateLimited(message, Duration.ofMinutes(1));
		}
		if (code == 0) {
			return Http.byStatus(answer, "OK messages");
		}
		return (code == 1 || code == 2) ? ChannelException.transientFailure(message) : ChannelException.rejected(message);
	}

}
