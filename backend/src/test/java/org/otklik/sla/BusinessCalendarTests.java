package org.otklik.sla;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.otklik.sla.Magadan.at;
import static org.otklik.sla.Magadan.local;

/**
 * Working-time arithmetic on the real 2025–2026 calendar. Expected values are worked out by hand in the
 * comments; all times are Magadan local unless they end in Z.
 */
class BusinessCalendarTests {

	private final BusinessCalendar calendar = Magadan.business();

	@Test
	void newYearHolidaysCarryADeadlineFromDecember2025ToTwelfthOfJanuary2026() {
		// 30 Dec 2025 (Tue) 17:00–18:00 is 1 h. 31 Dec is a day off moved from 5 Jan; 1–8 Jan are holidays,
		// 9 Jan is a day off moved from 3 Jan, 10–11 Jan a weekend. Then Mon 12 Jan: 09–13 (4 h) + 14–17 (3 h).
		assertThat(local(this.calendar.addBusinessHours(at("2025-12-30T17:00"), Duration.ofHours(8))))
			.isEqualTo("2026-01-12T17:00");
		// Received on 31 Dec: the first working day after it is 12 Jan, which ends at 18:00.
		assertThat(local(this.calendar.addWorkingDays(at("2025-12-31T12:00"), 1))).isEqualTo("2026-01-12T18:00");
		// 12 Jan, 13, 14, 15, 16 Jan.
		assertThat(local(this.calendar.addWorkingDays(at("2025-12-31T12:00"), 5))).isEqualTo("2026-01-16T18:00");
		// Dec 30 17:00–18:00 (1 h) + 12 Jan (8 h) + 13 Jan 09:00–10:00 (1 h).
		assertThat(this.calendar.businessTimeBetween(at("2025-12-30T17:00"), at("2026-01-13T10:00")))
			.isEqualTo(Duration.ofHours(10));
	}

	@Test
	void workingSaturdayFirstOfNovember2025IsAShortenedWorkingDay() {
		assertThat(this.calendar.production().isWorkingDay(LocalDate.parse("2025-11-01"))).isTrue();
		assertThat(this.calendar.production().isShortened(LocalDate.parse("2025-11-01"))).isTrue();
		// Sat 1 Nov: 09–13 and 14–17, seven hours.
		assertThat(this.calendar.businessTimeBetween(at("2025-11-01T00:00"), at("2025-11-02T00:00")))
			.isEqualTo(Duration.ofHours(7));
		// Fri 31 Oct 17:00–18:00 (1 h), then Saturday 7 h: done at 17:00 on Saturday.
		assertThat(local(this.calendar.addBusinessHours(at("2025-10-31T17:00"), Duration.ofHours(8))))
			.isEqualTo("2025-11-01T17:00");
		// The first working day after Friday is that Saturday (ends 17:00); the second is Wed 5 Nov,
		// because 3 Nov (moved from 1 Nov) and 4 Nov (holiday) are off.
		assertThat(local(this.calendar.addWorkingDays(at("2025-10-31T10:00"), 1))).isEqualTo("2025-11-01T17:00");
		assertThat(local(this.calendar.addWorkingDays(at("2025-10-31T10:00"), 2))).isEqualTo("2025-11-05T18:00");
	}

	@Test
	void eighthOfMarch2026OnASundayMovesTheDayOffToMonday() {
		assertThat(this.calendar.production().isWorkingDay(LocalDate.parse("2026-03-09"))).isFalse();
		// Fri 6 Mar is a full day (7 Mar is a Saturday, so nothing is shortened): the next working day is Tue 10 Mar.
		assertThat(local(this.calendar.addWorkingDays(at("2026-03-06T12:00"), 1))).isEqualTo("2026-03-10T18:00");
		// Fri 6 Mar 17:00–18:00, then Tue 10 Mar 09:00–10:00.
		assertThat(local(this.calendar.addBusinessHours(at("2026-03-06T17:00"), Duration.ofHours(2))))
			.isEqualTo("2026-03-10T10:00");
	}

	@Test
	void thirdOfJanuary2026DayOffIsMovedToFridayNinthOfJanuary() {
		CalendarDay ninth = Magadan.production().year(2026).days().stream()
			.filter((day) -> day.date().equals(LocalDate.parse("2026-01-09")))
			.findFirst()
			.orElseThrow();
		assertThat(ninth.type()).isEqualTo(CalendarDayType.DAY_OFF);
		assertThat(ninth.movedFrom()).isEqualTo("2026-01-03");
		assertThat(this.calendar.businessTimeBetween(at("2026-01-09T00:00"), at("2026-01-10T00:00"))).isZero();
		// Received Thu 8 Jan (a holiday): Friday 9 Jan is off too, so the first working day is Mon 12 Jan.
		assertThat(local(this.calendar.addWorkingDays(at("2026-01-08T15:00"), 1))).isEqualTo("2026-01-12T18:00");
	}

	@Test
	void preHolidayDayEndsAnHourEarly() {
		// Thu 30 Apr 2026 is shortened (1 May is a holiday): 09–13 and 14–17.
		assertThat(this.calendar.businessTimeBetween(at("2026-04-30T00:00"), at("2026-05-01T00:00")))
			.isEqualTo(Duration.ofHours(7));
		// 16:00–17:00 on 30 Apr, then 1–3 May off, then Mon 4 May 09:00–10:00.
		assertThat(local(this.calendar.addBusinessHours(at("2026-04-30T16:00"), Duration.ofHours(2))))
			.isEqualTo("2026-05-04T10:00");
		// A working-day term ending on a shortened day ends at 17:00: Wed 29 Apr + 1 = Thu 30 Apr 17:00.
		assertThat(local(this.calendar.addWorkingDays(at("2026-04-29T10:00"), 1))).isEqualTo("2026-04-30T17:00");
		// Work done between 17:00 and 18:00 on a shortened day is not working time.
		assertThat(this.calendar.businessTimeBetween(at("2026-04-30T17:00"), at("2026-04-30T18:00"))).isZero();
	}

	@Test
	void lunchBreakIsNotWorkingTime() {
		// Mon 16 Mar 2026: 12:30–13:00 counts, 13:00–14:00 does not, 14:00–14:30 counts.
		assertThat(local(this.calendar.addBusinessHours(at("2026-03-16T12:30"), Duration.ofHours(1))))
			.isEqualTo("2026-03-16T14:30");
		// Starting during lunch counts from 14:00.
		assertThat(local(this.calendar.addBusinessHours(at("2026-03-16T13:20"), Duration.ofHours(1))))
			.isEqualTo("2026-03-16T15:00");
		assertThat(this.calendar.businessTimeBetween(at("2026-03-16T12:00"), at("2026-03-16T15:00")))
			.isEqualTo(Duration.ofHours(2));
		// A term that ends exactly at the start of lunch ends there, not after lunch.
		assertThat(local(this.calendar.addBusinessHours(at("2026-03-16T09:00"), Duration.ofHours(4))))
			.isEqualTo("2026-03-16T13:00");
		// The same for the end of the day: 8 h from 09:00 is 18:00, not 09:00 next day.
		assertThat(local(this.calendar.addBusinessHours(at("2026-03-16T09:00"), Duration.ofHours(8))))
			.isEqualTo("2026-03-16T18:00");
	}

	@Test
	void appealReceivedAtTenToMidnightOnFridayStartsCountingOnMonday() {
		// Fri 13 Mar 2026 23:50: nothing counts until Mon 16 Mar 09:00; 8 h later (with lunch) is 18:00.
		Instant received = at("2026-03-13T23:50");
		assertThat(local(this.calendar.addBusinessHours(received, Duration.ofHours(8)))).isEqualTo("2026-03-16T18:00");
		assertThat(local(this.calendar.addWorkingDays(received, 1))).isEqualTo("2026-03-16T18:00");
		assertThat(this.calendar.businessTimeBetween(received, at("2026-03-16T09:00"))).isZero();
	}

	@Test
	void appealReceivedOnAHolidayStartsCountingOnTheNextWorkingDay() {
		// Mon 23 Feb 2026 is a holiday: first working moment Tue 24 Feb 09:00.
		Instant received = at("2026-02-23T10:00");
		assertThat(local(this.calendar.addBusinessHours(received, Duration.ofHours(8)))).isEqualTo("2026-02-24T18:00");
		// Tue 24 (1), Wed 25, Thu 26, Fri 27, Mon 2 Mar (5).
		assertThat(local(this.calendar.addWorkingDays(received, 5))).isEqualTo("2026-03-02T18:00");
	}

	@Test
	void year2027WithoutDataFallsBackToStatutoryHolidaysAndIsProvisional() {
		ProductionCalendar production = this.calendar.production();
		assertThat(production.isProvisional(2027)).isTrue();
		assertThat(production.isProvisional(2026)).isFalse();
		assertThat(this.calendar.isProvisional(2027)).isTrue();
		assertThat(production.isWorkingDay(LocalDate.parse("2027-01-08"))).isFalse();
		assertThat(production.isWorkingDay(LocalDate.parse("2027-02-23"))).isFalse();
		// Statutory only: no transfer of Sat 1 May to Monday, no shortened eve of 23 Feb.
		assertThat(production.isWorkingDay(LocalDate.parse("2027-05-03"))).isTrue();
		assertThat(production.isShortened(LocalDate.parse("2027-02-22"))).isFalse();
		// 31 Dec 2026 off, 1–8 Jan 2027 off, 9–10 Jan weekend; Mon 11 Jan is the first, Fri 15 Jan the fifth.
		Instant due = this.calendar.addWorkingDays(at("2026-12-30T10:00"), 5);
		assertThat(local(due)).isEqualTo("2027-01-15T18:00");
		assertThat(this.calendar.isProvisionalBetween(at("2026-12-30T10:00"), due)).isTrue();
		assertThat(this.calendar.isProvisionalBetween(at("2026-12-01T10:00"), at("2026-12-30T10:00"))).isFalse();
	}

	@Test
	void calendarDaysAreReadInMagadanNotInUtc() {
		// 2026-03-08T20:00Z is Mon 9 Mar 07:00 in Magadan, a day off; the first working hour is Tue 10 Mar 09:00.
		Instant received = Instant.parse("2026-03-08T20:00:00Z");
		assertThat(local(received)).isEqualTo("2026-03-09T07:00");
		Instant due = this.calendar.addBusinessHours(received, Duration.ofHours(1));
		assertThat(due).isEqualTo("2026-03-09T23:00:00Z");
		assertThat(local(due)).isEqualTo("2026-03-10T10:00");
		// Thu 12 Mar 22:00Z is already Fri 13 Mar 09:00 in Magadan, so one hour of work is done by 10:00.
		assertThat(this.calendar.addBusinessHours(Instant.parse("2026-03-12T22:00:00Z"), Duration.ofHours(1)))
			.isEqualTo("2026-03-12T23:00:00Z");
		// The same instant read in Moscow is still Sunday 8 Mar, 23:00; Mon 9 Mar is off there too.
		BusinessCalendar moscow = this.calendar.withZone(ZoneId.of("Europe/Moscow"));
		assertThat(moscow.addBusinessHours(received, Duration.ofHours(1))).isEqualTo("2026-03-10T07:00:00Z");
		// Receipt day differs by zone: in Magadan the day is Mon 9 Mar, in UTC Sun 8 Mar, both end up on Tue 10 Mar.
		BusinessCalendar utc = this.calendar.withZone(ZoneId.of("UTC"));
		assertThat(this.calendar.addWorkingDays(received, 1)).isEqualTo("2026-03-10T07:00:00Z");
		assertThat(utc.addWorkingDays(received, 1)).isEqualTo("2026-03-10T18:00:00Z");
		// Friday 13 Mar 23:00Z is Saturday morning in Magadan: the receipt day is Saturday, first working day Monday.
		assertThat(local(this.calendar.addWorkingDays(Instant.parse("2026-03-13T23:00:00Z"), 1)))
			.isEqualTo("2026-03-16T18:00");
		assertThat(utc.addWorkingDays(Instant.parse("2026-03-13T23:00:00Z"), 1)).isEqualTo("2026-03-16T18:00:00Z");
	}

	@Test
	void calendarDayTermsEndAtLocalMidnight() {
		// 30 days after the day of receipt (1 Mar 2026): the term ends with 31 Mar, at midnight.
		assertThat(local(this.calendar.addCalendarDays(at("2026-03-01T15:00"), 30))).isEqualTo("2026-04-01T00:00");
		assertThat(this.calendar.addCalendarHours(at("2026-03-01T15:00"), 24)).isEqualTo(at("2026-03-02T15:00"));
	}

	@Test
	void businessTimeBetweenIsNegativeBackwards() {
		assertThat(this.calendar.businessTimeBetween(at("2026-03-16T11:00"), at("2026-03-16T10:00")))
			.isEqualTo(Duration.ofHours(-1));
	}

	@Test
	void nonPositiveTermsAreRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.calendar.addWorkingDays(at("2026-03-16T10:00"), 0));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.calendar.addBusinessHours(at("2026-03-16T10:00"), Duration.ofHours(-1)));
		assertThatIllegalArgumentException().isThrownBy(() -> this.calendar.addCalendarDays(at("2026-03-16T10:00"), 0));
	}

	@Test
	void longTermsCrossYearsInOneStep() {
		// Every working day of 2026 at full length, minus an hour for each shortened day, is the year's total.
		Duration year2026 = this.calendar.businessTimeBetween(at("2026-01-01T00:00"), at("2027-01-01T00:00"));
		long workingDays = LocalDate.parse("2026-01-01").datesUntil(LocalDate.parse("2027-01-01"))
			.filter((d) -> this.calendar.production().isWorkingDay(d))
			.count();
		long shortened = LocalDate.parse("2026-01-01").datesUntil(LocalDate.parse("2027-01-01"))
			.filter((d) -> this.calendar.production().isShortened(d))
			.count();
		assertThat(workingDays).isEqualTo(247);
		assertThat(year2026).isEqualTo(Duration.ofHours(8 * workingDays - shortened));
		Instant start = at("2025-06-02T09:00");
		Duration long1 = Duration.ofHours(3000);
		assertThat(this.calendar.businessTimeBetween(start, this.calendar.addBusinessHours(start, long1))).isEqualTo(long1);
	}

	@Test
	void arithmeticAgreesWithAMinuteByMinuteReference() {
		SplittableRandom random = new SplittableRandom(20260309);
		Instant base = at("2025-01-01T00:00");
		for (int i = 0; i < 1500; i++) {
			Instant start = base.plus(random.nextInt(2 * 366 * 24 * 60 - 30 * 24 * 60), ChronoUnit.MINUTES);
			Duration term = Duration.ofMinutes(1 + random.nextInt(60 * 60));
			Instant due = this.calendar.addBusinessHours(start, term);
			assertThat(referenceMinutes(start, due)).as("work from %s to %s", start, due).isEqualTo(term.toMinutes());
			assertThat(referenceMinutes(start, due.minus(1, ChronoUnit.MINUTES))).as("earliest after %s", start)
				.isLessThan(term.toMinutes());
			Instant other = start.plus(random.nextInt(20 * 24 * 60), ChronoUnit.MINUTES);
			assertThat(this.calendar.businessTimeBetween(start, other).toMinutes()).isEqualTo(referenceMinutes(start, other));
		}
	}

	/** Counts working minutes one by one, the slow obvious way. */
	private long referenceMinutes(Instant from, Instant to) {
		long minutes = 0;
		for (Instant t = from; t.isBefore(to); t = t.plus(1, ChronoUnit.MINUTES)) {
			LocalDateTime local = local(t);
			LocalDate date = local.toLocalDate();
			if (!this.calendar.production().isWorkingDay(date)) {
				continue;
			}
			int minuteOfDay = local.getHour() * 60 + local.getMinute();
			int end = this.calendar.production().isShortened(date) ? 17 * 60 : 18 * 60;
			boolean working = minuteOfDay >= 9 * 60 && minuteOfDay < end && (minuteOfDay < 13 * 60 || minuteOfDay >= 14 * 60);
			if (working) {
				minutes++;
			}
		}
		return minutes;
	}

	@Test
	void roundTheClockCalendarCountsEveryHour() {
		RoundTheClockCalendar allHours = Magadan.roundTheClock();
		Instant received = at("2026-01-01T03:00");
		assertThat(allHours.addBusinessHours(received, Duration.ofHours(1))).isEqualTo(at("2026-01-01T04:00"));
		assertThat(allHours.businessTimeBetween(received, at("2026-01-02T03:00"))).isEqualTo(Duration.ofHours(24));
		assertThat(local(allHours.addWorkingDays(received, 1))).isEqualTo("2026-01-03T00:00");
		assertThat(allHours.isProvisional(2099)).isFalse();
	}

}
