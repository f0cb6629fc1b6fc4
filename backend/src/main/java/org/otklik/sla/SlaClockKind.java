package org.otklik.sla;

/** The two deadlines every appeal has, measured separately as peers (Zammad) and regional ratings do. */
public enum SlaClockKind {

	/** Until the first reaction: «принято в работу» or a ready answer. */
	FIRST_RESPONSE,

	/** Until the final answer is approved; restarts when the appeal is reopened. */
	FINAL_ANSWER

}
