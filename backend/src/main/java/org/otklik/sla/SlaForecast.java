package org.otklik.sla;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

/**
 * The deadlines an appeal would get if received at a given moment, for citizens and staff who ask
 * "when will I get an answer?" before anything has happened.
 *
 * @param policy the policy that would apply
 * @param zone the calendar's zone
 * @param receivedAt the assumed moment of receipt
 * @param firstResponseDueAt the first-response deadline
 * @param finalAnswerDueAt the final-answer deadline, without an extension
 * @param provisional whether a deadline rests on a year without loaded calendar data
 */
public record SlaForecast(SlaPolicy policy, ZoneId zone, Instant receivedAt, Instant firstResponseDueAt,
		Instant finalAnswerDueAt, boolean provisional) {

	public LocalDateTime firstResponseDueAtLocal() {
		return LocalDateTime.ofInstant(this.firstResponseDueAt, this.zone);
	}

	public LocalDateTime finalAnswerDueAtLocal() {
		return LocalDateTime.ofInstant(this.finalAnswerDueAt, this.zone);
	}

}
