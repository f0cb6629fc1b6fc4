package org.otklik.graphql;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.otklik.security.GraphQlWsSession;
import org.otklik.security.IdentityKeys;
import org.otklik.security.PkceBrowser;
import org.otklik.security.SecurityIntegrationTest;
import org.otklik.security.SecurityProperties;
import org.otklik.security.SecurityTestConfiguration.FetchCounter;
import org.otklik.security.TestTokens;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Abusive documents are refused before anything is fetched, and integrators are rate-limited per client.
 * The shared context sets the integrator limit to 3 requests per 3 seconds.
 */
@SecurityIntegrationTest
class GraphQlLimitsIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	IdentityKeys keys;

	@Autowired
	SecurityProperties properties;

	@Autowired
	FetchCounter fetches;

	TestTokens tokens;

	@BeforeEach
	void tokens() {
		this.tokens = new TestTokens(this.keys, this.properties);
	}

	@Test
	void tooDeepQueryIsRejectedBeforeAnyDataFetcherRuns() {
		// securityProbe > 12 x nested > id: depth 14.
		String deep = "{ securityProbe { " + "nested { ".repeat(12) + "id" + " }".repeat(12) + " } }";
		int before = this.fetches.fetches();
		String body = post(deep, this.tokens.curator()).body();
		assertThat(this.fetches.fetches()).isEqualTo(before);
		assertThat((String) JsonPath.read(body, "$.errors[0].extensions.errorDetail")).isEqualTo("QUERY_TOO_COMPLEX");
		assertThat((String) JsonPath.read(body, "$.errors[0].extensions.limit")).isEqualTo("depth");
		assertThat((Integer) JsonPath.read(body, "$.errors[0].extensions.actual")).isEqualTo(14);
		assertThat((String) JsonPath.read(body, "$.errors[0].extensions.classification")).isEqualTo("BAD_REQUEST");
		assertThat(body).doesNotContain("\"data\":{").doesNotContain("Exception").doesNotContain("at graphql.");
	}

	@Test
	void queryJustWithinTheDepthLimitRunsItsDataFetchers() {
		String twelve = "{ securityProbe { " + "nested { ".repeat(10) + "id" + " }".repeat(10) + " } }";
		int before = this.fetches.fetches();
		String body = post(twelve, this.tokens.curator()).body();
		assertThat((java.util.Map<String, Object>) JsonPath.read(body, "$")).doesNotContainKey("errors");
		assertThat(this.fetches.fetches()).isGreaterThan(before);
	}

	@Test
	void graphiqlsIntrospectionQueryIsNotLimitedByDepth() throws Exception {
		String introspection = new String(getClass().getResourceAsStream("/graphql-security-test/introspection-query.graphql")
			.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
		String body = post(introspection, this.tokens.curator()).body();
		assertThat((java.util.Map<String, Object>) JsonPath.read(body, "$")).doesNotContainKey("errors");
		assertThat((String) JsonPath.read(body, "$.data.__schema.queryType.name")).isEqualTo("Query");
	}

	@Test
	void aliasBombOfTypenameIsRejected() {
		String bomb = IntStream.range(0, 1000).mapToObj(i -> "a" + i + ": __typename")
			.collect(Collectors.joining(" ", "{ ", " }"));
		int before = this.fetches.fetches();
		String body = post(bomb, this.tokens.curator()).body();
		assertThat(this.fetches.fetches()).isEqualTo(before);
		assertThat((String) JsonPath.read(body, "$.errors[0].extensions.limit")).isEqualTo("fields");
		assertThat((Integer) JsonPath.read(body, "$.errors[0].extensions.actual")).isEqualTo(1000);
	}

	@Test
	void aliasBombOfAResolvedFieldIsRejected() {
		String bomb = IntStream.range(0, 300).mapToObj(i -> "p" + i + ": securityProbe { id }")
			.collect(Collectors.joining(" ", "{ ", " }"));
		int before = this.fetches.fetches();
		String body = post(bomb, this.tokens.curator()).body();
		assertThat(this.fetches.fetches()).isEqualTo(before);
		assertThat((String) JsonPath.read(body, "$.errors[0].extensions.limit")).isEqualTo("fields");
		assertThat((Integer) JsonPath.read(body, "$.errors[0].extensions.actual")).isEqualTo(600);
	}

	@Test
	void listFieldsCountAsManyAsTheirFirstArgumentAsks() {
		String shape = "{ securityProbes(first: %d) { id roles agency clientId } }";
		int before = this.fetches.fetches();
		String tooMany = post(shape.formatted(3000), this.tokens.curator()).body();
		assertThat(this.fetches.fetches()).isEqualTo(before);
		assertThat((String) JsonPath.read(tooMany, "$.errors[0].extensions.limit")).isEqualTo("complexity");
		assertThat((Integer) JsonPath.read(tooMany, "$.errors[0].extensions.actual")).isEqualTo(12001);
		String fewer = post(shape.formatted(3), this.tokens.curator()).body();
		assertThat((List<?>) JsonPath.read(fewer, "$.data.securityProbes")).hasSize(3);
	}

	@Test
	void aDocumentParsedBeforeIsMeasuredAgainWithEachRequestsVariables() {
		String shape = "query($n: Int) { securityProbes(first: $n) { id roles agency clientId } }";
		String deep = "{ securityProbe { " + "nested { ".repeat(12) + "id" + " }".repeat(12) + " } }";
		int before = this.fetches.fetches();
		// The same text twice: the second comes from the parsed-document cache and is refused all the same.
		for (int i = 0; i < 2; i++) {
			assertThat((String) JsonPath.read(post(deep, this.tokens.curator()).body(), "$.errors[0].extensions.limit"))
				.isEqualTo("depth");
		}
		assertThat((List<?>) JsonPath.read(post(shape, "{\"n\":3}", this.tokens.curator()).body(), "$.data.securityProbes"))
			.hasSize(3);
		int afterFew = this.fetches.fetches();
		String tooMany = post(shape, "{\"n\":3000}", this.tokens.curator()).body();
		assertThat((String) JsonPath.read(tooMany, "$.errors[0].extensions.limit")).isEqualTo("complexity");
		assertThat(this.fetches.fetches()).isEqualTo(afterFew).isGreaterThan(before);
	}

	@Test
	void aFullPageOfAppealsIsWithinTheLimits() {
		String page = "{ appeals(first: 100) { edges { cursor node { id version status channel externalId url"
				+ " postedAt text urgent category municipality agency { id code name kind active } } }"
				+ " pageInfo { hasNextPage endCursor startCursor hasPreviousPage } } }";
		assertThat(post(page, this.tokens.curator()).body()).doesNotContain("QUERY_TOO_COMPLEX");
	}

	@Test
	void oversizedDocumentIsRejectedBeforeParsing() {
		String padded = "{ __typename }\n#" + "x".repeat(25_000);
		int before = this.fetches.fetches();
		String body = post(padded, this.tokens.curator()).body();
		assertThat(this.fetches.fetches()).isEqualTo(before);
		assertThat((String) JsonPath.read(body, "$.errors[0].extensions.limit")).isEqualTo("documentLength");
		assertThat((Integer) JsonPath.read(body, "$.errors[0].extensions.maximum")).isEqualTo(20_000);
	}

	@Test
	void integratorIsRateLimitedPerClientAndRecovers() throws InterruptedException {
		String token = this.tokens.integrator("rate-limit-http");
		for (int i = 0; i < 3; i++) {
			assertThat(post("{ __typename }", token).statusCode()).isEqualTo(200);
		}
		HttpResponse<String> limited = post("{ __typename }", token);
		assertThat(limited.statusCode()).isEqualTo(429);
		long retryAfter = Long.parseLong(limited.headers().firstValue("Retry-After").orElseThrow());
		assertThat(retryAfter).isBetween(1L, 3L);
		assertThat((String) JsonPath.read(limited.body(), "$.errors[0].extensions.errorDetail")).isEqualTo("RATE_LIMITED");
		assertThat(((Number) JsonPath.read(limited.body(), "$.errors[0].extensions.retryAfterSeconds")).longValue())
			.isEqualTo(retryAfter);

		// Another integrator has a bucket of its own.
		assertThat(post("{ __typename }", this.tokens.integrator("rate-limit-other")).statusCode()).isEqualTo(200);

		Thread.sleep(Duration.ofSeconds(retryAfter).toMillis() + 100);
		assertThat(post("{ __typename }", token).statusCode()).isEqualTo(200);
	}

	@Test
	void staffAreNotRateLimited() {
		String token = this.tokens.curator();
		for (int i = 0; i < 8; i++) {
			assertThat(post("{ __typename }", token).statusCode()).isEqualTo(200);
		}
	}

	@Test
	void integratorIsRateLimitedOverWebSocketWithAClassifiedError() {
		String token = this.tokens.integrator("rate-limit-ws");
		GraphQlWsSession session = GraphQlWsSession.run(URI.create("ws://localhost:" + this.port + "/graphql"),
				"{\"token\":\"" + token + "\"}", (message, ws) -> {
					if (message.contains("connection_ack")) {
						for (int i = 1; i <= 4; i++) {
							ws.subscribe(Integer.toString(i), "{ __typename }");
						}
					}
					else if (message.contains("\"id\":\"4\"") && message.contains("\"complete\"")) {
						ws.close();
					}
				}, Duration.ofSeconds(10));
		String fourth = session.received().stream()
			.filter(m -> m.contains("\"id\":\"4\"") && m.contains("RATE_LIMITED"))
			.findFirst()
			.orElseThrow(() -> new AssertionError("No rate limit error in " + session.received()));
		assertThat(((Number) JsonPath.read(fourth, "$.payload.errors[0].extensions.retryAfterSeconds")).longValue())
			.isBetween(1L, 3L);
		assertThat(session.received()).anyMatch(m -> m.contains("\"id\":\"3\"") && m.contains("__typename"));
	}

	private HttpResponse<String> post(String query, String token) {
		return post(query, "{}", token);
	}

	private HttpResponse<String> post(String query, String variables, String token) {
		String json = "{\"query\":" + quote(query) + ",\"variables\":" + variables + "}";
		return new PkceBrowser().postJson("http://localhost:" + this.port + "/graphql", json, token);
	}

	private static String quote(String value) {
		return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
	}

}
