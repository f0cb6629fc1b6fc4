package org.otklik.sla;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.otklik.sla.Magadan.at;
import static org.otklik.sla.Magadan.local;

/** Deadlines of each default policy, worked out by hand in Magadan local time. */
class DefaultPolicyForecastTests {

	private final SlaEngine engine = SlaSamples.ENGINE;

	@Test
	void socialMediaAppealGetsEightBusinessHoursAndFiveWorkingDays() {
		// Mon 16 Mar 2026 10:00. First response: 10–13 (3 h) + 14–18 (4 h) + Tue 09–10 (1 h) = Tue 17 Mar 10:00.
		// Final: Tue 17, Wed 18, Thu 19, Fri 20, Mon 23 Mar -> Mon 23 Mar 18:00.
		SlaForecast forecast = this.engine.forecast(SlaSamples.social(), at("2026-03-16T10:00"), null);
		assertThat(forecast.firstResponseDueAtLocal()).isEqualTo("2026-03-17T10:00");
		assertThat(forecast.finalAnswerDueAtLocal()).isEqualTo("2026-03-23T18:00");
		assertThat(forecast.firstResponseDueAt()).isEqualTo("2026-03-16T23:00:00Z");
		assertThat(forecast.provisional()).isFalse();
	}

	@Test
	void urgentAppealRunsAroundTheClockEvenOnAHolidayNight() {
		// Sat 3 Jan 2026 02:30, a holiday: one hour and 24 hours of plain time.
		SlaForecast forecast = this.engine.forecast(SlaSamples.urgent(), at("2026-01-03T02:30"), null);
		assertThat(forecast.firstResponseDueAtLocal()).isEqualTo("2026-01-03T03:30");
		assertThat(forecast.finalAnswerDueAtLocal()).isEqualTo("2026-01-04T02:30");
	}

	@Test
	void gosuslugiAppealReceivedLateOnFridayIsDueMondayAndNextFriday() {
		// Fri 13 Mar 2026 23:50: the first working day after Friday is Mon 16 Mar (ends 18:00);
		// the fifth is Fri 20 Mar.
		SlaForecast forecast = this.engine.forecast(SlaSamples.gosuslugi(), at("2026-03-13T23:50"), null);
		assertThat(forecast.firstResponseDueAtLocal()).isEqualTo("2026-03-16T18:00");
		assertThat(forecast.finalAnswerDueAtLocal()).isEqualTo("2026-03-20T18:00");
	}

	@Test
	void formalAppealGetsThreeWorkingDaysAndThirtyCalendarDays() {
		// Wed 4 Mar 2026 11:00. First response: Thu 5 (1), Fri 6 (2), 7–9 Mar off, Tue 10 (3) -> Tue 10 Mar 18:00.
		// Final: the 30th day after 4 Mar is 3 Apr, so the term ends at midnight starting 4 Apr.
		SlaForecast forecast = this.engine.forecast(SlaSamples.formal(), at("2026-03-04T11:00"), null);
		assertThat(forecast.firstResponseDueAtLocal()).isEqualTo("2026-03-10T18:00");
		assertThat(forecast.finalAnswerDueAtLocal()).isEqualTo("2026-04-04T00:00");
	}

	@Test
	void formalAppealExtendedOnceGetsThirtyMoreDays() {
		// 3 Apr + 30 days = 3 May: the extended term ends at midnight starting 4 May.
		SlaClockInput input = SlaClockInput.received(at("2026-03-04T11:00"))
			.withExtension(new SlaExtension(at("2026-03-30T10:00"), "Запрошены документы в другом органе"));
		AppealSla sla = this.engine.evaluate(SlaSamples.formal(), input, at("2026-04-10T10:00"), null);
		assertThat(local(sla.finalAnswer().dueAt())).isEqualTo("2026-05-04T00:00");
		assertThat(sla.finalAnswer().state()).isEqualTo(SlaState.ON_TRACK);
	}

	@Test
	void forecastReachingAYearWithoutDataIsProvisional() {
		// Mon 28 Dec 2026: Tue 29 (1), Wed 30 (2), 31 Dec off, 1–8 Jan 2027 off (statutory), 9–10 weekend,
		// Mon 11 (3), Tue 12 (4), Wed 13 Jan 2027 (5).
		SlaForecast forecast = this.engine.forecast(SlaSamples.social(), at("2026-12-28T10:00"), null);
		assertThat(forecast.finalAnswerDueAtLocal()).isEqualTo("2027-01-13T18:00");
		assertThat(forecast.provisional()).isTrue();
		// Urgent deadlines do not depend on holidays, so they are never provisional.
		assertThat(this.engine.forecast(SlaSamples.urgent(), at("2026-12-31T23:30"), null).provisional()).isFalse();
	}

	@Test
	void agencyInAnotherZoneGetsItsOwnOfficeHours() {
		// 16 Mar 2026 10:00 in Magadan is 02:00 in Moscow: the Moscow office counts from 09:00 to 18:00 that day.
		SlaForecast forecast = this.engine.forecast(SlaSamples.social(), at("2026-03-16T10:00"),
				java.time.ZoneId.of("Europe/Moscow"));
		assertThat(forecast.firstResponseDueAtLocal()).isEqualTo("2026-03-16T18:00");
		assertThat(forecast.zone()).hasToString("Europe/Moscow");
	}

}
