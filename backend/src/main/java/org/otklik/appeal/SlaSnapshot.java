package org.otklik.appeal;

import org.jspecify.annotations.Nullable;
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
 * @param extendedAt when the extension was granted
 * @param nextDueAt the earliest due time of a clock not yet met, for ordering queues by urgency; the far
 *                  future when every clock is met
 */
public record SlaSnapshot(@Nullable String policyCode, @Nullable String zone, @Nullable Instant firstResponseDueAt, @Nullable Instant finalAnswerDueAt,
		@Nullable Boolean firstResponseMet, @Nullable Boolean finalAnswerMet, @Nullable Long firstResponseBusinessSeconds,
		@Nullable Long firstResponseCalendarSeconds, @Nullable Long finalAnswerBusinessSeconds, @Nullable Long finalAnswerCalendarSeconds,
		List<Pause> pauses, @Nullable Instant nextAlertAt, List<String> announced, @Nullable String extensionReason, @Nullable Instant extendedAt,
		@Nullable Instant nextDueAt) {

	/** What {@code nextDueAt} holds when nothing is due, so that a plain ascending sort puts such appeals last. */
	public static final Instant NOTHING_DUE = Instant.parse("9999-12-31T00:00:00Z");

	public SlaSnapshot {
		pauses = (pauses != null) ? List.copyOf(pauses) : List.of();
		announced = (announced != null) ? List.copyOf(announced) : List.of();
	}

	/** A copy with other pauses, for the pause and resume changes. */
	public SlaSnapshot withPauses(List<Pause> newPauses) {
		return new SlaSnapshot(this.policyCode, this.zone, this.firstResponseDueAt, this.finalAnswerDueAt,
				this.firstResponseMet, this.finalAnswerMet, this.firstResponseBusinessSeconds,
				this.firstResponseCalendarSeconds, this.finalAnswerBusinessSeconds, this.finalAnswerCalendarSeconds,
				newPauses, this.nextAlertAt, this.announced, this.extensionReason, this.extendedAt, this.nextDueAt);
	}

	/** A copy with the one extension of the final-answer term granted. */
	public SlaSnapshot withExtension(String reason, Instant at) {
		return new SlaSnapshot(this.policyCode, this.zone, this.firstResponseDueAt, this.finalAnswerDueAt,
				this.firstResponseMet, this.finalAnswerMet, this.firstResponseBusinessSeconds,
				this.firstResponseCalendarSeconds, this.finalAnswerBusinessSeconds, this.finalAnswerCalendarSeconds,
				this.pauses, this.nextAlertAt, this.announced, reason, at, this.nextDueAt);
	}

	/** A pause while waiting for the citizen; {@code to} is null while it lasts. */
	public record Pause(Instant from, @Nullable Instant to, @Nullable String reason, @Nullable Person by) {
	}

}
