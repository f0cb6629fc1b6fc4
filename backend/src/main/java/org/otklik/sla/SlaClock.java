package org.otklik.sla;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

/**
 * The evaluated state of one deadline of one appeal at one moment, with everything a queue, a badge or an
 * alert index needs.
 *
 * @param kind which deadline
 * @param startedAt when this clock started: receipt, or the last reopening for the final answer
 * @param dueAt the deadline, moved later by pauses and by a granted extension
 * @param state where it stands
 * @param timeLeft term minus time used, in the clock's measure (see {@code businessMeasure}); negative when
 *                 overdue; for a met clock, what was left when it was met
 * @param businessMeasure whether time is measured in working time (business-unit targets) or plain time
 * @param elapsedFraction share of the term used (pauses excluded); above 1 when overdue
 * @param pausedTotal how much of the clock's measure pauses took
 * @param paused whether the clock is stopped right now by an open pause
 * @param metAt when it was met (on time or late); {@code null} while open
 * @param atRiskAt when it becomes (or became) AT_RISK; {@code null} when met or paused, as no alert can fire
 * @param breachAt when it becomes (or became) BREACHED; {@code null} when met or paused
 * @param provisional whether the deadline rests on a year without loaded calendar data
 * @param zone the calendar's zone, for local display
 */
public record SlaClock(SlaClockKind kind, Instant startedAt, Instant dueAt, SlaState state, Duration timeLeft,
		boolean businessMeasure, double elapsedFraction, Duration pausedTotal, boolean paused, Instant metAt,
		Instant atRiskAt, Instant breachAt, boolean provisional, ZoneId zone) {

	/** The deadline as a local date-time in the calendar's zone. */
	public LocalDateTime dueAtLocal() {
		return LocalDateTime.ofInstant(this.dueAt, this.zone);
	}

	/** Whole percent of the term used, rounded down; above 100 when overdue. */
	public int elapsedPercent() {
		return (int) Math.floor(this.elapsedFraction * 100);
	}

	/** Time left for people, for example «3 ч 20 мин», with a minus sign when overdue. */
	public String timeLeftText() {
		return SlaFormat.duration(this.timeLeft, !this.businessMeasure);
	}

}
