package org.otklik.appeal;

import java.time.Instant;
import java.util.List;

/**
 * The SLA facts stored on an appeal: its policy, current due times, whether each clock was met, the
 * business and calendar time it took, pauses, and the alert bookkeeping. They are recomputed with every
 * change, so that statistics aggregate stored values and alerts are found by an indexed query.
 *
 * @param policyCode the policy chosen at receipt
 * @param zone the calendar time zone used
 * @param firstResponseDueAt when the first response is due (shifted by pauses)
 * @param finalAnswerDueAt when the final answer is due (shifted by pauses and extensions)
 * @param firstResponseMet null while open; true if met on time, false if late
 * @param finalAnswerMet null while open; true if met on time, false if late
 * @param firstResponseBusinessSeconds working time from receipt to first response, pauses excluded
 * @param firstResponseCalendarSeconds calendar time from receipt to first response
 * @param finalAnswerBusinessSeconds working time from the clock's start to the approved answer, pauses excluded
 * @param finalAnswerCalendarSeconds calendar time from the clock's start to the approved answer
 * @param pauses pauses for the citizen's clarification, oldest first
 * @param nextAlertAt the earliest threshold not yet announced; null when none is pending (indexed)
 * @param announced thresholds already announced, as {@code CLOCK:STATE}, e.g. {@code FIRST_RESPONSE:AT_RISK}
 * @param extensionReason set when the final-answer term was extended once
 */
public record SlaState(String policyCode, String zone, Instant firstResponseDueAt, Instant finalAnswerDueAt,
		Boolean firstResponseMet, Boolean finalAnswerMet, Long firstResponseBusinessSeconds,
		Long firstResponseCalendarSeconds, Long finalAnswerBusinessSeconds, Long finalAnswerCalendarSeconds,
		List<Pause> pauses, Instant nextAlertAt, List<String> announced, String extensionReason) {

	public SlaState {
		pauses = (pauses != null) ? List.copyOf(pauses) : List.of();
		announced = (announced != null) ? List.copyOf(announced) : List.of();
	}

	/** A pause while waiting for the citizen; {@code to} is null while it lasts. */
	public record Pause(Instant from, Instant to, String reason, Person by) {
	}

}
