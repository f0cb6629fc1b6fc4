package org.otklik.incident;

/** Where an incident stands; only open ones ({@link #isOpen()}) take new appeals. */
public enum IncidentStatus {

	/** Grouped automatically from two or more similar appeals; no curator has looked yet. */
	SUGGESTED,
	/** A curator confirmed it is one problem. */
	CONFIRMED,
	/** An answer to the incident was published to its members; later similar appeals still join. */
	ANSWERED,
	/** A curator closed it: it takes no new appeals. */
	CLOSED,
	/** Merged into another incident ({@code mergedIntoId}); kept so old links resolve. */
	MERGED;

	public boolean isOpen() {
		return this == SUGGESTED || this == CONFIRMED || this == ANSWERED;
	}

}
