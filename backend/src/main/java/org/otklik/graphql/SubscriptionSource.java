package org.otklik.graphql;

/**
 * What {@link SharedSubscriptions} needs to know of the live event source behind the subscription fields:
 * where a subscription starting now would begin, and how many events a member may have buffered.
 * Positions are unsigned and grow with every event; the source's subscription fields report each event's
 * position with {@link SharedSubscriptions#reportPositions}.
 */
public interface SubscriptionSource {

	/**
	 * The position of the newest event handed to subscribers, 0 before the first: a subscription without a
	 * cursor registered at this moment would receive exactly the events after it.
	 */
	long now();

	/** Events buffered per subscriber before it is cut off as too slow. */
	int buffer();

}
