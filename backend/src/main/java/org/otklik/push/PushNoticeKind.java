package org.otklik.push;

import java.util.EnumSet;
import java.util.Set;

import org.otklik.security.Caller;
import org.otklik.security.Role;

/** The kinds of push notices; each device has a switch for each kind its owner may receive. */
public enum PushNoticeKind {

	/** A new appeal was assigned (or redirected) to the executor's agency. */
	APPEAL_ASSIGNED,

	/** A deadline of an appeal the executor holds (or of the agency's, when nobody holds it) is at risk. */
	SLA_AT_RISK,

	/** A deadline passed: the executor, and the agency's head. */
	SLA_BREACHED,

	/** A curator returned the executor's answer for rework. */
	ANSWER_RETURNED,

	/** A final answer waits for a curator's review. */
	ANSWER_AWAITING_REVIEW,

	/** A connected channel account stopped working and needs a curator. */
	CHANNEL_BROKEN;

	/** The kinds a member of staff in these roles may receive; a new device has them all switched on. */
	public static Set<PushNoticeKind> forCaller(Caller caller) {
		Set<PushNoticeKind> kinds = EnumSet.noneOf(PushNoticeKind.class);
		if (caller.has(Role.EXECUTOR)) {
			kinds.addAll(EnumSet.of(APPEAL_ASSIGNED, SLA_AT_RISK, SLA_BREACHED, ANSWER_RETURNED));
		}
		if (caller.has(Role.HEAD)) {
			kinds.add(SLA_BREACHED);
		}
		if (caller.has(Role.CURATOR)) {
			kinds.addAll(EnumSet.of(ANSWER_AWAITING_REVIEW, CHANNEL_BROKEN));
		}
		return kinds;
	}

}
