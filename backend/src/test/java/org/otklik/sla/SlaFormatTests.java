package org.otklik.sla;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SlaFormatTests {

	@Test
	void workingTimeIsShownInHoursAndMinutes() {
		assertThat(SlaFormat.duration(Duration.ofMinutes(200), false)).isEqualTo("3 ч 20 мин");
		assertThat(SlaFormat.duration(Duration.ofHours(45), false)).isEqualTo("45 ч");
		assertThat(SlaFormat.duration(Duration.ofSeconds(59), false)).isEqualTo("0 мин");
		assertThat(SlaFormat.duration(Duration.ofMinutes(-45), false)).isEqualTo("−45 мин");
	}

	@Test
	void calendarTimeOfADayOrMoreIsShownInDays() {
		assertThat(SlaFormat.duration(Duration.ofHours(24 * 12 + 3).plusMinutes(10), true)).isEqualTo("12 д 3 ч");
		assertThat(SlaFormat.duration(Duration.ofMinutes(-90), true)).isEqualTo("−1 ч 30 мин");
	}

	@Test
	void targetsAreWordedWithRussianPlurals() {
		assertThat(SlaTarget.of(8, SlaTimeUnit.BUSINESS_HOURS).label()).isEqualTo("8 рабочих часов");
		assertThat(SlaTarget.of(1, SlaTimeUnit.WORKING_DAYS).label()).isEqualTo("1 рабочий день");
		assertThat(SlaTarget.of(3, SlaTimeUnit.WORKING_DAYS).label()).isEqualTo("3 рабочих дня");
		assertThat(SlaTarget.of(21, SlaTimeUnit.CALENDAR_HOURS).label()).isEqualTo("21 час");
		assertThat(SlaTarget.of(24, SlaTimeUnit.CALENDAR_HOURS).label()).isEqualTo("24 часа");
		assertThat(SlaTarget.of(11, SlaTimeUnit.CALENDAR_DAYS).label()).isEqualTo("11 календарных дней");
		assertThat(SlaTarget.of(30, SlaTimeUnit.CALENDAR_DAYS).label()).isEqualTo("30 календарных дней");
	}

}
