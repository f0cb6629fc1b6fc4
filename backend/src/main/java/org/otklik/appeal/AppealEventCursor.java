package org.otklik.appeal;

import org.jspecify.annotations.Nullable;
import org.otklik.graphql.Cursors;
import org.otklik.graphql.ErrorDetail;
import org.otklik.graphql.OtklikException;

/**
 * The position of an event in the appeal event stream, and what a subscriber or consumer passes back to
 * resume after it. Positions are the change events' cluster times (seconds and an increment), which are
 * unique and ordered for the writes of one replica set and of the embedded server alike, so two
 * positions can be compared; the resume token is what the database resumes a change stream from.
 *
 * @param position the cluster time as one number: seconds in the high 32 bits, the increment in the low
 * @param token the resume token's {@code _data}
 */
public record AppealEventCursor(long position, @Nullable String token) implements Comparable<AppealEventCursor> {

	private static final String PREFIX = "e2:";

	private static final String LEGACY = "e1:";

	/** The opaque form clients see. */
	public String encode() {
		return Cursors.encode(PREFIX + Long.toHexString(this.position) + ":" + this.token);
	}

	/**
	 * Reads a cursor a client passed back. Cursors of the first release carried only the token; the
	 * embedded server's tokens are the position itself in hex, so those still resume.
	 */
	public static AppealEventCursor decode(String cursor) {
		String raw;
		try {
			raw = Cursors.decode(cursor);
		}
		catch (RuntimeException ex) {
			throw invalid();
		}
		try {
			if (raw.startsWith(PREFIX)) {
				String rest = raw.substring(PREFIX.length());
				int colon = rest.indexOf(':');
				if (colon > 0 && colon < rest.length() - 1) {
					return new AppealEventCursor(Long.parseUnsignedLong(rest.substring(0, colon), 16),
							rest.substring(colon + 1));
				}
			}
			else if (raw.startsWith(LEGACY) && raw.length() > LEGACY.length() && raw.length() <= LEGACY.length() + 16) {
				String token = raw.substring(LEGACY.length());
				return new AppealEventCursor(Long.parseUnsignedLong(token, 16), token);
			}
		}
		catch (NumberFormatException ex) {
			throw invalid();
		}
		throw invalid();
	}

	@Override
	public int compareTo(AppealEventCursor other) {
		return Long.compareUnsigned(this.position, other.position);
	}

	public boolean isAfter(AppealEventCursor other) {
		return compareTo(other) > 0;
	}

	public boolean isBefore(AppealEventCursor other) {
		return compareTo(other) < 0;
	}

	/** The position just before every event from {@code at} on (cluster time counts whole seconds). */
	public static AppealEventCursor before(java.time.Instant at) {
		return new AppealEventCursor((at.getEpochSecond() << 32) - 1, null);
	}

	private static OtklikException invalid() {
		return new OtklikException(ErrorDetail.INVALID_CURSOR, "Неверный курсор подписки");
	}

}
