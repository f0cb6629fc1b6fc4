package org.otklik.channel;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.otklik.appeal.internal.DurableConsumers;
import org.otklik.support.FakeHttpServer.Reply;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Telegram bot against a fake Bot API: the secret token, a message that becomes an appeal, a repeated
 * update, a 429 with retry_after, a revoked token that breaks the account until a curator fixes it, a
 * refused reply retried by a curator, and a restart between approval and delivery.
 */
class TelegramChannelIntegrationTests extends ChannelTestSupport {

	@Autowired
	DurableConsumers consumers;

	String update(long updateId, long chat, long messageId, String text) {
		return "{\"update_id\":" + updateId + ",\"message\":{\"message_id\":" + messageId + ",\"from\":{\"id\":" + chat
				+ ",\"first_name\":\"Пётр\",\"last_name\":\"С.\",\"username\":\"petr_s\"},\"chat\":{\"id\":" + chat
				+ ",\"type\":\"private\"},\"date\":1764500000,\"text\":\"" + text + "\"}}";
	}

	Map<String, Object> telegram() {
		return connect(Map.of("kind", "TELEGRAM", "name", "Бот ЦУР " + uniqueId(), "token", "111:token"));
	}

	String arrive(Map<String, Object> account, long updateId, long chat, String text) {
		post((String) account.get("webhookPath"), update(updateId, chat, updateId, text),
				Map.of("X-Telegram-Bot-Api-Secret-Token", (String) account.get("webhookSecret"))).expectStatus().isOk();
		await(() -> appealsWithText(text).size() == 1, "the message became an appeal");
		return (String) appealWithText(text).get("id");
	}

	@Test
	void theSecretTokenIsCheckedAndARepeatedUpdateAddsNothing() {
		Map<String, Object> account = telegram();
		String text = "Не ходит автобус " + uniqueId();
		post((String) account.get("webhookPath"), update(1, 42, 1, text), Map.of("X-Telegram-Bot-Api-Secret-Token", "wrong"))
			.expectStatus().isForbidden();
		post((String) account.get("webhookPath"), update(1, 42, 1, text), Map.of()).expectStatus().isForbidden();
		String id = arrive(account, 1, 42, text);
		post((String) account.get("webhookPath"), update(1, 42, 1, text),
				Map.of("X-Telegram-Bot-Api-Secret-Token", (String) account.get("webhookSecret"))).expectStatus().isOk();
		Map<String, Object> appeal = appealWithText(text);
		assertThat(appeal.get("id")).isEqualTo(id);
		assertThat(appeal.get("author")).isEqualTo(Map.of("name", "Пётр С.", "profileUrl", "https://t.me/petr_s"));
		Map<?, ?> source = (Map<?, ?>) appeal.get("source");
		assertThat(source.get("accountId")).isEqualTo(account.get("id"));
		Map<String, Object> target = new java.util.HashMap<>();
		target.put("kind", "MESSAGE");
		target.put("chatId", "42");
		target.put("postId", null);
		target.put("messageId", "1");
		assertThat(source.get("replyTarget")).isEqualTo(target);
	}

	@Test
	void aRateLimitIsWaitedOutAndTheInterimAnswerGoesOutOnce() {
		Map<String, Object> account = telegram();
		String text = "Сломан светофор " + uniqueId();
		String id = arrive(account, 10, 43, text);
		change("assignAppeal", Map.of("appealId", id, "agencyId", agency(MAGADAN).id()), "curator");
		change("takeAppeal", Map.of("appealId", id), MAGADAN);
		FAKE.next("/sendMessage", Reply.status(429,
				"{\"ok\":false,\"error_code\":429,\"description\":\"Too Many Requests: retry after 1\",\"parameters\":{\"retry_after\":1}}"));
		FAKE.always("/sendMessage", Reply.json("{\"ok\":true,\"result\":{\"message_id\":500}}"));
		change("submitAnswer", Map.of("appealId", id, "kind", "INTERIM",
				"text", "Здравствуйте, Пётр! Бригада выедет на перекрёсток сегодня до 16:00."), MAGADAN);
		await(() -> "SENT".equals(deliveryState(lastAnswer(appeal(id)))), "the interim answer was delivered");
		assertThat(FAKE.calls("/sendMessage")).hasSize(2).allSatisfy(call -> {
			assertThat(call.path()).isEqualTo("/bot111:token/sendMessage");
			assertThat(call.body()).contains("\"chat_id\":\"43\"").contains("\"message_id\":10");
		});
		assertThat(String.valueOf(appeal(id).get("history"))).contains("DELIVERY_UPDATED", "Повторная попытка");
	}

	@Test
	void aRevokedTokenBreaksTheAccountUntilItIsFixedAndThenTheAnswerGoesOnce() {
		Map<String, Object> account = telegram();
		String accountId = (String) account.get("id");
		String text = "Нет воды " + uniqueId();
		String id = arrive(account, 20, 44, text);
		change("assignAppeal", Map.of("appealId", id, "agencyId", agency(MAGADAN).id()), "curator");
		change("takeAppeal", Map.of("appealId", id), MAGADAN);
		FAKE.always("/bot111:token/sendMessage", Reply.status(401, "{\"ok\":false,\"error_code\":401,\"description\":\"Unauthorized\"}"));
		change("submitAnswer", Map.of("appealId", id, "kind", "INTERIM", "text", "Здравствуйте! Воду дадут к 20:00."), MAGADAN);
		await(() -> "BROKEN".equals(health(accountId)), "the account is broken");
		Map<String, Object> answer = lastAnswer(appeal(id));
		assertThat(deliveryState(answer)).isEqualTo("PENDING");
		assertThat(String.valueOf(answer.get("delivery"))).contains("аккаунт канала не работает");

		FAKE.always("/bot222:fixed/sendMessage", Reply.json("{\"ok\":true,\"result\":{\"message_id\":600}}"));
		change("updateChannelAccount", Map.of("accountId", accountId, "token", "222:fixed"), "curator");
		await(() -> "SENT".equals(deliveryState(lastAnswer(appeal(id)))), "the answer went out after the fix");
		assertThat(FAKE.calls("/bot222:fixed/sendMessage")).hasSize(1);
		assertThat(health(accountId)).isEqualTo("OK");
	}

	@Test
	void aRefusedReplyFailsAndACuratorSendsItAgainOnce() {
		Map<String, Object> account = telegram();
		String text = "Яма на дороге " + uniqueId();
		String id = arrive(account, 30, 45, text);
		change("assignAppeal", Map.of("appealId", id, "agencyId", agency(MAGADAN).id()), "curator");
		change("takeAppeal", Map.of("appealId", id), MAGADAN);
		FAKE.next("/sendMessage", Reply.status(400, "{\"ok\":false,\"error_code\":400,\"description\":\"Bad Request: chat not found\"}"));
		FAKE.always("/sendMessage", Reply.json("{\"ok\":true,\"result\":{\"message_id\":700}}"));
		change("submitAnswer", Map.of("appealId", id, "kind", "INTERIM", "text", "Здравствуйте! Яму засыплют в четверг."), MAGADAN);
		await(() -> "FAILED".equals(deliveryState(lastAnswer(appeal(id)))), "the delivery failed");
		String answerId = (String) lastAnswer(appeal(id)).get("id");
		curator().document("mutation($in: RetryDeliveryInput!) { retryDelivery(input: $in) { retried errors { code } } }")
			.variable("in", Map.of("answerId", answerId)).execute().path("retryDelivery.retried").entity(Boolean.class).isEqualTo(true);
		await(() -> "SENT".equals(deliveryState(lastAnswer(appeal(id)))), "the retry was delivered");
		assertThat(FAKE.calls("/sendMessage")).hasSize(2);
		// Sent is sent: a second retry finds nothing to do.
		curator().document("mutation($in: RetryDeliveryInput!) { retryDelivery(input: $in) { retried errors { code } } }")
			.variable("in", Map.of("answerId", answerId)).execute().path("retryDelivery.errors[0].code").entity(String.class)
			.isEqualTo("ILLEGAL_TRANSITION");
	}

	@Test
	void aRestartBetweenApprovalAndDeliveryDeliversOnce() {
		Map<String, Object> account = telegram();
		String text = "Не вывозят мусор " + uniqueId();
		String id = arrive(account, 40, 46, text);
		change("assignAppeal", Map.of("appealId", id, "agencyId", agency(MAGADAN).id()), "curator");
		change("takeAppeal", Map.of("appealId", id), MAGADAN);
		change("submitAnswer", Map.of("appealId", id, "kind", "FINAL", "text", "Здравствуйте! Контейнеры вывезут 6 декабря."), MAGADAN);
		FAKE.always("/sendMessage", Reply.json("{\"ok\":true,\"result\":{\"message_id\":800}}"));
		// The delivery consumer is down when the answer is approved, as if the instance restarted.
		this.consumers.stop("channel-delivery");
		change("approveAnswer", Map.of("appealId", id, "answerId", lastAnswer(appeal(id)).get("id")), "curator");
		assertThat(deliveryState(lastAnswer(appeal(id)))).isEqualTo("PENDING");
		this.consumers.start(this.deliveries);
		await(() -> "SENT".equals(deliveryState(lastAnswer(appeal(id)))), "delivered after the restart");
		assertThat(FAKE.calls("/sendMessage")).hasSize(1);
	}

	@Autowired
	org.otklik.channel.internal.Deliveries deliveries;

	String health(String accountId) {
		return curator().document("{ channelAccounts { id health } }").execute().path("channelAccounts")
			.entityList(Map.class).get().stream().filter(a -> accountId.equals(a.get("id"))).map(a -> (String) a.get("health"))
			.findFirst().orElseThrow();
	}

}
