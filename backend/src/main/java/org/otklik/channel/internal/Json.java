package org.otklik.channel.internal;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** Reads channel payloads that may lack any field, without exceptions for what is merely absent. */
final class Json {

	private Json() {
	}

	static @Nullable String text(JsonNode node, String field) {
		JsonNode value = node.path(field);
		if (value.isMissingNode() || value.isNull()) {
			return null;
		}
		String text = value.asString(null);
		return (text == null || text.isBlank()) ? null : text;
	}

	static @Nullable Long number(JsonNode node, String field) {
		JsonNode value = node.path(field);
		if (value.isMissingNode() || value.isNull()) {
			return null;
		}
		if (value.isNumber()) {
			return value.asLong();
		}
		try {
			return Long.parseLong(value.asString(""));
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

}
