package org.otklik.push;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.otklik.push.internal.ChannelWatcher;
import org.otklik.security.Role;
import org.otklik.support.FakeHttpServer;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The curators' notices and the executor's return: an answer waiting for review reaches curators (not
 * executors), an answer returned reaches the executor who holds the appeal, and a channel account that
 * breaks is told to curators once.
 */
class PushNoticesIntegrationTests extends PushTestSupport {

	@Autowired
	ChannelWatcher channels;

	HttpGraphQlTester curatorOf(String who) {
		return as(this.tokens.user("cur-" + who, "Куратор", null, Role.CURATOR));
	}

	@Test
	void anAnswerWaitingForReviewReachesCuratorsAndAReturnedOneTheHolder() throws Exception {
		String who = uniqueId();
		HttpGraphQlTester curator = curatorOf(who);
		BrowserSubscription curatorBrowser = browser();
		String curatorDevice = register(curator, curatorBrowser);
		HttpGraphQlTester executor = executorOf(MAGADAN, who);
		BrowserSubscription executorBrowser = browser();
		String executorDevice = register(executor, executorBrowser);

		String appealId = ingest("Не вывозят мусор " + uniqueId(), Map.of("urgent", true));
		assign(appealId, MAGADAN);
		ok(executor, "takeAppeal", Map.of("appealId", appealId));
		Map<?, ?> submitted = ok(executor, "submitAnswer", Map.of("appealId", appealId, "kind", "FINAL", "text",
				"Здравствуйте! Контейнеры вывезут 6 декабря до 12:00, график вывоза восстановлен."));
		String answerId = (String) ((Map<?, ?>) ((List<?>) submitted.get("answers")).get(0)).get("id");

		await(() -> kinds(curatorDevice).contains("ANSWER_AWAITING_REVIEW"), "curators told of the answer");
		ok(curator, "returnAnswer", Map.of("appealId", appealId, "answerId", answerId, "comment", "Уточните адрес"));
		await(() -> kinds(executorDevice).contains("ANSWER_RETURNED"), "the holder told of the return");

		await(() -> PUSH.calls(path(executorBrowser)).stream().anyMatch(c -> decrypt(executorBrowser, c)
			.get("kind").asString().equals("ANSWER_RETURNED")), "the return was sent");
		// Each notice to its audience only.
		assertThat(kinds(curatorDevice)).doesNotContain("ANSWER_RETURNED", "APPEAL_ASSIGNED");
		assertThat(kinds(executorDevice)).doesNotContain("ANSWER_AWAITING_REVIEW");
		await(() -> PUSH.calls(path(curatorBrowser)).stream().anyMatch(c -> decrypt(curatorBrowser, c)
			.get("url").asString().equals("/appeals/" + appealId)), "the review notice was sent");
	}

	@Test
	void aBrokenChannelAccountIsToldToCuratorsOnce() throws Exception {
		HttpGraphQlTester curator = curatorOf(uniqueId());
		String deviceId = register(curator, browser());
		String name = "Бот " + uniqueId().substring(0, 8);
		String accountId = curator.document("""
				mutation($in: ConnectChannelAccountInput!) { connectChannelAccount(input: $in) { account { id } errors { code } } }""")
			.variable("in", Map.of("kind", "MAX", "name", name, "token", "max-token"))
			.execute().path("connectChannelAccount.account.id").entity(String.class).get();
		this.mongo.updateFirst(Query.query(Criteria.where("_id").is(new org.bson.types.ObjectId(accountId))),
				new Update().set("health", "BROKEN"), "channel_accounts").block(Duration.ofSeconds(10));

		this.channels.check().block(Duration.ofSeconds(30));
		this.channels.check().block(Duration.ofSeconds(30));

		List<Document> told = notices(deviceId).stream().filter(n -> n.getString("body").contains(name)).toList();
		assertThat(told).singleElement().satisfies(n -> {
			assertThat(n.getString("kind")).isEqualTo("CHANNEL_BROKEN");
			assertThat(n.getString("url")).isEqualTo("/channels");
		});
	}

	private List<String> kinds(String deviceId) {
		return notices(deviceId).stream().map(n -> n.getString("kind")).toList();
	}

	private static JsonNode decrypt(BrowserSubscription browser, FakeHttpServer.Call call) {
		try {
			return json(browser.decrypt(call.bytes()));
		}
		catch (Exception ex) {
			throw new AssertionError(ex);
		}
	}

	private static Map<?, ?> ok(HttpGraphQlTester who, String mutation, Map<String, Object> input) {
		String type = Character.toUpperCase(mutation.charAt(0)) + mutation.substring(1) + "Input";
		var response = who.document("mutation($in: " + type + "!) { " + mutation
				+ "(input: $in) { errors { code message } appeal { id answers { id } } } }").variable("in", input).execute();
		response.path(mutation + ".errors").entityList(Object.class).hasSize(0);
		return response.path(mutation + ".appeal").entity(Map.class).get();
	}

}
