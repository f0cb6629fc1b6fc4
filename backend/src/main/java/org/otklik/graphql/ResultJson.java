package org.otklik.graphql;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
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

	private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);

	private static final byte[] NULL = "null".getBytes(StandardCharsets.US_ASCII);

	private static final byte[] TRUE = "true".getBytes(StandardCharsets.US_ASCII);

	private static final byte[] FALSE = "false".getBytes(StandardCharsets.US_ASCII);

	/**
	 * The UTF-8 output as it grows. Written directly rather than through a {@code StringBuilder}: Cyrillic text
	 * turned the builder to UTF-16, and its copy into a {@code String} and that string's encoding to UTF-8 cost
	 * as much again as the walk itself.
	 */
	private byte[] out = new byte[16384];

	private int length;

	/** The characters of the string being written. */
	private char[] chars = new char[1024];

	private ResultJson() {
	}

	/** The JSON of the result, or null when it holds something only Jackson should write. */
	static byte @Nullable [] write(Map<String, ?> result) {
		ResultJson json = new ResultJson();
		if (!json.value(result)) {
			return null;
		}
		return Arrays.copyOf(json.out, json.length);
	}

	private boolean value(@Nullable Object value) {
		if (value == null) {
			bytes(NULL);
		}
		else if (value instanceof String string) {
			return string(string);
		}
		else if (value instanceof Boolean bool) {
			bytes(bool ? TRUE : FALSE);
		}
		else if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
			ascii(Long.toString(((Number) value).longValue()));
		}
		else if (value instanceof Double || value instanceof Float) {
			double number = ((Number) value).doubleValue();
			if (!Double.isFinite(number)) {
				return false;
			}
			ascii((value instanceof Float f) ? Float.toString(f) : Double.toString(number));
		}
		else if (value instanceof BigInteger || value instanceof BigDecimal) {
			ascii(value.toString());
		}
		else if (value instanceof Map<?, ?> map) {
			punctuation('{');
			boolean first = true;
			for (Map.Entry<?, ?> entry : map.entrySet()) {
				if (!(entry.getKey() instanceof String key)) {
					return false;
				}
				if (!first) {
					punctuation(',');
				}
				first = false;
				if (!string(key)) {
					return false;
				}
				punctuation(':');
				if (!value(entry.getValue())) {
					return false;
				}
			}
			punctuation('}');
		}
		else if (value instanceof Collection<?> list) {
			punctuation('[');
			boolean first = true;
			for (Object item : list) {
				if (!first) {
					punctuation(',');
				}
				first = false;
				if (!value(item)) {
					return false;
				}
			}
			punctuation(']');
		}
		else {
			return false;
		}
		return true;
	}

	/**
	 * A quoted string in UTF-8, escaped as Jackson escapes by default: quote, backslash and control characters;
	 * everything else, non-ASCII included, as is.
	 */
	private boolean string(String text) {
		int chars = text.length();
		// At most six bytes a character (a control character's escape), and the quotes.
		reserve(6 * chars + 2);
		// Copied out in bulk: charAt per character, with its bounds check, was most of this method's samples.
		if (this.chars.length < chars) {
			this.chars = new char[Math.max(chars, 2 * this.chars.length)];
		}
		char[] in = this.chars;
		text.getChars(0, chars, in, 0);
		byte[] b = this.out;
		int at = this.length;
		b[at++] = '"';
		for (int i = 0; i < chars; i++) {
			char c = in[i];
			if (c < 0x80) {
				if (c >= 0x20 && c != '"' && c != '\\') {
					b[at++] = (byte) c;
					continue;
				}
				b[at++] = '\\';
				switch (c) {
					case '"' -> b[at++] = '"';
					case '\\' -> b[at++] = '\\';
					case '\b' -> b[at++] = 'b';
					case '\t' -> b[at++] = 't';
					case '\n' -> b[at++] = 'n';
					case '\f' -> b[at++] = 'f';
					case '\r' -> b[at++] = 'r';
					default -> {
						b[at++] = 'u';
						b[at++] = '0';
						b[at++] = '0';
						b[at++] = HEX[c >> 4];
						b[at++] = HEX[c & 0xF];
					}
				}
			}
			else if (c < 0x800) {
				b[at++] = (byte) (0xC0 | (c >> 6));
				b[at++] = (byte) (0x80 | (c & 0x3F));
			}
			else if (!Character.isSurrogate(c)) {
				b[at++] = (byte) (0xE0 | (c >> 12));
				b[at++] = (byte) (0x80 | ((c >> 6) & 0x3F));
				b[at++] = (byte) (0x80 | (c & 0x3F));
			}
			else if (Character.isHighSurrogate(c) && i + 1 < chars && Character.isLowSurrogate(in[i + 1])) {
				int code = Character.toCodePoint(c, in[++i]);
				b[at++] = (byte) (0xF0 | (code >> 18));
				b[at++] = (byte) (0x80 | ((code >> 12) & 0x3F));
				b[at++] = (byte) (0x80 | ((code >> 6) & 0x3F));
				b[at++] = (byte) (0x80 | (code & 0x3F));
			}
			else {
				return false;
			}
		}
		b[at++] = '"';
		this.length = at;
		return true;
	}

	private void ascii(String text) {
		int chars = text.length();
		reserve(chars);
		for (int i = 0; i < chars; i++) {
			this.out[this.length++] = (byte) text.charAt(i);
		}
	}

	private void bytes(byte[] bytes) {
		reserve(bytes.length);
		System.arraycopy(bytes, 0, this.out, this.length, bytes.length);
		this.length += bytes.length;
	}

	private void punctuation(char c) {
		reserve(1);
		this.out[this.length++] = (byte) c;
	}

	private void reserve(int more) {
		if (this.length + more > this.out.length) {
			this.out = Arrays.copyOf(this.out, Math.max(this.out.length * 2, this.length + more));
		}
	}

}
