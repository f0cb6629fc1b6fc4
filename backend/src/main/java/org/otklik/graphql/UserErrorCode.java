package org.otklik.graphql;

/** Stable codes of user-correctable errors; integrators branch on them, so never rename one. */
public enum UserErrorCode {

	REQUIRED, INVALID, TOO_LONG, NOT_FOUND, ILLEGAL_TRANSITION, STALE_VERSION, FORBIDDEN, NO_CHANGE, LOW_QUALITY,

	/** Another executor has already taken the appeal into work. */
	TAKEN_BY_OTHER,

	/** Another executor holds the appeal; only they, the agency's head or a curator may act on it. */
	NOT_HOLDER

}
