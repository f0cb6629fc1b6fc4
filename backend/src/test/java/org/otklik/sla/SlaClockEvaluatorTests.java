package org.otklik.sla;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.otklik.sla.Magadan.at;
import static org.otklik.sla.Magadan.local;

/**
 * Clock evaluation. The social policy on an appeal received Mon 16 Mar 2026 10:00 is the running example:
 * first response due Tue 17 Mar 10:00 (8 business hours), final answer due Mon 23 Mar 18:00 (5 working days).
 */
class SlaClockEvaluatorTests {

	private static final Instant RECEIVED = at("2026-03-16T10:00");

	private final SlaEngine engine = SlaSamples.ENGINE;

	@Test
	void clockIsOnTrackWhileLessThanEightyPercentIsUsed() {
		// At 15:00 on Monday 10–13 and 14–15 are used: 4 of 8 hours.
		SlaClock clock = first(SlaClockInput.received(RECEIVED), "2026-03-16T15:00");
		assertThat(clock.state()).isEqualTo(SlaState.ON_TRACK);
		assertThat(clock.timeLeft()).isEqualTo(Duration.ofHours(4));
		assertThat(clock.timeLeftText()).isEqualTo("4 ч");
		assertThat(clock.elapsedPercent()).isEqualTo(50);
		assertThat(clock.businessMeasure()).isTrue();
		assertThat(local(clock.dueAt())).isEqualTo("2026-03-17T10:00");
		assertThat(clock.dueAtLocal()).isEqualTo("2026-03-17T10:00");
		// 80 % of 8 h is 6 h 24 min: 10–13 (3 h), then 14:00 + 3 h 24 min.
		assertThat(local(clock.atRiskAt())).isEqualTo("2026-03-16T17:24");
		assertThat(clock.breachAt()).isEqualTo(clock.dueAt());
	}

	@Test
	void clockIsAtRiskFromEightyPercent() {
		assertThat(first(SlaClockInput.received(RECEIVED), "2026-03-16T17:23").state()).isEqualTo(SlaState.ON_TRACK);
		SlaClock clock = first(SlaClockInput.received(RECEIVED), "2026-03-16T17:24");
		assertThat(clock.state()).isEqualTo(SlaState.AT_RISK);
		assertThat(clock.elapsedPercent()).isEqualTo(80);
	}

	@Test
	void unansweredClockIsBreachedFromItsDueTimeWithNegativeTimeLeft() {
		assertThat(first(SlaClockInput.received(RECEIVED), "2026-03-17T09:59").state()).isEqualTo(SlaState.AT_RISK);
		assertThat(first(SlaClockInput.received(RECEIVED), "2026-03-17T10:00").state()).isEqualTo(SlaState.BREACHED);
		SlaClock clock = first(SlaClockInput.received(RECEIVED), "2026-03-17T10:30");
		assertThat(clock.state()).isEqualTo(SlaState.BREACHED);
		assertThat(clock.timeLeft()).isEqualTo(Duration.ofMinutes(-30));
		assertThat(clock.timeLeftText()).isEqualTo("−30 мин");
		assertThat(clock.metAt()).isNull();
		// Overdue time is working time too: the evening does not add to it.
		assertThat(first(SlaClockInput.received(RECEIVED), "2026-03-17T23:00").timeLeft())
			.isEqualTo(Duration.ofHours(-7));
	}

	@Test
	void answeredInTimeIsMetAndFrozen() {
		SlaClockInput input = SlaClockInput.received(RECEIVED).withFirstResponse(at("2026-03-16T16:00"));
		SlaClock clock = first(input, "2026-03-20T12:00");
		assertThat(clock.state()).isEqualTo(SlaState.MET);
		assertThat(clock.metAt()).isEqualTo(at("2026-03-16T16:00"));
		// 10–13 and 14–16 used: 5 of 8 hours, frozen at the moment it was met.
		assertThat(clock.timeLeft()).isEqualTo(Duration.ofHours(3));
		assertThat(clock.atRiskAt()).isNull();
		assertThat(clock.breachAt()).isNull();
	}

	@Test
	void answeredExactlyAtTheDeadlineIsMet() {
		SlaClockInput input = SlaClockInput.received(RECEIVED).withFirstResponse(at("2026-03-17T10:00"));
		assertThat(first(input, "2026-03-18T10:00").state()).isEqualTo(SlaState.MET);
	}

	@Test
	void answeredLateStaysBreachedWithMetAt() {
		SlaClockInput input = SlaClockInput.received(RECEIVED).withFirstResponse(at("2026-03-17T11:00"));
		SlaClock clock = first(input, "2026-03-20T12:00");
		assertThat(clock.state()).isEqualTo(SlaState.BREACHED);
		assertThat(clock.metAt()).isEqualTo(at("2026-03-17T11:00"));
		assertThat(clock.timeLeft()).isEqualTo(Duration.ofHours(-1));
		assertThat(clock.breachAt()).isNull();
	}

	@Test
	void pauseMovesTheDeadlineByThePausedWorkingTime() {
		// Waiting for the citizen from Mon 11:00 to Tue 12:00: Mon 11–13, 14–18 and Tue 09–12 = 9 working hours.
		// Due Tue 10:00 + 9 h = Tue 10–13, 14–18, Wed 09–11 -> Wed 18 Mar 11:00.
		SlaClockInput input = SlaClockInput.received(RECEIVED)
			.withPauses(List.of(new SlaPause(at("2026-03-16T11:00"), at("2026-03-17T12:00"), "Ждём ответа заявителя")));
		SlaClock clock = first(input, "2026-03-17T15:00");
		assertThat(local(clock.dueAt())).isEqualTo("2026-03-18T11:00");
		assertThat(clock.pausedTotal()).isEqualTo(Duration.ofHours(9));
		// Used: Mon 10–11, Tue 12–13, 14–15 = 3 h.
		assertThat(clock.timeLeft()).isEqualTo(Duration.ofHours(5));
		assertThat(clock.state()).isEqualTo(SlaState.ON_TRACK);
		assertThat(clock.paused()).isFalse();
		// The at-risk point moves too: 6 h 24 min of work = Mon 10–11, Tue 12–13, 14–18, Wed 09:00–09:24.
		assertThat(local(clock.atRiskAt())).isEqualTo("2026-03-18T09:24");
	}

	@Test
	void openPauseStopsTheClockAndSchedulesNoAlert() {
		SlaClockInput input = SlaClockInput.received(RECEIVED)
			.withPauses(List.of(new SlaPause(at("2026-03-16T11:00"), null, "Ждём ответа заявителя")));
		AppealSla sla = this.engine.evaluate(SlaSamples.social(), input, at("2026-03-17T10:00"), null);
		SlaClock clock = sla.firstResponse();
		assertThat(sla.paused()).isTrue();
		assertThat(clock.paused()).isTrue();
		// Paused Mon 11–13, 14–18, Tue 09–10 = 7 h, so the deadline is 7 working hours after Tue 10:00.
		assertThat(local(clock.dueAt())).isEqualTo("2026-03-17T18:00");
		assertThat(clock.timeLeft()).isEqualTo(Duration.ofHours(7));
		assertThat(clock.state()).isEqualTo(SlaState.ON_TRACK);
		assertThat(clock.atRiskAt()).isNull();
		assertThat(clock.breachAt()).isNull();
		// A day later nothing has moved except the projected deadline.
		SlaClock later = first(input, "2026-03-18T10:00");
		assertThat(later.timeLeft()).isEqualTo(Duration.ofHours(7));
		assertThat(later.state()).isEqualTo(SlaState.ON_TRACK);
	}

	@Test
	void pauseAfterTheDeadlineDoesNotHideTheBreach() {
		SlaClockInput input = SlaClockInput.received(RECEIVED)
			.withPauses(List.of(new SlaPause(at("2026-03-17T11:00"), null, "Ждём ответа заявителя")));
		AppealSla sla = this.engine.evaluate(SlaSamples.social(), input, at("2026-03-17T15:00"), null);
		assertThat(sla.firstResponse().state()).isEqualTo(SlaState.BREACHED);
		assertThat(sla.firstResponse().dueAt()).isEqualTo(at("2026-03-17T10:00"));
		assertThat(sla.firstResponse().paused()).isFalse();
		assertThat(sla.firstResponse().pausedTotal()).isZero();
		// The final-answer clock was still running and does stop.
		assertThat(sla.finalAnswer().paused()).isTrue();
		assertThat(sla.finalAnswer().pausedTotal()).isEqualTo(Duration.ofHours(3));
	}

	@Test
	void overlappingPausesCountOnce() {
		SlaClockInput input = SlaClockInput.received(RECEIVED).withPauses(List.of(
				new SlaPause(at("2026-03-16T11:30"), at("2026-03-16T12:30"), "б"),
				new SlaPause(at("2026-03-16T11:00"), at("2026-03-16T12:00"), "а")));
		AppealSla sla = this.engine.evaluate(SlaSamples.social(), input, at("2026-03-16T15:00"), null);
		assertThat(sla.firstResponse().pausedTotal()).isEqualTo(Duration.ofMinutes(90));
		assertThat(sla.pauses()).extracting(SlaPause::reason).containsExactly("а", "б");
	}

	@Test
	void pauseOfACalendarClockMovesItByPlainTime() {
		// Urgent, Sat 3 Jan 2026 02:30; paused 02:40–03:10 (30 min): first response due 04:00 instead of 03:30.
		SlaClockInput input = SlaClockInput.received(at("2026-01-03T02:30"))
			.withPauses(List.of(new SlaPause(at("2026-01-03T02:40"), at("2026-01-03T03:10"), "Уточняем адрес")));
		AppealSla sla = this.engine.evaluate(SlaSamples.urgent(), input, at("2026-01-03T03:20"), null);
		assertThat(local(sla.firstResponse().dueAt())).isEqualTo("2026-01-03T04:00");
		// Used 02:30–02:40 and 03:10–03:20: 20 of 60 minutes.
		assertThat(sla.firstResponse().elapsedPercent()).isEqualTo(33);
		assertThat(sla.firstResponse().businessMeasure()).isFalse();
	}

	@Test
	void urgentClockIsAtRiskAfterFortyEightMinutes() {
		SlaClock clock = this.engine
			.evaluate(SlaSamples.urgent(), SlaClockInput.received(at("2026-01-03T02:30")), at("2026-01-03T03:20"), null)
			.firstResponse();
		assertThat(clock.state()).isEqualTo(SlaState.AT_RISK);
		assertThat(local(clock.atRiskAt())).isEqualTo("2026-01-03T03:18");
		assertThat(clock.timeLeftText()).isEqualTo("10 мин");
	}

	@Test
	void reopeningStartsANewFinalAnswerClock() {
		// Answered Wed 18 Mar, reopened Fri 20 Mar 15:00: five working days after Friday end Fri 27 Mar 18:00.
		SlaClockInput input = SlaClockInput.received(RECEIVED)
			.withFirstResponse(at("2026-03-16T11:00"))
			.withAnswer(at("2026-03-18T12:00"))
			.withReopen(at("2026-03-20T15:00"));
		AppealSla sla = this.engine.evaluate(SlaSamples.social(), input, at("2026-03-23T10:00"), null);
		assertThat(sla.finalAnswer().startedAt()).isEqualTo(at("2026-03-20T15:00"));
		assertThat(local(sla.finalAnswer().dueAt())).isEqualTo("2026-03-27T18:00");
		assertThat(sla.finalAnswer().state()).isEqualTo(SlaState.ON_TRACK);
		assertThat(sla.finalAnswer().metAt()).isNull();
		// The first response is not affected by a reopening.
		assertThat(sla.firstResponse().state()).isEqualTo(SlaState.MET);
		// Answered again after the reopening: met.
		AppealSla answered = this.engine.evaluate(SlaSamples.social(), input.withAnswer(at("2026-03-24T12:00")),
				at("2026-03-25T10:00"), null);
		assertThat(answered.finalAnswer().state()).isEqualTo(SlaState.MET);
		// Pauses before the reopening do not move the new clock.
		AppealSla withOldPause = this.engine.evaluate(SlaSamples.social(), input.withPauses(
				List.of(new SlaPause(at("2026-03-16T11:00"), at("2026-03-17T12:00"), "Ждём ответа заявителя"))),
				at("2026-03-23T10:00"), null);
		assertThat(withOldPause.finalAnswer().dueAt()).isEqualTo(sla.finalAnswer().dueAt());
	}

	@Test
	void redirectDoesNotRestartTheClocks() {
		// A redirect changes the agency only; the clock inputs have no agency, so nothing can restart.
		assertThat(Arrays.stream(SlaClockInput.class.getRecordComponents()).map((c) -> c.getName()))
			.containsExactly("receivedAt", "pauses", "firstRespondedAt", "answeredAt", "reopenedAt", "extension");
		SlaClockInput input = SlaClockInput.received(RECEIVED);
		AppealSla beforeRedirect = this.engine.evaluate(SlaSamples.social(), input, at("2026-03-16T15:00"), null);
		// Redirected Tue 17 Mar 09:30; at 10:30 the first response is already half an hour overdue.
		AppealSla afterRedirect = this.engine.evaluate(SlaSamples.social(), input, at("2026-03-17T10:30"), null);
		assertThat(afterRedirect.firstResponse().dueAt()).isEqualTo(beforeRedirect.firstResponse().dueAt());
		assertThat(afterRedirect.finalAnswer().dueAt()).isEqualTo(beforeRedirect.finalAnswer().dueAt());
		assertThat(afterRedirect.firstResponse().state()).isEqualTo(SlaState.BREACHED);
	}

	@Test
	void extensionIsRefusedWhenThePolicyAllowsNone() {
		SlaClockInput input = SlaClockInput.received(RECEIVED).withExtension(new SlaExtension(RECEIVED, "Причина"));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.engine.evaluate(SlaSamples.social(), input, RECEIVED, null));
	}

	@Test
	void workingDayClockMeasuresTheRestOfTheReceiptDay() {
		// Final answer: Mon 16 Mar 10–18 (7 h) + five full days (40 h) = 47 working hours.
		SlaClock clock = this.engine
			.evaluate(SlaSamples.social(), SlaClockInput.received(RECEIVED), at("2026-03-16T10:00"), null)
			.finalAnswer();
		assertThat(clock.timeLeft()).isEqualTo(Duration.ofHours(47));
		assertThat(clock.elapsedFraction()).isZero();
		assertThat(clock.provisional()).isFalse();
	}

	@Test
	void thresholdOutsideZeroToOneIsRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> SlaClockEvaluator.evaluate(SlaSamples.social(),
				Magadan.business(), SlaClockInput.received(RECEIVED), RECEIVED, 0));
	}

	private SlaClock first(SlaClockInput input, String now) {
		return this.engine.evaluate(SlaSamples.social(), input, at(now), null).firstResponse();
	}

}
