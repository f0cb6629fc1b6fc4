package org.otklik.sla;

/** Where a deadline stands, for queues, colours and alerts. */
public enum SlaState {

	/** Running, less than the at-risk share of the term used. */
	ON_TRACK,

	/** Running, at least the at-risk share (80 % by default) used: time to chase. */
	AT_RISK,

	/** Past due: either still not met, or met late (then {@code metAt} is set). */
	BREACHED,

	/** Met on time. */
	MET

}
