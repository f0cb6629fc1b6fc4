package org.otklik.graphql;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Writes a GraphQL result map as compact JSON, byte for byte as Jackson writes it, for the value types a
 * result holds after scalar coercion (maps with string keys, lists, strings, booleans, integral numbers,
 * finite decimals, null). Jackson looked up a serializer for the runtime class of each value of every map,
 * most of its share (7 %) of a queue page's CPU. Anything else (another type, a non-finite number, a broken
 * surrogate pair) makes {@link #write} answer null, and the caller lets Jackson write the result.
 */
final class ResultJson {

	private static final char[] HEX = "0123456789ABCDEF".toCharArray();

	private ResultJson() {
	}

	/** The JSON of the result, or null when it holds something only Jackson should write. */
	static byte @Nullable [] write(Map<String, ?> result) {
		StringBuilder out = new StringBuilder(8192);
		if (!value(result, out)) {
			return null;
		}
		return out.toString().getBytes(StandardCharsets.UTF_8);
	}

	private static boolean value(@Nullable Object value, StringBuilder out) {
		if (value == null) {
			out.append("null");
		}
		else if (value instanceof String string) {
			return string(string, out);
		}
		else if (value instanceof Boolean bool) {
			out.append(bool.booleanValue());
		}
		else if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
			out.append(((Number) value).longValue());
		}
		else if (value instanceof Double || value instanceof Float) {
			double number = ((Number) value).doubleValue();
			if (!Double.isFinite(number)) {
				return false;
			}
			out.append((value instanceof Float f) ? Float.toString(f) : Double.toString(number));
		}
		else if (value instanceof BigInteger || value instanceof BigDecimal) {
			out.append(value);
		}
		else if (value instanceof Map<?, ?> map) {
			out.append('{');
			boolean first = true;
			for (Map.Entry<?, ?> entry : map.entrySet()) {
				if (!(entry.getKey() instanceof String key)) {
					return false;
				}
				if (!first) {
					out.append(',');
				}
				first = false;
				if (!string(key, out)) {
					return false;
				}
				out.append(':');
				if (!value(entry.getValue(), out)) {
					return false;
				}
			}
			out.append('}');
		}
		else if (value instanceof Collection<?> list) {
			out.append('[');
			boolean first = true;
			for (Object item : list) {
				if (!first) {
					out.append(',');
				}
				first = false;
				if (!value(item, out)) {
					return false;
				}
			}
			out.append(']');
		}
		else {
			return false;
		}
		return true;
	}

	/** A quoted string, escaped as Jackson escapes by default: quote, backslash and control characters. */
	private static boolean string(String text, StringBuilder out) {
		out.append('"');
		int length = text.length();
		int plain = 0;
		for (int i = 0; i < length; i++) {
			char c = text.charAt(i);
			if (c >= 0x20 && c != '"' && c != '\\' && !Character.isSurrogate(c)) {
				continue;
			}
			if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(text.charAt(i + 1))) {
				i++;
				continue;
			}
			if (Character.isSurrogate(c)) {
				return false;
			}
			out.append(text, plain, i);
			plain = i + 1;
			switch (c) {
				case '"' -> out.append("\\\"");
				case '\\' -> out.append("\\\\");
				case '\b' -> out.append("\\b");
				case '\t' -> out.append("\\t");
				case '\n' -> out.append("\\n");
				case '\f' -> out.append("\\f");
				case '\r' -> out.append("\\r");
				default -> out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
			}
		}
		out.append(text, plain, length).append('"');
		return true;
	}

}
