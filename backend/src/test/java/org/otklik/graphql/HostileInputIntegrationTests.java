package org.otklik.graphql;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.otklik.support.IntegrationTestSupport;
import org.otklik.support.RawWebSocket;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;
import static org.otklik.support.HostileClient.assertNoInternals;
import static org.otklik.support.HostileClient.initialised;
import static org.otklik.support.HostileClient.post;
import static org.otklik.support.HostileClient.query;
import static org.otklik.support.HostileClient.quote;

/**
 * Hostile documents and requests, as data: each must get an answer below 500 with no internals in it (no Java
 * class names, exceptions or stack frames), and must leave no ERROR line and no stack trace in the log.
 */
@ExtendWith(OutputCaptureExtension.class)
class HostileInputIntegrationTests extends IntegrationTestSupport {

	/** Requests over HTTP: the raw body, and whether it is sent as the integrator (else as a curator). */
	static Stream<Arguments> httpRequests() {
		String deep = "{ " + "a { ".repeat(600) + "b" + " }".repeat(600) + " }";
		String aliases = "{ " + java.util.stream.IntStream.range(0, 1000)
			.mapToObj(i -> "a" + i + ": __typename")
			.reduce((a, b) -> a + " " + b)
			.orElseThrow() + " }";
		String forgedCursor = Base64.getEncoder().encodeToString("{\"$where\":\"sleep(1000)\"}".getBytes(StandardCharsets.UTF_8));
		String javaCursor = Base64.getEncoder()
			.encodeToString("org.springframework.data.domain.KeysetScrollPosition@1".getBytes(StandardCharsets.UTF_8));
		String appeals = "{ appeals(%s) { edges { node { id } } } }";
		String nestedVariables = "{\"query\":\"query($v: String) { __typename }\",\"variables\":{\"v\":" + "[".repeat(2000)
				+ "]".repeat(2000) + "}}";
		return Stream.of(
				// Shape of the document
				arguments("depth 600", query(deep), false),
				arguments("alias bomb of 1000", query(aliases), false),
				arguments("fragment cycle", query("query { ...A } fragment A on Query { ...B } fragment B on Query { ...A }"), false),
				arguments("self-spreading fragment", query("query { ...A } fragment A on Query { __typename ...A }"), false),
				arguments("deep introspection", query("{ __schema { types { " + "ofType { ".repeat(60) + "name" + " }".repeat(60) + " } } }"), false),
				arguments("unterminated document", query("{ appeals(first: 1"), false),
				arguments("two operations, no name", query("query A { __typename } query B { __typename }"), false),
				arguments("unknown operation name", "{\"query\":\"query A { __typename }\",\"operationName\":\"Z\"}", false),
				arguments("null character in a string", query("{ appeal(id: \"\u0000\") { id } }"), false),
				// Pages and cursors
				arguments("huge first", query(appeals.formatted("first: 100000000")), false),
				arguments("negative first", query(appeals.formatted("first: -5")), false),
				arguments("first overflowing Int", query(appeals.formatted("first: 2147483648")), false),
				arguments("first as a float", query(appeals.formatted("first: 1.5")), false),
				arguments("malformed cursor", query(appeals.formatted("after: \"!!!not-base64\"")), false),
				arguments("forged cursor with $where", query(appeals.formatted("after: " + quote(forgedCursor))), false),
				arguments("cursor naming a Java class", query(appeals.formatted("after: " + quote(javaCursor))), false),
				arguments("empty cursor", query(appeals.formatted("after: \"\"")), false),
				// Scalars out of type or range
				arguments("Int as string", query("{ calendarYear(year: \"2026\") { year } }"), false),
				arguments("Int overflow variable", "{\"query\":\"query($y: Int!) { calendarYear(year: $y) { year } }\",\"variables\":{\"y\":2147483648}}", false),
				arguments("Int as huge exponent", "{\"query\":\"query($y: Int!) { calendarYear(year: $y) { year } }\",\"variables\":{\"y\":1e400}}", false),
				arguments("Int as object", "{\"query\":\"query($y: Int!) { calendarYear(year: $y) { year } }\",\"variables\":{\"y\":{\"$gt\":0}}}", false),
				arguments("year at Int max", query("{ calendarYear(year: 2147483647) { year } }"), false),
				arguments("year at Int min", query("{ calendarYear(year: -2147483648) { year } }"), false),
				arguments("DateTime year +999999999", query("{ slaForecast(channel: VK, receivedAt: \"+999999999-12-31T23:59:59Z\") { __typename } }"), false),
				arguments("DateTime year 9999", query("{ slaForecast(channel: VK, receivedAt: \"9999-12-31T00:00:00Z\") { __typename } }"), false),
				arguments("DateTime year 1800", query("{ slaForecast(channel: VK, receivedAt: \"1800-01-01T00:00:00Z\") { __typename } }"), false),
				arguments("DateTime year 1950 (before the calendars)", query("{ slaForecast(channel: VK, receivedAt: \"1950-01-01T00:00:00Z\") { __typename } }"), false),
				arguments("stats week reaching 2201", query("{ regionStats(period: {kind: WEEK, date: \"2200-12-31\"}) { __typename } }"), false),
				arguments("stats over three centuries", query("{ regionStats(period: {kind: CUSTOM, from: \"1900-01-01\", to: \"2200-12-31\"}) { __typename } }"), false),
				arguments("ranking in 1900", query("{ agencyRanking(period: {kind: MONTH, date: \"1900-01-01\"}) { __typename } }"), false),
				arguments("DateTime year 2199 (past the calendars)", query("{ slaForecast(channel: VK, receivedAt: \"2199-06-01T00:00:00Z\") { __typename } }"), false),
				arguments("DateTime without offset", query("{ slaForecast(channel: VK, receivedAt: \"2026-01-01T00:00:00\") { __typename } }"), false),
				arguments("Date out of range in stats", query("{ regionStats(period: {kind: CUSTOM, from: \"0001-01-01\", to: \"9999-12-31\"}) { __typename } }"), false),
				arguments("Date +999999 in stats", query("{ regionStats(period: {kind: DAY, date: \"+999999-01-01\"}) { __typename } }"), false),
				arguments("receivedFrom with a huge year", query("{ appeals(filter: {receivedFrom: \"+999999999-01-01T00:00:00Z\"}) { edges { node { id } } } }"), false),
				arguments("unknown enum value", query("{ slaForecast(channel: NOPE) { __typename } }"), false),
				arguments("input object missing fields", query("{ regionStats(period: {from: {a: 1}, to: [1, 2]}) { __typename } }"), false),
				arguments("postedAt year +999999999 on ingest",
						"{\"query\":\"mutation($i: IngestAppealInput!) { ingestAppeal(input: $i) { errors { code } } }\",\"variables\":{\"i\":"
								+ "{\"channel\":\"VK\",\"externalId\":\"hostile-1\",\"text\":\"Текст\",\"postedAt\":\"+999999999-12-31T23:59:59Z\"}}}",
						true),
				// Operator injection through strings
				arguments("$gt as filter text", query("{ appeals(filter: {text: \"{\\\"$gt\\\": \\\"\\\"}\"}) { edges { node { id } } } }"), false),
				arguments("$where as agency id", query("{ appeals(filter: {agencyId: \"{\\\"$where\\\": \\\"1\\\"}\"}) { edges { node { id } } } }"), false),
				arguments("$ne as appeal id", query("{ appeal(id: \"{\\\"$ne\\\": null}\") { id } }"), false),
				arguments("regex metacharacters as text", query("{ appeals(filter: {text: \".*(a+)+$\"}) { edges { node { id } } } }"), false),
				arguments("filter as object variable", "{\"query\":\"query($f: AppealFilter) { appeals(filter: $f) { edges { node { id } } } }\",\"variables\":{\"f\":{\"agencyId\":{\"$gt\":\"\"}}}}", false),
				// Bodies
				arguments("empty body", "", false),
				arguments("null body", "null", false),
				arguments("empty object", "{}", false),
				arguments("batch array", "[" + query("{ __typename }") + "," + query("{ __typename }") + "]", false),
				arguments("string body", "\"{ __typename }\"", false),
				arguments("number body", "42", false),
				arguments("truncated JSON", "{\"query\":\"{ __typename }\"", false),
				arguments("query as number", "{\"query\":5}", false),
				arguments("query as object", "{\"query\":{\"$gt\":\"\"}}", false),
				arguments("variables as string", "{\"query\":\"{ __typename }\",\"variables\":\"x\"}", false),
				arguments("variables nested 2000 deep", nestedVariables, false),
				arguments("body over 256 KB", "{\"query\":\"{ __typename }\",\"variables\":{\"x\":\"" + "x".repeat(300_000) + "\"}}", false),
				arguments("document over the length limit", query("{ __typename " + " ".repeat(25_000) + "}"), false));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("httpRequests")
	void hostileHttpRequestIsAnsweredWithoutInternals(String name, String body, boolean asIntegrator, CapturedOutput log) {
		HttpResponse<String> response = post(this.port, body, asIntegrator ? this.tokens.integrator("hostile") : this.tokens.curator());
		assertThat(response.statusCode()).as(name).isLessThan(500);
		assertNoInternals(response.body());
		assertCleanLog(log);
	}

	@ParameterizedTest(name = "invalid UTF-8 {index}")
	@MethodSource("invalidUtf8")
	void invalidUtf8IsAnsweredWithoutInternals(byte[] body, CapturedOutput log) {
		HttpResponse<String> response = post(this.port, body, this.tokens.curator());
		assertThat(response.statusCode()).isLessThan(500);
		assertNoInternals(response.body());
		assertCleanLog(log);
	}

	static Stream<Arguments> invalidUtf8() {
		byte[] inString = "{\"query\":\"{ appeal(id: \\\"XX\\\") { id } }\"}".getBytes(StandardCharsets.US_ASCII);
		inString[25] = (byte) 0xff;
		inString[26] = (byte) 0xfe;
		return Stream.of(arguments((Object) inString), arguments((Object) new byte[] { (byte) 0xc3, 0x28, (byte) 0xa0, (byte) 0xa1 }));
	}

	/** Garbage on an initialised WebSocket: each closes it with 4400 (1007 for invalid UTF-8, per RFC 6455). */
	static Stream<Arguments> webSocketFrames() {
		return Stream.of(arguments("not JSON", 1, "hello"), arguments("JSON array", 1, "[]"),
				arguments("JSON string", 1, "\"subscribe\""), arguments("no type", 1, "{}"),
				arguments("unknown type", 1, "{\"type\":\"hello\"}"), arguments("type as number", 1, "{\"type\":5}"),
				arguments("server-only type", 1, "{\"type\":\"next\",\"id\":\"1\",\"payload\":{}}"),
				arguments("subscribe without id", 1, "{\"type\":\"subscribe\",\"payload\":{\"query\":\"{ __typename }\"}}"),
				arguments("subscribe with numeric id", 1, "{\"type\":\"subscribe\",\"id\":1,\"payload\":{\"query\":\"{ __typename }\"}}"),
				arguments("subscribe without payload", 1, "{\"type\":\"subscribe\",\"id\":\"1\"}"),
				arguments("subscribe with string payload", 1, "{\"type\":\"subscribe\",\"id\":\"1\",\"payload\":\"x\"}"),
				arguments("subscribe without query", 1, "{\"type\":\"subscribe\",\"id\":\"1\",\"payload\":{\"variables\":{}}}"),
				arguments("complete without id", 1, "{\"type\":\"complete\"}"),
				arguments("second connection_init with a bad payload", 1, "{\"type\":\"connection_init\",\"payload\":[1]}"),
				arguments("binary frame", 2, "{\"type\":\"ping\"}"), arguments("invalid UTF-8 text frame", 1, null));
	}

	@ParameterizedTest(name = "WebSocket: {0}")
	@MethodSource("webSocketFrames")
	void webSocketGarbageClosesTheSocketWithAProtocolCode(String name, int opcode, String frame, CapturedOutput log)
			throws Exception {
		try (RawWebSocket ws = initialised(this.port, this.tokens.curator())) {
			byte[] payload = (frame != null) ? frame.getBytes(StandardCharsets.UTF_8) : new byte[] { '{', (byte) 0xff, '}' };
			ws.sendFrame(opcode, payload);
			String close = ws.readUntilClose();
			assertThat(close).as(name).matches((frame != null) ? "CLOSE 4400 .*" : "CLOSE (4400|1007) .*");
			assertNoInternals(close);
		}
		assertCleanLog(log);
	}

	private static void assertCleanLog(CapturedOutput log) {
		assertThat(log.getAll()).doesNotContainPattern("(?m)^\\S+\\s+ERROR ").doesNotContainPattern("(?m)^\\s+at [a-z]+\\.");
	}

}
