package org.otklik.graphql;

import java.net.http.HttpResponse;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.otklik.live.LiveService;
import org.otklik.support.IntegrationTestSupport;
import org.otklik.support.RawWebSocket;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.otklik.support.HostileClient.assertNoInternals;
import static org.otklik.support.HostileClient.initialised;
import static org.otklik.support.HostileClient.post;
import static org.otklik.support.HostileClient.postChunked;
import static org.otklik.support.HostileClient.query;
import static org.otklik.support.HostileClient.readUntil;

/**
 * Protocol limits answer instead of failing silently: a subscription past the per-socket limit gets an
 * {@code error} and the socket stays usable, an oversized body gets 413, an empty one 400, an invalid
 * WebSocket message closes with 4400, and out-of-range values are Russian BAD_REQUEST-style errors.
 */
class ProtocolLimitsIntegrationTests extends IntegrationTestSupport {

	private static final Pattern NEXT_ID = Pattern.compile("^\\{\"id\":\"([^\"]+)\"");

	@Autowired
	LiveService live;

	@Test
	void subscriptionPastTheLimitGetsAnErrorAndTheSocketStaysResponsive() throws Exception {
		int before = this.live.subscriberCount();
		try (RawWebSocket ws = initialised(this.port, this.tokens.curator())) {
			for (int i = 1; i <= 101; i++) {
				subscribe(ws, "s" + i);
			}
			List<String> frames = readUntil(ws, frame -> frame.contains("\"s101\"") && frame.contains("\"error\""));
			String error = frames.get(frames.size() - 1);
			assertThat(error).contains("TOO_MANY_SUBSCRIPTIONS").contains("BAD_REQUEST").contains("100");
			assertNoInternals(error);
			await(() -> this.live.subscriberCount() == before + 100, "100 subscriptions registered");

			ws.sendText("{\"type\":\"ping\"}");
			readUntil(ws, frame -> frame.contains("\"pong\""));

			// Completing one frees a slot: a new subscription is accepted and, like the other 99, gets events.
			ws.sendText("{\"id\":\"s1\",\"type\":\"complete\"}");
			await(() -> this.live.subscriberCount() == before + 99, "s1 completed");
			subscribe(ws, "fresh");
			await(() -> this.live.subscriberCount() == before + 100, "the fresh subscription registered");
			ingest("Прошу отремонтировать дорогу у дома 5");
			Set<String> delivered = new HashSet<>();
			readUntil(ws, frame -> {
				Matcher next = NEXT_ID.matcher(frame);
				if (frame.contains("\"type\":\"next\"") && next.find()) {
					delivered.add(next.group(1));
				}
				return delivered.size() == 100;
			});
			assertThat(delivered).contains("fresh", "s100").doesNotContain("s1", "s101");
		}
		await(() -> this.live.subscriberCount() == before, "the socket's subscriptions ended with it");
	}

	@Test
	void oversizedBodyGets413WithASmallJsonError() {
		String body = "{\"query\":\"{ __typename }\",\"variables\":{\"pad\":\"" + "а".repeat(200_000) + "\"}}";
		HttpResponse<String> response = post(this.port, body, this.tokens.curator());
		assertThat(response.statusCode()).isEqualTo(413);
		assertThat((String) JsonPath.read(response.body(), "$.errors[0].extensions.errorDetail")).isEqualTo("REQUEST_TOO_LARGE");
		assertThat(response.body()).hasSizeLessThan(500);
		assertNoInternals(response.body());
	}

	@Test
	void oversizedChunkedBodyGets413Too() {
		String body = "{\"query\":\"{ __typename }\",\"variables\":{\"pad\":\"" + "x".repeat(300_000) + "\"}}";
		HttpResponse<String> response = postChunked(this.port, body.getBytes(java.nio.charset.StandardCharsets.UTF_8),
				this.tokens.curator());
		assertThat(response.statusCode()).isEqualTo(413);
		assertThat((String) JsonPath.read(response.body(), "$.errors[0].extensions.errorDetail")).isEqualTo("REQUEST_TOO_LARGE");
		assertNoInternals(response.body());
	}

	@Test
	void emptyAndNullBodiesGet400() {
		for (String body : List.of("", "null", " ")) {
			HttpResponse<String> response = post(this.port, body, this.tokens.curator());
			assertThat(response.statusCode()).as("body '%s'", body).isEqualTo(400);
			assertThat((String) JsonPath.read(response.body(), "$.errors[0].extensions.errorDetail"))
				.isEqualTo("MALFORMED_REQUEST");
		}
	}

	@Test
	void invalidWebSocketMessagesCloseWith4400() throws Exception {
		for (String message : List.of("not json", "{\"type\":\"unknown\"}", "{\"type\":\"subscribe\",\"payload\":{\"query\":\"{ __typename }\"}}",
				"{\"type\":\"complete\"}")) {
			try (RawWebSocket ws = initialised(this.port, this.tokens.curator())) {
				ws.sendText(message);
				assertThat(ws.readUntilClose()).as(message).startsWith("CLOSE 4400");
			}
		}
	}

	@Test
	void subscribeBeforeConnectionInitClosesWith4401() throws Exception {
		try (RawWebSocket ws = RawWebSocket.connect(this.port, "/graphql", 1 << 16)) {
			ws.sendText("{\"id\":\"1\",\"type\":\"subscribe\",\"payload\":{\"query\":\"subscription { appealReceived { cursor } }\"}}");
			assertThat(ws.readUntilClose()).startsWith("CLOSE 4401");
		}
	}

	@Test
	void outOfRangeValuesAreBadRequestsInRussianWithoutInternals() {
		List<String> documents = List.of("{ calendarYear(year: 2147483647) { year } }",
				"{ calendarYear(year: 2147483648) { year } }",
				"{ slaForecast(channel: VK, receivedAt: \"9999-12-31T00:00:00Z\") { __typename } }",
				"{ slaForecast(channel: VK, receivedAt: \"+999999999-12-31T23:59:59Z\") { __typename } }",
				"{ regionStats(period: {kind: CUSTOM, from: \"+999999-01-01\", to: \"+999999-01-02\"}) { __typename } }",
				"{ appeals(filter: {receivedFrom: \"+999999999-01-01T00:00:00Z\"}) { edges { node { id } } } }");
		for (String document : documents) {
			HttpResponse<String> response = post(this.port, query(document), this.tokens.curator());
			assertThat(response.statusCode()).as(document).isLessThan(500);
			String classification = JsonPath.read(response.body(), "$.errors[0].extensions.classification");
			assertThat(classification).as(document).isIn("BAD_REQUEST", "ValidationError");
			assertThat((String) JsonPath.read(response.body(), "$.errors[0].message")).as(document).containsPattern("[а-яА-Я]");
			assertNoInternals(response.body());
		}
	}

	@Test
	void aSubscriptionSentOverHttpIsRefusedAndPointsToTheWebSocket() {
		HttpResponse<String> response = post(this.port, query("subscription { appealReceived { cursor } }"),
				this.tokens.curator());
		assertThat(response.statusCode()).isLessThan(500);
		assertThat((String) JsonPath.read(response.body(), "$.errors[0].extensions.classification")).isEqualTo("BAD_REQUEST");
		assertThat((String) JsonPath.read(response.body(), "$.errors[0].message")).contains("WebSocket");
		assertThat(response.body()).doesNotContain("upstreamPublisher").doesNotContain("prefetch");
		assertNoInternals(response.body());
	}

	private static void subscribe(RawWebSocket ws, String id) throws java.io.IOException {
		ws.sendText("{\"id\":\"" + id + "\",\"type\":\"subscribe\",\"payload\":{\"query\":\"subscription { appealReceived { cursor } }\"}}");
	}

}
