package org.otklik.graphql;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** The hand-written result JSON is Jackson's, byte for byte, and gives way to Jackson for anything else. */
class ResultJsonTests {

	private static final JsonMapper JACKSON = JsonMapper.builder().build();

	@Test
	void writesAResultAsJacksonDoes() {
		Map<String, Object> node = new LinkedHashMap<>();
		node.put("id", "6540f0c2a1b2c3d4e5f60718");
		node.put("text", "Яма на дороге \"у дома\" \\ 5\n\tвторая строка\r\b\f\u0001\u001f 😀 конец");
		node.put("urgent", true);
		node.put("version", 7L);
		node.put("redirectCount", 2);
		node.put("short", (short) 3);
		node.put("big", new BigInteger("123456789012345678901234567890"));
		node.put("decimal", new BigDecimal("12.50"));
		node.put("agency", null);
		node.put("empty", List.of());
		node.put("nested", Map.of("state", "ON_TRACK"));
		List<Object> edges = new ArrayList<>();
		edges.add(Map.of("node", node, "cursor", "YTE6MTIzOjY1"));
		edges.add(null);
		Map<String, Object> result = new LinkedHashMap<>();
		result.put("data", Map.of("appeals", Map.of("edges", edges)));
		result.put("errors", List.of(Map.of("message", "Нет доступа", "extensions", Map.of("classification", "FORBIDDEN"))));

		byte[] ours = ResultJson.write(result);

		assertThat(ours).isNotNull();
		assertThat(new String(ours, StandardCharsets.UTF_8)).isEqualTo(JACKSON.writeValueAsString(result));
	}

	@Test
	void writesEveryUtf8LengthAndLongTextsAsJacksonDoes() {
		// One, two, three and four bytes in UTF-8, and a text longer than the first buffer.
		String mixed = "a\u00e9Ж\u2116\u20ac\u4e2d😀\u007f\u0080\u07ff\u0800\uffff";
		Map<String, Object> result = new LinkedHashMap<>();
		result.put("data", Map.of("mixed", mixed, "long", "Текст обращения \"№5\"\n".repeat(2000), "after", List.of(1, "я")));

		byte[] ours = ResultJson.write(result);

		assertThat(ours).isNotNull();
		assertThat(ours).isEqualTo(JACKSON.writeValueAsBytes(result));
	}

	@Test
	void decimalsReadBackAsTheSameNumbers() {
		Map<String, Object> result = Map.of("data", Map.of("ratio", 0.1 + 0.2, "share", 1e-7, "big", 1e22, "f", 0.5f));

		byte[] ours = ResultJson.write(result);

		assertThat(JACKSON.readValue(ours, Map.class)).isEqualTo(JACKSON.readValue(JACKSON.writeValueAsBytes(result), Map.class));
	}

	@Test
	void givesWayToJacksonForWhatItDoesNotKnow() {
		for (Object odd : new Object[] { Double.NaN, Double.POSITIVE_INFINITY, new Object(), java.time.Instant.EPOCH,
				new int[] { 1 }, Map.of(1, "key not a string"), "lone \uD83D surrogate", "reversed \uDE00\uD83D pair",
				'c' }) {
			Map<String, Object> data = new LinkedHashMap<>();
			data.put("fine", "value");
			data.put("odd", Arrays.asList("first", odd));
			assertThat(ResultJson.write(Map.of("data", data))).as(String.valueOf(odd)).isNull();
		}
	}

}
