package org.otklik.graphql;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Encodes cursors as opaque base64url strings so clients never depend on their inner format. */
public final class Cursors {

	private Cursors() {
	}

	public static String encode(String raw) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
	}

	/** Decodes a cursor, or throws an {@link OtklikException} the client can understand. */
	public static String decode(String cursor) {
		try {
			return new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			throw new OtklikException(ErrorDetail.INVALID_CURSOR, "Неверный курсор");
		}
	}

}
