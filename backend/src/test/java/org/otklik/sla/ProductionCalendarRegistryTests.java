package org.otklik.sla;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ProductionCalendarRegistryTests {

	private static final String YEAR_2027 = """
			year: 2027
			source: "Постановление о переносе выходных дней в 2027 году (проект)"
			days:
			  - { date: 2027-01-01, type: DAY_OFF, comment: "Новогодние каникулы" }
			  - { date: 2027-02-22, type: SHORTENED }
			  - { date: 2027-05-03, type: DAY_OFF, movedFrom: 2027-05-01 }
			  - { date: 2027-11-06, type: WORKING_WEEKEND }
			""";

	@Test
	void builtInYearsAre2025And2026() {
		ProductionCalendarRegistry registry = ProductionCalendarRegistry.withBuiltInYears();
		assertThat(registry.years()).extracting(CalendarYear::year).containsExactly(2025, 2026);
		assertThat(registry.isProvisional(2026)).isFalse();
		assertThat(registry.isProvisional(2027)).isTrue();
	}

	@Test
	void yearLoadedAtRunTimeReplacesTheFallback() {
		ProductionCalendarRegistry registry = ProductionCalendarRegistry.withBuiltInYears();
		ProductionCalendar before = registry.snapshot();
		registry.register(CalendarYearYaml.parse(YEAR_2027));

		assertThat(registry.isProvisional(2027)).isFalse();
		ProductionCalendar after = registry.snapshot();
		assertThat(after.isShortened(LocalDate.parse("2027-02-22"))).isTrue();
		assertThat(after.isWorkingDay(LocalDate.parse("2027-05-03"))).isFalse();
		assertThat(after.isWorkingDay(LocalDate.parse("2027-11-06"))).isTrue();
		// A snapshot already handed out keeps answering as before, so a running batch stays consistent.
		assertThat(before.isWorkingDay(LocalDate.parse("2027-05-03"))).isTrue();
		assertThat(registry.info(2027).source()).contains("2027");
	}

	@Test
	void provisionalYearInfoSaysSoAndListsStatutoryHolidays() {
		CalendarYearInfo info = ProductionCalendarRegistry.withBuiltInYears().info(2027);
		assertThat(info.provisional()).isTrue();
		assertThat(info.source()).contains("ст. 112");
		assertThat(info.days()).extracting(CalendarDay::date)
			.contains(LocalDate.parse("2027-01-07"), LocalDate.parse("2027-11-04"))
			.hasSize(14);
	}

	@Test
	void yearWithDatesOfAnotherYearIsRejected() {
		CalendarYear year = new CalendarYear(2027, List.of(CalendarDay.dayOff(LocalDate.parse("2026-12-31"), null)),
				"test", null);
		assertThat(year.problems()).extracting(CalendarYearProblem::field).containsExactly("days[0].date");
		assertThatExceptionOfType(InvalidCalendarYearException.class)
			.isThrownBy(() -> ProductionCalendarRegistry.withBuiltInYears().register(year))
			.satisfies((ex) -> assertThat(ex.problems()).hasSize(1));
	}

	@Test
	void duplicateDateIsRejected() {
		CalendarYear year = new CalendarYear(2027, List.of(CalendarDay.dayOff(LocalDate.parse("2027-01-01"), null),
				new CalendarDay(LocalDate.parse("2027-01-01"), CalendarDayType.SHORTENED, null, null)), "test", null);
		assertThat(year.problems()).extracting(CalendarYearProblem::field).containsExactly("days[1].date");
	}

	@Test
	void workingWeekendOnAWeekdayIsRejected() {
		CalendarYear year = new CalendarYear(2027,
				List.of(new CalendarDay(LocalDate.parse("2027-03-03"), CalendarDayType.WORKING_WEEKEND, null, null)),
				"test", null);
		assertThat(year.problems()).extracting(CalendarYearProblem::field).containsExactly("days[0].type");
	}

	@Test
	void movedFromOnlyForDaysOffAndNotOntoItself() {
		CalendarYear year = new CalendarYear(2027, List.of(
				new CalendarDay(LocalDate.parse("2027-02-22"), CalendarDayType.SHORTENED, LocalDate.parse("2027-02-20"), null),
				new CalendarDay(LocalDate.parse("2027-05-03"), CalendarDayType.DAY_OFF, LocalDate.parse("2027-05-03"), null),
				new CalendarDay(LocalDate.parse("2027-05-04"), CalendarDayType.DAY_OFF, LocalDate.parse("2020-05-04"), null)),
				"test", null);
		assertThat(year.problems()).extracting(CalendarYearProblem::field)
			.containsExactly("days[0].movedFrom", "days[1].movedFrom", "days[2].movedFrom");
	}

	@Test
	void yearOutOfRangeAndMissingSourceAreRejected() {
		assertThat(new CalendarYear(1999, List.of(), "test", null).problems()).extracting(CalendarYearProblem::field)
			.containsExactly("year");
		assertThat(new CalendarYear(2027, List.of(), " ", null).problems()).extracting(CalendarYearProblem::field)
			.containsExactly("source");
		assertThatIllegalArgumentException().isThrownBy(() -> ProductionCalendarRegistry.withBuiltInYears().info(1999));
	}

	@Test
	void problemsAreWordedInRussianForCurators() {
		CalendarYear year = new CalendarYear(2027, List.of(CalendarDay.dayOff(LocalDate.parse("2026-12-31"), null)),
				"test", null);
		assertThat(year.problems().get(0).message()).isEqualTo("Дата 2026-12-31 не относится к 2027 году.");
	}

	@Test
	void malformedYamlIsRejected() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> CalendarYearYaml.parse("year: 2027\ndays:\n  - { date: 2027-01-01, type: HOLIDAY }\n"))
			.withMessageContaining("HOLIDAY");
	}

}
