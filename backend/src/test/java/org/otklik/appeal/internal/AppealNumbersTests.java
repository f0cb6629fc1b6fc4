package org.otklik.appeal.internal;

import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** How numbers are written and which typed texts count as a number at all. */
class AppealNumbersTests {

	final AppealNumbers numbers = new AppealNumbers(null, new AppealNumberProperties(null, null, 0, 0));

	@Test
	void theRegionsDefaultsAreMagadans() {
		AppealNumberProperties defaults = new AppealNumberProperties(" маг ", null, 0, 0);
		assertThat(defaults.prefix()).isEqualTo("МАГ");
		assertThat(defaults.zone()).isEqualTo(ZoneId.of("Asia/Magadan"));
		assertThat(defaults.digits()).isEqualTo(6);
		assertThat(defaults.block()).isEqualTo(20);
	}

	@Test
	void theCounterIsPaddedAndGrowsPastItsWidthRatherThanWrapping() {
		assertThat(this.numbers.format(2026, 123)).isEqualTo("МАГ-2026-000123");
		assertThat(this.numbers.format(2026, 1_234_567)).isEqualTo("МАГ-2026-1234567");
	}

	@Test
	void numbersAreRecognisedInFullOrWithoutThePrefix() {
		assertThat(AppealNumbers.criteria("МАГ-2026-000123")).isNotNull();
		assertThat(AppealNumbers.criteria("маг-2026-123")).isNotNull();
		assertThat(AppealNumbers.criteria("2026-000123")).isNotNull();
		assertThat(AppealNumbers.criteria(" 123 ")).isNotNull();
		assertThat(AppealNumbers.criteria("отопление")).isNull();
		assertThat(AppealNumbers.criteria("МАГ-26-1")).isNull();
		assertThat(AppealNumbers.criteria("123; drop")).isNull();
	}

}
