package org.otklik.channel;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.otklik.support.FakeHttpServer.Reply;

import static org.assertj.core.api.Assertions.assertThat;

/** MAX and Odnoklassniki against fake APIs: secrets, messages in, repeats, threads, one reply out. */
class MaxAndOkChannelIntegrationTests extends ChannelTestSupport {

	String maxUpdate(String mid, long chat, long user, String text) {
		return "{\"update_type\":\"message_created\",\"timestamp\":1764500000000,\"message\":{\"sender\":{\"user_id\":" + user
				+ ",\"name\":\"Анна К.\",\"username\":\"anna\"},\"recipient\":{\"chat_id\":" + chat
				+ ",\"chat_type\":\"dialog\"},\"timestamp\":1764500000000,\"body\":{\"mid\":\"" + mid + "\",\"text\":\"" + text + "\"}}}";
	}

	@Test
	void aMaxMessageBecomesAnAppealItsThreadJoinsItAndTheAnswerGoesBackOnce() {
		Map<String, Object> account = connect(Map.of("kind", "MAX", "name", "MAX ЦУР " + uniqueId(), "token", "max-token"));
		String path = (String) account.get("webhookPath");
		String secret = (String) account.get("webhookSecret");
		String text = "Гололёд у школы " + uniqueId();
		post(path, maxUpdate("mid.1", 900, 77, text), Map.of("X-Max-Bot-Api-Secret", "wrong")).expectStatus().isForbidden();
		post(path, maxUpdate("mid.1", 900, 77, text), Map.of("X-Max-Bot-Api-Secret", secret)).expectStatus().isOk();
		post(path, maxUpdate("mid.1", 900, 77, text), Map.of("X-Max-Bot-Api-Secret", secret)).expectStatus().isOk();
		await(() -> appealsWithText(text).size() == 1, "the message became an appeal");
		String id = (String) appealWithText(text).get("id");
		assertThat(appealWithText(text).get("author")).isEqualTo(Map.of("name", "Анна К.", "profileUrl", "https://max.ru/anna"));

		post(path, maxUpdate("mid.2", 900, 77, "Фото прилагаю"), Map.of("X-Max-Bot-Api-Secret", secret)).expectStatus().isOk();
		await(() -> !((List<?>) appeal(id).get("messages")).isEmpty(), "the second message joined the appeal");
		assertThat(appealsWithText(text)).hasSize(1);

		FAKE.always("/messages", Reply.json("{\"message\":{\"body\":{\"mid\":\"mid.reply\"}}}"));
		change("assignAppeal", Map.of("appealId", id, "agencyId", agency(MAGADAN).id()), "curator");
		change("takeAppeal", Map.of("appealId", id), MAGADAN);
		change("submitAnswer", Map.of("appealId", id, "kind", "INTERIM", "text", "Здравствуйте, Анна! Песком посыплют сегодня до 12:00."),
				MAGADAN);
		await(() -> "SENT".equals(deliveryState(lastAnswer(appeal(id)))), "the answer was delivered");
		assertThat(FAKE.calls("/messages")).singleElement().satisfies(call -> {
			assertThat(call.query()).isEqualTo("chat_id=900");
			assertThat(call.headers().get("authorization")).isEqualTo("max-token");
			assertThat(call.body()).contains("\"type\":\"reply\"").contains("\"mid\":\"mid.1\"");
		});
	}

	@Test
	void anOkMessageNeedsTheKeyOfItsWebhookUrlAndIsAnsweredInItsChat() {
		Map<String, Object> account = connect(Map.of("kind", "OK", "name", "ОК ЦУР " + uniqueId(), "token", "ok-token"));
		String url = (String) account.get("webhookUrl");
		String key = url.substring(url.indexOf("?key=") + 5);
		String path = (String) account.get("webhookPath");
		String text = "Не работает лифт " + uniqueId();
		String event = "{\"webhookType\":\"MESSAGE_CREATED\",\"sender\":{\"user_id\":\"user:5555\",\"name\":\"Олег\"},"
				+ "\"recipient\":{\"chat_id\":\"chat:C1\"},\"message\":{\"text\":\"" + text + "\",\"mid\":\"m1\"},\"timestamp\":1764500000000}";
		post(path, event, Map.of()).expectStatus().isForbidden();
		post(path + "?key=" + key, event, Map.of()).expectStatus().isOk();
		post(path + "?key=" + key, event, Map.of()).expectStatus().isOk();
		await(() -> appealsWithText(text).size() == 1, "the message became an appeal");
		String id = (String) appealWithText(text).get("id");

		FAKE.always("/graph/me/messages", Reply.json("{\"message_id\":\"m-reply\"}"));
		change("assignAppeal", Map.of("appealId", id, "agencyId", agency(MAGADAN).id()), "curator");
		change("takeAppeal", Map.of("appealId", id), MAGADAN);
		change("submitAnswer", Map.of("appealId", id, "kind", "INTERIM", "text", "Здравствуйте, Олег! Лифт починят завтра к 10:00."),
				MAGADAN);
		await(() -> "SENT".equals(deliveryState(lastAnswer(appeal(id)))), "the answer was delivered");
		assertThat(FAKE.calls("/graph/me/messages")).singleElement().satisfies(call -> {
			assertThat(call.path()).isEqualTo("/graph/me/messages/chat:C1");
			assertThat(call.query()).isEqualTo("access_token=ok-token");
		});
	}

	@Test
	void anAppealWithoutAnAccountIsPublishedByHand() {
		String id = ingest("Сломана скамейка в сквере " + uniqueId());
		change("assignAppeal", Map.of("appealId", id, "agencyId", agency(MAGADAN).id()), "curator");
		change("takeAppeal", Map.of("appealId", id), MAGADAN);
		change("submitAnswer", Map.of("appealId", id, "kind", "INTERIM", "text", "Здравствуйте! Скамейку заменят до пятницы."), MAGADAN);
		Map<String, Object> answer = lastAnswer(appeal(id));
		assertThat(deliveryState(answer)).isEqualTo("MANUAL");
		change("markAnswerPublished", Map.of("appealId", id, "answerId", answer.get("id"), "link", "https://vk.com/wall-1_2?reply=3"),
				MAGADAN);
		Map<String, Object> published = lastAnswer(appeal(id));
		assertThat(deliveryState(published)).isEqualTo("SENT");
		assertThat(String.valueOf(published.get("delivery"))).contains("https://vk.com/wall-1_2?reply=3");
	}

}
