package org.otklik.channel;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.otklik.support.FakeHttpServer;
import org.otklik.support.IntegrationTestSupport;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The whole application with every channel API replaced by one recording fake server. */
abstract class ChannelTestSupport extends IntegrationTestSupport {

	static final FakeHttpServer FAKE = FakeHttpServer.jsonByPathPart("fake-channel");

	static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() {
	};

	@DynamicPropertySource
	static void channels(DynamicPropertyRegistry registry) {
		registry.add("otklik.channels.vk-api-url", FAKE::url);
		registry.add("otklik.channels.telegram-api-url", FAKE::url);
		registry.add("otklik.channels.max-api-url", FAKE::url);
		registry.add("otklik.channels.ok-api-url", FAKE::url);
		registry.add("otklik.channels.delivery-every", () -> "300ms");
		registry.add("otklik.channels.min-interval", () -> "10ms");
		registry.add("otklik.channels.public-url", () -> "https://otklik.example.ru");
	}

	@AfterAll
	static void stopFake() {
		FAKE.reset();
	}

	@BeforeEach
	void resetFake() {
		FAKE.reset();
	}

	WebTestClient http() {
		return WebTestClient.bindToServer().baseUrl("http://localhost:" + this.port).responseTimeout(Duration.ofSeconds(30))
			.build();
	}

	/** Connects an account as a curator and returns it (id, webhookSecret, …). */
	Map<String, Object> connect(Map<String, Object> input) {
		var response = curator().document("""
				mutation($in: ConnectChannelAccountInput!) { connectChannelAccount(input: $in) {
				  errors { code field message } account { id kind health webhookPath webhookUrl webhookSecret } } }""")
			.variable("in", input).execute();
		response.path("connectChannelAccount.errors").entityList(Object.class).hasSize(0);
		return response.path("connectChannelAccount.account").entity(MAP).get();
	}

	/** Posts a webhook event; returns the HTTP status and body. */
	WebTestClient.ResponseSpec post(String path, String body, Map<String, String> headers) {
		var spec = http().post().uri(path).contentType(MediaType.APPLICATION_JSON);
		for (var header : headers.entrySet()) {
			spec = spec.header(header.getKey(), header.getValue());
		}
		return spec.bodyValue(body).exchange();
	}

	/** The appeal made from a channel message, by its text (unique per test). */
	Map<String, Object> appealWithText(String text) {
		List<Map<String, Object>> found = appealsWithText(text);
		assertThat(found).as("appeals with «" + text + "»").hasSize(1);
		return found.get(0);
	}

	@SuppressWarnings("unchecked")
	List<Map<String, Object>> appealsWithText(String text) {
		return (List<Map<String, Object>>) (List<?>) curator().document("""
				query($t: String) { appeals(filter: { text: $t }, first: 10) { edges { node { id version status text url
				  externalId author { name profileUrl } source { accountId replyTarget { kind chatId postId messageId }
				  account { name } } messages { text } answers { id kind delivery { state link error externalId by { id } } } } } } }""")
			.variable("t", text).execute().path("appeals.edges[*].node").entityList(Map.class).get();
	}

	@SuppressWarnings("unchecked")
	Map<String, Object> appeal(String id) {
		return curator().document("""
				query($id: ID!) { appeal(id: $id) { id number version status text messages { text } history { type reason }
				  sla { paused } answers { id kind delivery { state link error externalId } } } }""")
			.variable("id", id).execute().path("appeal").entity(MAP).get();
	}


	void change(String mutation, Map<String, Object> input, String as) {
		var tester = switch (as) {
			case "curator" -> curator();
			default -> executor(as);
		};
		String type = Character.toUpperCase(mutation.charAt(0)) + mutation.substring(1) + "Input";
		tester.document("mutation($in: " + type + "!) { " + mutation + "(input: $in) { errors { code message } } }")
			.variable("in", input).execute().path(mutation + ".errors").entityList(Object.class).hasSize(0);
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> lastAnswer(Map<String, Object> appeal) {
		List<Map<String, Object>> answers = (List<Map<String, Object>>) appeal.get("answers");
		return answers.get(answers.size() - 1);
	}

	@SuppressWarnings("unchecked")
	static String deliveryState(Map<String, Object> answer) {
		Map<String, Object> delivery = (Map<String, Object>) answer.get("delivery");
		return (delivery != null) ? (String) delivery.get("state") : null;
	}

}
