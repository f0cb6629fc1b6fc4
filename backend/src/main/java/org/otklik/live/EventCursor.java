package org.otklik.live;

import org.bson.BsonDocument;
import org.bson.BsonString;
import org.otklik.graphql.Cursors;
import org.otklik.graphql.ErrorDetail;
import org.otklik.graphql.OtklikException;

/** Wraps change-stream resume tokens into opaque subscription cursors and back. */
final class EventCursor {

	private static final String PREFIX = "e1:";

	private EventCursor() {
	}

	static String encode(String tokenKey) {
		return Cursors.encode(PREFIX + tokenKey);
	}

	/** The {@code _data} of the resume token behind a cursor. */
	static String decode(String cursor) {
		String raw = Cursors.decode(cursor);
		if (!raw.startsWith(PREFIX) || raw.length() == PREFIX.length()) {
			throw new OtklikException(ErrorDetail.INVALID_CURSOR, "Неверный курсор подписки");
		}
		return raw.substring(PREFIX.length());
	}

	static BsonDocument token(String tokenKey) {
		return new BsonDocument("_data", new BsonString(tokenKey));
	}

}
