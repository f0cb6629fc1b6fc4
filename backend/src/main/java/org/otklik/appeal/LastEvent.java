package org.otklik.appeal;

import org.jspecify.annotations.Nullable;
import java.time.Instant;
import java.util.Set;

import org.otklik.security.Role;
import org.otklik.sla.SlaClockKind;
import org.otklik.sla.SlaState;

/**
 * The change that produced the current version, written by the same atomic update. The event stream
 * reads it from the change event's document, so every event is typed without a second read.
 *
 * @param appealId the appeal, repeated here because the embedded server's update events carry no usable
 *                 document key
 * @param type what happened
 * @param at when
 * @param agencyId the responsible agency after the change
 * @param fromAgencyId the agency before a redirect
 * @param version the appeal version this change produced
 * @param detail only in documents written before typed events: the SLA alert key, for example
 *               {@code FIRST_RESPONSE:AT_RISK}; read by {@link #alertClock()} and {@link #alertState()}
 * @param actor who made the change
 * @param reason why, for rejections, redirects, returns, reopenings, pauses and extensions
 * @param answerId the answer submitted, approved or returned
 * @param clock the SLA clock of an alert
 * @param state the SLA state an alert announces
 * @param messageId the citizen's message a reply in the thread added
 */
public record LastEvent(String appealId, AppealEventType type, Instant at, @Nullable String agencyId, @Nullable String fromAgencyId,
		long version, @Nullable String detail, @Nullable Actor actor, @Nullable String reason, @Nullable String answerId, @Nullable SlaClockKind clock, @Nullable SlaState state, @Nullable String messageId) {

	/** The clock of an SLA alert, also from documents written before typed events. */
	public SlaClockKind alertClock() {
		if (this.clock != null || this.detail == null || this.detail.indexOf(':') < 0) {
			return this.clock;
		}
		return SlaClockKind.valueOf(this.detail.substring(0, this.detail.indexOf(':')));
	}

	/** The state an SLA alert announces, also from documents written before typed events. */
	public SlaState alertState() {
		if (this.state != null || this.detail == null || this.detail.indexOf(':') < 0) {
			return this.state;
		}
		return SlaState.valueOf(this.detail.substring(this.detail.indexOf(':') + 1));
	}

	/**
	 * Who made a change, with what the audit record and the consumers of events need.
	 *
	 * @param id subject or service account
	 * @param name display name
	 * @param roles roles at the time
	 * @param clientId the OAuth client, for integrators
	 */
	public record Actor(String id, String name, Set<Role> roles, @Nullable String clientId) {

		public Actor {
			roles = (roles != null) ? Set.copyOf(roles) : Set.of();
		}

		public Person person() {
			return new Person(this.id, this.name);
		}

	}

}
