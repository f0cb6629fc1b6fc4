package org.otklik.channel;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.otklik.live.LiveService;
import org.otklik.support.FakeHttpServer.Reply;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.client.WebSocketGraphQlClient;
import org.springframework.graphql.client.WebSocketGraphQlClientInterceptor;
import org.springframework.web.reactive.socket.client.ReactorNettyWebSocketClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A VK community end to end against a fake VK: the Callback API's confirmation and secret, a comment
 * that becomes an appeal (live in the moderation queue), a repeated event, a reply in the thread that
 * resumes a paused clock, and the approved answer posted once as a reply under the comment.
 */
class VkChannelIntegrationTests extends ChannelTestSupport {

	@Autowired
	LiveService live;

	@Test
	void aCommentBecomesAnAppealAndTheAnswerGoesBackUnderItOnce() throws Exception {
		FAKE.always("/method/users.get", Reply.json("{\"response\":[{\"id\":555,\"first_name\":\"Ирина\",\"last_name\":\"Петрова\"}]}"));
		FAKE.always("/method/wall.createComment", Reply.json("{\"response\":{\"comment_id\":901}}"));
		Map<String, Object> account = connect(Map.of("kind", "VK", "name", "Мэрия Магадана — ВК", "token", "vk-token",
				"secret", "s3cret", "confirmationCode", "abc123", "externalAccountId", "100", "agencyId", agency(MAGADAN).id()));
		String path = (String) account.get("webhookPath");
		assertThat(account.get("webhookUrl")).isEqualTo("https://otklik.example.ru" + path);

		// VK confirms the server first.
		post(path, "{\"type\":\"confirmation\",\"group_id\":100}", Map.of()).expectStatus().isOk()
			.expectBody(String.class).isEqualTo("abc123");
		String marker = "нет света " + uniqueId();
		String comment = "{\"type\":\"wall_reply_new\",\"event_id\":\"%s\",\"v\":\"5.199\",\"group_id\":100,\"secret\":\"%s\","
				+ "\"object\":{\"id\":%d,\"from_id\":555,\"post_id\":5,\"owner_id\":-100,\"text\":\"%s\",\"date\":1764500000%s}}";
		post(path, comment.formatted("e1", "wrong", 77, marker, ""), Map.of()).expectStatus().isForbidden();

		int subscribed = this.live.subscriberCount();
		CompletableFuture<List<Map>> live = webSocket().document("subscription { appealReceived { type appeal { id text } } }")
			.retrieveSubscription("appealReceived").toEntity(Map.class)
			.filter(e -> String.valueOf(((Map<?, ?>) e.get("appeal")).get("text")).contains(marker))
			.take(1).collectList().toFuture();
		// The comment must not race the subscription: a fixed 500 ms wait for the WebSocket to connect
		// missed the event under load.
		await(() -> this.live.subscriberCount() > subscribed, "the subscription registered");
		post(path, comment.formatted("e1-" + marker.hashCode(), "s3cret", 77, marker, ""), Map.of()).expectStatus().isOk()
			.expectBody(String.class).isEqualTo("ok");
		// VK sends the same event again: nothing new.
		post(path, comment.formatted("e1-" + marker.hashCode(), "s3cret", 77, marker, ""), Map.of()).expectStatus().isOk();
		await(() -> appealsWithText(marker).size() == 1, "the comment became an appeal");
		assertThat(live.get(20, TimeUnit.SECONDS)).singleElement()
			.satisfies(e -> assertThat(e.get("type")).isEqualTo("RECEIVED"));

		Map<String, Object> appeal = appealWithText(marker);
		String id = (String) appeal.get("id");
		assertThat(appeal).containsEntry("url", "https://vk.com/wall-100_5?reply=77");
		assertThat(appeal.get("author")).isEqualTo(Map.of("name", "Ирина Петрова", "profileUrl", "https://vk.com/id555"));
		assertThat(appeal.get("source")).isEqualTo(Map.of("accountId", account.get("id"), "replyTarget",
				Map.of("kind", "COMMENT", "chatId", "-100", "postId", "5", "messageId", "77"), "account",
				Map.of("name", "Мэрия Магадана — ВК")));

		change("assignAppeal", Map.of("appealId", id, "agencyId", agency(MAGADAN).id()), "curator");
		change("takeAppeal", Map.of("appealId", id), MAGADAN);
		change("pauseAppeal", Map.of("appealId", id, "reason", "Уточните адрес"), MAGADAN);
		// The citizen answers under the same comment: the message joins the appeal and the clocks run again.
		String reply = "{\"type\":\"wall_reply_new\",\"event_id\":\"e2-%s\",\"v\":\"5.199\",\"group_id\":100,\"secret\":\"s3cret\","
				+ "\"object\":{\"id\":78,\"from_id\":555,\"post_id\":5,\"owner_id\":-100,\"text\":\"Пролетарская, 12\","
				+ "\"date\":1764500100,\"parents_stack\":[77],\"reply_to_comment\":77}}";
		post(path, reply.formatted(marker.hashCode()), Map.of()).expectStatus().isOk();
		await(() -> !((List<?>) appeal(id).get("messages")).isEmpty(), "the reply joined the appeal");
		Map<String, Object> joined = appeal(id);
		assertThat(joined.get("messages")).isEqualTo(List.of(Map.of("text", "Пролетарская, 12")));
		assertThat(joined.get("sla")).isEqualTo(Map.of("paused", false));
		assertThat(appealsWithText(marker)).hasSize(1);

		String text = "Здравствуйте, Ирина! Свет во дворе на Пролетарской, 12 включат 5 декабря до 18:00. Мастер — Олег Ким, 8 (4132) 20-00-00.";
		change("submitAnswer", Map.of("appealId", id, "kind", "FINAL", "text", text), MAGADAN);
		String answerId = (String) lastAnswer(appeal(id)).get("id");
		assertThat(FAKE.calls("/method/wall.createComment")).as("nothing is sent before approval").isEmpty();
		change("approveAnswer", Map.of("appealId", id, "answerId", answerId), "curator");

		await(() -> "SENT".equals(deliveryState(lastAnswer(appeal(id)))), "the answer was delivered");
		assertThat(FAKE.calls("/method/wall.createComment")).singleElement().satisfies(call -> {
			assertThat(call.form("owner_id")).isEqualTo("-100");
			assertThat(call.form("post_id")).isEqualTo("5");
			assertThat(call.form("reply_to_comment")).isEqualTo("77");
			assertThat(call.form("from_group")).isEqualTo("100");
			// The citizen is told the appeal's number under the answer.
			assertThat(call.form("message")).isEqualTo(text + "\n\nНомер обращения: " + appeal(id).get("number"));
			assertThat(call.form("guid")).isEqualTo(answerId + ":0");
			assertThat(call.headers().get("authorization")).isEqualTo("Bearer vk-token");
		});
		Map<?, ?> delivery = (Map<?, ?>) lastAnswer(appeal(id)).get("delivery");
		assertThat(delivery.get("link")).isEqualTo("https://vk.com/wall-100_5?reply=901");
		assertThat(delivery.get("externalId")).isEqualTo("901");
		// Our own reply comes back as an event: it is not an appeal.
		post(path, comment.formatted("e3-" + marker.hashCode(), "s3cret", 901, "ответ сообщества", "")
			.replace("\"from_id\":555", "\"from_id\":-100"), Map.of()).expectStatus().isOk();
		// The inbox takes events in asynchronously: wait until it has handled this one (rather than a fixed
		// 300 ms, which could pass before it did), then it must have made no appeal of it.
		String ownReply = account.get("id") + ":e3-" + marker.hashCode();
		await(() -> "DONE".equals(inboxState(ownReply)), "the inbox handled our own reply");
		assertThat(appealsWithText("ответ сообщества")).isEmpty();
	}

	/** The state of a stored channel event ({@code Inbox.State}), or null before it is stored. */
	String inboxState(String id) {
		Document item = this.mongo.findById(id, Document.class, "channel_inbox").block(Duration.ofSeconds(10));
		return (item != null) ? item.getString("state") : null;
	}

	WebSocketGraphQlClient webSocket() {
		String token = this.tokens.curator();
		return WebSocketGraphQlClient.builder(java.net.URI.create(webSocketUrl()), new ReactorNettyWebSocketClient())
			.interceptor(new WebSocketGraphQlClientInterceptor() {
				@Override
				public reactor.core.publisher.Mono<Object> connectionInitPayload() {
					return reactor.core.publisher.Mono.just(Map.of("Authorization", "Bearer " + token));
				}
			})
			.build();
	}

}
