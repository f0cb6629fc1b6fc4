package org.otklik.sla;

import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class SlaPropertiesTests {

	@Test
	void defaultsAreMagadanOfficeHoursAndEightyPercent() {
		SlaProperties properties = bind(Map.of());
		assertThat(properties.zone()).isEqualTo(ZoneId.of("Asia/Magadan"));
		assertThat(properties.workingHours()).isEqualTo(WorkingHours.STANDARD);
		assertThat(properties.atRiskThreshold()).isEqualTo(0.8);
		assertThat(SlaProperties.defaults()).isEqualTo(properties);
	}

	@Test
	void everySettingCanBeOverridden() {
		SlaProperties properties = bind(Map.of("otklik.sla.zone", "Asia/Vladivostok", "otklik.sla.workday-start",
				"08:30", "otklik.sla.workday-end", "17:30", "otklik.sla.lunch-start", "12:30", "otklik.sla.lunch-end",
				"13:30", "otklik.sla.at-risk-threshold", "0.75"));
		assertThat(properties.zone()).isEqualTo(ZoneId.of("Asia/Vladivostok"));
		assertThat(properties.workingHours()).isEqualTo(new WorkingHours(LocalTime.of(8, 30), LocalTime.of(17, 30),
				LocalTime.of(12, 30), LocalTime.of(13, 30)));
		assertThat(properties.atRiskThreshold()).isEqualTo(0.75);
	}

	@Test
	void impossibleSettingsAreRejected() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new SlaProperties(null, null, null, null, null, 1.5));
		assertThatIllegalArgumentException().isThrownBy(
				() -> new SlaProperties(null, LocalTime.of(18, 0), LocalTime.of(9, 0), null, null, 0.8));
	}

	private static SlaProperties bind(Map<String, String> values) {
		return new Binder(new MapConfigurationPropertySource(values)).bindOrCreate("otklik.sla", SlaProperties.class);
	}

}
