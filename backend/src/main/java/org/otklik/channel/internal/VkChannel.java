package org.otklik.channel.internal;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

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
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.BodyInserters;

/**
 * VK communities: Callback API and Bots Long Poll events in; replies as community comments
 * ({@code wall.createComment} with {@code reply_to_comment}, {@code from_group} and a {@code guid}) or
 * community messages ({@code messages.send} with a {@code random_id}), both derived from the answer, so
 * that VK itself refuses a repeat.
 */
final class VkChannel implements ChannelClient {

	private final Http http;

	private final ChannelProperties properties;

	VkChannel(Http http, ChannelProperties properties) {
		this.http = http;
		this.properties = properties;
	}

	@Override
	public ChannelKind kind() {
		return ChannelKind.VK;
	}

	// ---------------------------------------------------------------- events in

	@Override
	public @Nullable String eventKey(JsonNode body) {
		String type = Json.text(body, "type");
		if (type == null || type.equals("confirmation")) {
			return null;
		}
		String eventId = Json.text(body, "event_id");
		// Long Poll updates carry event_id as well; an old API version without it is keyed by its content.
		return (eventId != null) ? eventId : type + ":" + UUID.nameUUIDFromBytes(body.toString().getBytes(StandardCharsets.UTF_8));
	}

	@Override
	public Mono<List<ChannelMessage>> messages(ChannelAccount account, @Nullable String token, JsonNode body) {
		String type = Json.text(body, "type");
		JsonNode object = body.path("object");
		if (type == null) {
			return Mono.just(List.of());
		}
		return switch (type) {
			case "wall_reply_new" -> comment(account, token, object);
			case "wall_post_new" -> suggestedPost(account, token, object);
			case "message_new" -> message(account, token, object.path("message"));
			default -> Mono.just(List.of());
		};
	}

	private Mono<List<ChannelMessage>> comment(ChannelAccount account, @Nullable String token, JsonNode comment) {
		Long from = Json.number(comment, "from_id");
		Long owner = Json.number(comment, "owner_id");
		Long post = Json.number(comment, "post_id");
		Long id = Json.number(comment, "id");
		String text = Json.text(comment, "text");
		// The community's own comments (our replies among them) come back as events too.
		if (from == null || from < 0 || owner == null || post == null || id == null || text == null) {
			return Mono.just(List.of());
		}
		JsonNode parents = comment.path("parents_stack");
		long root = (parents.isArray() && parents.size() > 0) ? parents.get(0).asLong() : id;
		String url = "https://vk.com/wall" + owner + "_" + post + "?reply=" + id + ((root != id) ? "&thread=" + root : "");
		ChannelSource source = new ChannelSource(account.id(), new ReplyTarget(ReplyKind.COMMENT, String.valueOf(owner),
				String.valueOf(post), String.valueOf(id)), "vk:wall:" + owner + ":" + post + ":" + root + ":" + from);
		return author(token, from).map(name -> List.of(new ChannelMessage(Channel.VK,
				"wall" + owner + "_" + post + "_" + id, url, text, name, "https://vk.com/id" + from, date(comment), source)));
	}

	private Mono<List<ChannelMessage>> suggestedPost(ChannelAccount account, @Nullable String token, JsonNode post) {
		Long from = Json.number(post, "from_id");
		Long owner = Json.number(post, "owner_id");
		Long id = Json.number(post, "id");
		String text = Json.text(post, "text");
		// Only a citizen's suggested post is an appeal; the community's own posts are not.
		if (!"suggest".equals(Json.text(post, "post_type")) || from == null || from < 0 || owner == null || id == null
				|| text == null) {
			return Mono.just(List.of());
		}
		// A suggested post is not published, so there is nothing to comment on: the answer goes to the author.
		ChannelSource source = new ChannelSource(account.id(), new ReplyTarget(ReplyKind.MESSAGE, String.valueOf(from), null,
				null), "vk:dm:" + from);
		return author(token, from).map(name -> List.of(new ChannelMessage(Channel.VK, "wall" + owner + "_" + id,
				"https://vk.com/wall" + owner + "_" + id, text, name, "https://vk.com/id" + from, date(post), source)));
	}

	private Mono<List<ChannelMessage>> message(ChannelAccount account, @Nullable String token, JsonNode message) {
		Long from = Json.number(message, "from_id");
		Long peer = Json.number(message, "peer_id");
		Long id = Json.number(message, "id");
		String text = Json.text(message, "text");
		if (from == null || from < 0 || peer == null || text == null) {
			return Mono.just(List.of());
		}
		String key = (id != null && id > 0) ? String.valueOf(id) : "c" + Json.number(message, "conversation_message_id");
		ChannelSource source = new ChannelSource(account.id(), new ReplyTarget(ReplyKind.MESSAGE, String.valueOf(peer), null,
				(id != null && id > 0) ? String.valueOf(id) : null), "vk:dm:" + peer);
		return author(token, from).map(name -> List.of(new ChannelMessage(Channel.VK, "msg" + peer + "_" + key, null, text, name,
				"https://vk.com/id" + from, date(message), source)));
	}

	private static @Nullable Instant date(JsonNode node) {
		Long date = Json.number(node, "date");
		return (date != null) ? Instant.ofEpochSecond(date) : null;
	}

	/** The author's name for the ЦУР (VK events carry only the id); blank if VK does not say. */
	private Mono<String> author(@Nullable String token, long userId) {
		if (token == null) {
			return Mono.just("");
		}
		return call(token, "users.get", form("user_ids", String.valueOf(userId)))
			.map(response -> {
				JsonNode user = response.path(0);
				String first = Json.text(user, "first_name");
				String last = Json.text(user, "last_name");
				return (first == null) ? "" : (last == null) ? first : first + " " + last;
			})
			.onErrorReturn("");
	}

	// ---------------------------------------------------------------- replies out

	@Override
	public Mono<Sent> send(ChannelAccount account, String token, ReplyTarget target, String text, String idempotencyKey) {
		if (target.kind() == ReplyKind.COMMENT) {
			MultiValueMap<String, String> form = form("owner_id", target.chatId(), "post_id", target.postId(), "message", text,
					"guid", idempotencyKey);
			if (account.externalAccountId() != null) {
				form.add("from_group", account.externalAccountId().replace("-", ""));
			}
			if (target.messageId() != null) {
				form.add("reply_to_comment", target.messageId());
			}
			return call(token, "wall.createComment", form).map(response -> {
				String id = response.path("comment_id").asString("");
				return new Sent(id, "https://vk.com/wall" + target.chatId() + "_" + target.postId() + "?reply=" + id);
			});
		}
		MultiValueMap<String, String> form = form("peer_id", target.chatId(), "message", text, "random_id",
				String.valueOf(randomId(idempotencyKey)));
		if (target.messageId() != null) {
			form.add("reply_to", target.messageId());
		}
		return call(token, "messages.send", form).map(response -> new Sent(response.asString(""), null));
	}

	/** VK refuses a second message with the same random_id: derived from the answer, a retry cannot double it. */
	static long randomId(String idempotencyKey) {
		UUID uuid = UUID.nameUUIDFromBytes(idempotencyKey.getBytes(StandardCharsets.UTF_8));
		return uuid.getMostSignificantBits() & Long.MAX_VALUE;
	}

	@Override
	public Mono<String> check(ChannelAccount account, String token) {
		MultiValueMap<String, String> form = (account.externalAccountId() != null)
				? form("group_id", account.externalAccountId().replace("-", "")) : form();
		return call(token, "groups.getById", form).map(response -> {
			JsonNode group = response.has("groups") ? response.path("groups").path(0) : response.path(0);
			String name = Json.text(group, "name");
			return (name != null) ? name : "VK";
		});
	}

	@Override
	public Mono<Poll> poll(ChannelAccount account, String token, @Nullable String offset) {
		if (account.externalAccountId() == null) {
			return Mono.error(ChannelException.permanent("the VK group id is needed for Bots Long Poll"));
		}
		String[] state = (offset != null) ? offset.split("\\|", 3) : new String[0];
		if (state.length < 3) {
			return call(token, "groups.getLongPollServer", form("group_id", account.externalAccountId().replace("-", "")))
				.map(server -> new Poll(List.of(), Json.text(server, "server") + "|" + Json.text(server, "key") + "|"
						+ Json.text(server, "ts")));
		}
		String server = state[0];
		String key = state[1];
		String ts = state[2];
		long wait = Math.min(90, Math.max(1, this.properties.pollWait().toSeconds()));
		return this.http.exchange(this.http.client().get()
			.uri(server + "?act=a_check&key={key}&ts={ts}&wait={wait}", key, ts, wait), this.properties.pollWait())
			.map(answer -> {
				if (!answer.ok()) {
					throw Http.byStatus(answer, "VK long poll");
				}
				JsonNode body = answer.body();
				Long failed = Json.number(body, "failed");
				if (failed != null) {
					// 1: the history moved on, continue from the new ts; 2, 3: the key expired, ask for a new server.
					return new Poll(List.of(), (failed == 1) ? server + "|" + key + "|" + Json.text(body, "ts") : null);
				}
				List<RawEvent> events = new ArrayList<>();
				for (JsonNode update : body.path("updates")) {
					String eventKey = eventKey(update);
					if (eventKey != null) {
						events.add(new RawEvent(eventKey, update));
					}
				}
				return new Poll(events, server + "|" + key + "|" + Json.text(body, "ts"));
			});
	}

	@Override
	public int maxText(ReplyTarget target) {
		return (target.kind() == ReplyKind.COMMENT) ? 4000 : 9000;
	}

	// ---------------------------------------------------------------- the API

	private Mono<JsonNode> call(String token, String method, MultiValueMap<String, String> form) {
		form.add("v", this.properties.vkApiVersion());
		return this.http.exchange(this.http.client().post()
			.uri(this.properties.vkApiUrl() + "/method/" + method)
			.header("Authorization", "Bearer " + token)
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.body(BodyInserters.fromFormData(form)))
			.map(answer -> {
				JsonNode error = answer.body().path("error");
				if (!error.isMissingNode() && !error.isNull()) {
					throw classify(error, method);
				}
				if (!answer.ok()) {
					throw Http.byStatus(answer, "VK " + method);
				}
				return answer.body().path("response");
			});
	}

	/** VK's error codes (dev.vk.com/ru/reference/errors). */
	static ChannelException classify(JsonNode error, String method) {
		long code = error.path("error_code").asLong(0);
		String message = "VK " + method + ": " + error.path("error_msg").asString("error") + " (" + code + ")";
		if (code == 5 || code == 27 || code == 28) {
			return ChannelException.permanent(message);
		}
		if (code == 6) {
			return ChannelException.rateLimited(message, Duration.ofSeconds(1));
		}
		if (code == 9 || code == 29) {
			return ChannelException.rateLimited(message, Duration.ofMinutes(1));
		}
		if (code == 1 || code == 10 || code == 14) {
			return ChannelException.transientFailure(message);
		}
		return ChannelException.rejected(message);
	}

	private static MultiValueMap<String, String> form(@Nullable String... pairs) {
		MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
		for (int i = 0; i + 1 < pairs.length; i += 2) {
			if (pairs[i + 1] != null) {
				form.add(pairs[i], pairs[i + 1]);
			}
		}
		return form;
	}

}
