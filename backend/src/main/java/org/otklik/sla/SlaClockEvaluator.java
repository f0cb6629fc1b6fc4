package org.otklik.sla;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Evaluates an appeal's two deadlines at a moment: a pure function of the policy, the calendar and the
 * appeal's clock facts, so that queues, alerts, forecasts and tests all agree.
 *
 * <p>Rules (see {@code docs/sla.md}):
 * <ul>
 * <li>Both clocks start at receipt; the final-answer clock starts again, with its full term, at the last
 * reopening, and an answer approved before that reopening no longer counts.</li>
 * <li>A pause stops a clock that is still running: the deadline moves later by the paused time in the
 * target's measure (working time for business units, plain time for calendar units). A pause that starts
 * after the deadline or after the clock was met changes nothing, so pausing never hides a breach.</li>
 * <li>A granted extension lengthens the final-answer term from the original deadline, before pauses.</li>
 * <li>A clock met exactly at its deadline is MET; met later, it stays BREACHED and carries {@code metAt}.
 * An open clock is BREACHED from its deadline on and AT_RISK once the threshold share of its term is used.</li>
 * </ul>
 */
public final class SlaClockEvaluator {

	private SlaClockEvaluator() {
	}

	/**
	 * @param calendar the calendar for {@link SlaPolicy#calendar()} in the agency's zone
	 * @param atRiskThreshold share of the term after which a clock is AT_RISK, in {@code (0, 1]}
	 */
	public static AppealSla evaluate(SlaPolicy policy, WorkingCalendar calendar, SlaClockInput input, Instant now,
			double atRiskThreshold) {
		Objects.requireNonNull(policy, "policy");
		Objects.requireNonNull(calendar, "calendar");
		Objects.requireNonNull(now, "now");
		if (!(atRiskThreshold > 0 && atRiskThreshold <= 1)) {
			throw new IllegalArgumentException("atRiskThreshold must be in (0, 1], got " + atRiskThreshold);
		}
		if (input.extension() != null && !policy.extensionAllowed()) {
			throw new IllegalArgumentException("Policy " + policy.code() + " allows no extension");
		}
		List<SlaPause> given = new ArrayList<>(input.pauses());
		given.sort(Comparator.comparing(SlaPause::from));
		List<SlaPause> pauses = merged(given);
		Instant received = input.receivedAt();

		Instant firstMet = input.firstRespondedAt();
		if (firstMet != null && firstMet.isBefore(received)) {
			firstMet = received;
		}
		SlaClock first = clock(SlaClockKind.FIRST_RESPONSE, calendar, policy.firstResponse(), null, received, firstMet,
				pauses, now, atRiskThreshold);

		Instant finalStart = received;
		if (input.reopenedAt() != null && input.reopenedAt().isAfter(received)) {
			finalStart = input.reopenedAt();
		}
		Instant answered = input.answeredAt();
		if (answered != null && answered.isBefore(finalStart)) {
			answered = null;
		}
		SlaTarget extension = (input.extension() != null) ? policy.extension() : null;
		SlaClock last = clock(SlaClockKind.FINAL_ANSWER, calendar, policy.finalAnswer(), extension, finalStart,
				answered, pauses, now, atRiskThreshold);

		boolean paused = false;
		for (SlaPause pause : pauses) {
			paused |= !pause.from().isAfter(now) && (pause.to() == null || pause.to().isAfter(now));
		}
		return new AppealSla(policy, calendar.zone(), first, last, paused, given);
	}

	/** The deadlines of an appeal received at {@code receivedAt}, before anything happens to it. */
	public static SlaForecast forecast(SlaPolicy policy, WorkingCalendar calendar, Instant receivedAt) {
		Instant first = calendar.add(receivedAt, policy.firstResponse());
		Instant last = calendar.add(receivedAt, policy.finalAnswer());
		boolean provisional = provisional(calendar, policy.firstResponse(), receivedAt, first)
				|| provisional(calendar, policy.finalAnswer(), receivedAt, last);
		return new SlaForecast(policy, calendar.zone(), receivedAt, first, last, provisional);
	}

	/** Where the final-answer deadline goes when {@code extension} is granted on top of {@code due}. */
	static Instant extend(WorkingCalendar calendar, Instant due, SlaTarget extension) {
		// Day-based terms count from the deadline's own day; a deadline at midnight belongs to the day it ends.
		Instant dayOfDue = due.minusNanos(1);
		return switch (extension.unit()) {
			case BUSINESS_HOURS -> calendar.addBusinessHours(due, Duration.ofHours(extension.amount()));
			case WORKING_DAYS -> calendar.addWorkingDays(dayOfDue, extension.amount());
			case CALENDAR_HOURS -> calendar.addCalendarHours(due, extension.amount());
			case CALENDAR_DAYS -> calendar.addCalendarDays(dayOfDue, extension.amount());
		};
	}

	private static SlaClock clock(SlaClockKind kind, WorkingCalendar calendar, SlaTarget target, SlaTarget extension,
			Instant start, Instant metAt, List<SlaPause> pauses, Instant now, double threshold) {
		SlaTimeUnit unit = target.unit();
		Instant rawDue = calendar.add(start, target);
		if (extension != null) {
			rawDue = extend(calendar, rawDue, extension);
		}
		long term = calendar.measure(unit, start, rawDue).toNanos();
		Instant end = (metAt != null) ? metAt : now;

		// Pauses are sorted and disjoint; each one that starts while the clock still runs pushes the deadline.
		Instant due = rawDue;
		long pausedNanos = 0;
		boolean pausedNow = false;
		for (SlaPause pause : pauses) {
			Instant from = max(pause.from(), start);
			Instant to = min((pause.to() != null) ? pause.to() : now, end);
			if (!from.isBefore(due) || !from.isBefore(end)) {
				break;
			}
			if (!to.isAfter(from)) {
				continue;
			}
			Duration stopped = calendar.measure(unit, from, to);
			due = calendar.shift(unit, due, stopped);
			pausedNanos += stopped.toNanos();
			pausedNow |= metAt == null && to.equals(now) && (pause.to() == null || pause.to().isAfter(now));
		}

		Instant atRisk = (threshold >= 1) ? due : shiftedByPauses(calendar, unit,
				calendar.shift(unit, start, Duration.ofNanos(Math.round(term * threshold))), start, pauses, now, end);

		long elapsed = calendar.measure(unit, start, end).toNanos() - pausedNanos;
		SlaState state;
		if (metAt != null) {
			state = metAt.isAfter(due) ? SlaState.BREACHED : SlaState.MET;
		}
		else if (!now.isBefore(due)) {
			state = SlaState.BREACHED;
		}
		else if (!now.isBefore(atRisk)) {
			state = SlaState.AT_RISK;
		}
		else {
			state = SlaState.ON_TRACK;
		}
		boolean scheduled = metAt == null && !pausedNow;
		boolean provisional = provisional(calendar, target, start, due);
		return new SlaClock(kind, start, due, state, Duration.ofNanos(term - elapsed), unit.isBusiness(),
				(double) elapsed / term, Duration.ofNanos(pausedNanos), pausedNow, metAt, scheduled ? atRisk : null,
				scheduled ? due : null, provisional, calendar.zone());
	}

	/** {@code point} moved later by every pause that starts before it (as for the deadline). */
	private static Instant shiftedByPauses(WorkingCalendar calendar, SlaTimeUnit unit, Instant point, Instant start,
			List<SlaPause> pauses, Instant now, Instant end) {
		for (SlaPause pause : pauses) {
			Instant from = max(pause.from(), start);
			Instant to = min((pause.to() != null) ? pause.to() : now, end);
			if (!from.isBefore(point) || !from.isBefore(end)) {
				break;
			}
			if (to.isAfter(from)) {
				point = calendar.shift(unit, point, calendar.measure(unit, from, to));
			}
		}
		return point;
	}

	private static boolean provisional(WorkingCalendar calendar, SlaTarget target, Instant from, Instant to) {
		return target.unit().isBusiness() && calendar.isProvisionalBetween(from, to);
	}

	/** Pauses sorted by start with overlapping or touching ones merged, so no time is counted twice. */
	static List<SlaPause> merged(List<SlaPause> byStart) {
		if (byStart.size() < 2) {
			return byStart;
		}
		List<SlaPause> merged = new ArrayList<>(byStart.size());
		SlaPause current = byStart.get(0);
		for (int i = 1; i < byStart.size(); i++) {
			SlaPause next = byStart.get(i);
			if (current.to() == null || !next.from().isAfter(current.to())) {
				Instant to = (current.to() == null || next.to() == null) ? null : max(current.to(), next.to());
				current = new SlaPause(current.from(), to, current.reason());
			}
			else {
				merged.add(current);
				current = next;
			}
		}
		merged.add(current);
		return merged;
	}

	private static Instant max(Instant a, Instant b) {
		return a.isAfter(b) ? a : b;
	}

	private static Instant min(Instant a, Instant b) {
		return a.isBefore(b) ? a : b;
	}

}
