package org.otklik.sla;

import java.time.ZoneId;
import java.util.List;

/**
 * Both deadlines of an appeal evaluated at one moment under one policy: the value behind
 * {@code Appeal.sla} in the API.
 *
 * @param policy the policy applied
 * @param zone the calendar's zone
 * @param firstResponse the first-response clock
 * @param finalAnswer the final-answer clock
 * @param paused whether a pause is open now (the appeal is waiting, for example for the citizen)
 * @param pauses the pauses as given, ordered by start
 */
public record AppealSla(SlaPolicy policy, ZoneId zone, SlaClock firstResponse, SlaClock finalAnswer, boolean paused,
		List<SlaPause> pauses) {

	public AppealSla {
		pauses = List.copyOf(pauses);
	}

}
