package org.otklik.appeal;

/** Kinds of changes to an appeal; each change records exactly one, in history and in live events. */
public enum AppealEventType {

	RECEIVED, REJECTED, ASSIGNED, REDIRECTED, TAKEN, INTERIM_ANSWERED, FINAL_SUBMITTED, ANSWER_APPROVED,
	ANSWER_RETURNED, CLOSED, REOPENED, PAUSED, RESUMED, EXTENDED, SLA_AT_RISK, SLA_BREACHED, CITIZEN_REPLIED,
	DELIVERY_UPDATED,

	/** Handed to another executor of the agency, or taken over by its head. */
	REASSIGNED,

	/** An interim answer was held for the curator's review by the region's settings. */
	ANSWER_HELD,

	/** A curator corrected the category, place or urgency without routing it again. */
	RECLASSIFIED

}
