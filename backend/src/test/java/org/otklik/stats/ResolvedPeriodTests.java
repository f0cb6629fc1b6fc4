package org.otklik.stats;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;
import org.otklik.graphql.ErrorDetail;
import org.otklik.graphql.OtklikException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ResolvedPeriodTests {

	static final ZoneId MAGADAN = ZoneId.of("Asia/Magadan");

	static final LocalDate TODAY = LocalDate.parse("2026-11-28");

	@Test
	void dayRunsFromLocalMidnightToTheNext() {
		ResolvedPeriod day = resolve(StatsPeriodInput.of(StatsPeriodKind.DAY, LocalDate.parse("2026-03-09")));
		assertThat(day.fromDate()).isEqualTo("2026-03-09");
		assertThat(day.toDate()).isEqualTo("2026-03-09");
		// Magadan is UTC+11: local midnight of 9 March is 13:00Z on 8 March.
		assertThat(day.from()).isEqualTo("2026-03-08T13:00:00Z");
		assertThat(day.to()).isEqualTo("2026-03-09T13:00:00Z");
		assertThat(day.days()).isEqualTo(1);
		assertThat(day.contains(Instant.parse("2026-03-08T14:30:00Z"))).isTrue();
		assertThat(day.contains(Instant.parse("2026-03-08T12:59:59Z"))).isFalse();
		assertThat(day.contains(Instant.parse("2026-03-09T13:00:00Z"))).isFalse();
	}

	@Test
	void weekRunsMondayToSundayWhateverDayIsGiven() {
		// 2026-03-09 is a Monday, 2026-03-15 a Sunday.
		for (String date : new String[] { "2026-03-09", "2026-03-12", "2026-03-15" }) {
			ResolvedPeriod week = resolve(StatsPeriodInput.of(StatsPeriodKind.WEEK, LocalDate.parse(date)));
			assertThat(week.fromDate()).as(date).isEqualTo("2026-03-09");
			assertThat(week.toDate()).as(date).isEqualTo("2026-03-15");
			assertThat(week.from()).isEqualTo("2026-03-08T13:00:00Z");
			assertThat(week.to()).isEqualTo("2026-03-15T13:00:00Z");
			assertThat(week.days()).isEqualTo(7);
		}
	}

	@Test
	void weekMayCrossMonthAndYear() {
		// Thursday 1 January 2026: its week starts on Monday 29 December 2025.
		ResolvedPeriod week = resolve(StatsPeriodInput.of(StatsPeriodKind.WEEK, LocalDate.parse("2026-01-01")));
		assertThat(week.fromDate()).isEqualTo("2025-12-29");
		assertThat(week.toDate()).isEqualTo("2026-01-04");
	}

	@Test
	void monthIsTheCalendarMonth() {
		ResolvedPeriod february = resolve(StatsPeriodInput.of(StatsPeriodKind.MONTH, LocalDate.parse("2028-02-10")));
		assertThat(february.fromDate()).isEqualTo("2028-02-01");
		assertThat(february.toDate()).isEqualTo("2028-02-29");
		assertThat(february.days()).isEqualTo(29);
		ResolvedPeriod march = resolve(StatsPeriodInput.of(StatsPeriodKind.MONTH, LocalDate.parse("2026-03-31")));
		assertThat(march.from()).isEqualTo("2026-02-28T13:00:00Z");
		assertThat(march.to()).isEqualTo("2026-03-31T13:00:00Z");
	}

	@Test
	void missingDateMeansToday() {
		ResolvedPeriod day = resolve(StatsPeriodInput.of(StatsPeriodKind.DAY, null));
		assertThat(day.fromDate()).isEqualTo(TODAY);
		ResolvedPeriod week = resolve(StatsPeriodInput.of(StatsPeriodKind.WEEK, null));
		assertThat(week.fromDate()).isEqualTo("2026-11-23");
		assertThat(week.toDate()).isEqualTo("2026-11-29");
	}

	@Test
	void customIncludesBothDatesUpTo366Days() {
		ResolvedPeriod custom = resolve(StatsPeriodInput.custom(LocalDate.parse("2026-03-08"), LocalDate.parse("2026-03-09")));
		assertThat(custom.days()).isEqualTo(2);
		assertThat(custom.from()).isEqualTo("2026-03-07T13:00:00Z");
		assertThat(custom.to()).isEqualTo("2026-03-09T13:00:00Z");
		ResolvedPeriod leapYear = resolve(StatsPeriodInput.custom(LocalDate.parse("2028-01-01"), LocalDate.parse("2028-12-31")));
		assertThat(leapYear.days()).isEqualTo(366);
	}

	@Test
	void customLongerThan366DaysIsRejected() {
		assertInvalid(StatsPeriodInput.custom(LocalDate.parse("2026-01-01"), LocalDate.parse("2027-01-02")));
	}

	@Test
	void malformedPeriodsAreRejected() {
		assertInvalid(StatsPeriodInput.custom(LocalDate.parse("2026-03-10"), LocalDate.parse("2026-03-09")));
		assertInvalid(StatsPeriodInput.custom(LocalDate.parse("2026-03-10"), null));
		assertInvalid(new StatsPeriodInput(StatsPeriodKind.CUSTOM, LocalDate.parse("2026-03-10"), null, null));
		assertInvalid(new StatsPeriodInput(StatsPeriodKind.MONTH, null, LocalDate.parse("2026-03-01"), null));
		assertInvalid(new StatsPeriodInput(null, null, null, null));
	}

	private static ResolvedPeriod resolve(StatsPeriodInput input) {
		return ResolvedPeriod.resolve(input, TODAY, MAGADAN);
	}

	private static void assertInvalid(StatsPeriodInput input) {
		assertThatExceptionOfType(OtklikException.class).isThrownBy(() -> resolve(input))
			.satisfies(ex -> assertThat(ex.detail()).isEqualTo(ErrorDetail.INVALID_ARGUMENT));
	}

}
