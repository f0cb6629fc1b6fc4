package org.otklik.live;

import java.time.Instant;

import org.otklik.appeal.Appeal;
import org.otklik.appeal.AppealEventType;

/**
 * One change to an appeal as read from the change stream, with the appeal as it is now. The token is
 * the change stream's resume token: it orders events and lets a subscriber resume after any of them.
 *
 * @param tokenKey the resume token's {@code _data}, which identifies the event
 * @param appealId the appeal that changed
 * @param type what happened
 * @param at when
 * @param agencyId the responsible agency after the change
 * @param fromAgencyId the agency before a redirect
 * @param detail extra detail, such as the clock and state of an SLA alert ({@code FIRST_RESPONSE:AT_RISK})
 * @param appeal the appeal now, or null if it no longer exists
 */
public record LiveEvent(String tokenKey, String appealId, AppealEventType type, Instant at, String agencyId,
		String fromAgencyId, String detail, Appeal appeal) {

	/** The opaque cursor clients pass back as {@code after}. */
	public String cursor() {
		return EventCursor.encode(this.tokenKey);
	}

	LiveEvent withAppeal(Appeal current) {
		return new LiveEvent(this.tokenKey, this.appealId, this.type, this.at, this.agencyId, this.fromAgencyId,
				this.detail, current);
	}

}
