package org.otklik.sla;

import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

class SlaConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withUserConfiguration(SlaConfiguration.class, PropertiesConfiguration.class);

	@Test
	void engineStartsWithBuiltInYearsAndDefaultZone() {
		this.runner.run((context) -> {
			SlaEngine engine = context.getBean(SlaEngine.class);
			assertThat(engine.calendars().isProvisional(2026)).isFalse();
			assertThat(engine.calendar(SlaCalendarKind.BUSINESS, null).zone()).isEqualTo(ZoneId.of("Asia/Magadan"));
		});
	}

	@Test
	void zoneAndThresholdComeFromProperties() {
		this.runner.withPropertyValues("otklik.sla.zone=Asia/Kamchatka", "otklik.sla.at-risk-threshold=0.5")
			.run((context) -> {
				SlaEngine engine = context.getBean(SlaEngine.class);
				assertThat(engine.calendar(SlaCalendarKind.ROUND_THE_CLOCK, null).zone())
					.isEqualTo(ZoneId.of("Asia/Kamchatka"));
				assertThat(engine.properties().atRiskThreshold()).isEqualTo(0.5);
			});
	}

	@Test
	void registeringAYearIsSeenByTheNextEvaluation() {
		this.runner.run((context) -> {
			SlaEngine engine = context.getBean(SlaEngine.class);
			assertThat(engine.calendar(SlaCalendarKind.BUSINESS, null).isProvisional(2027)).isTrue();
			engine.calendars().register(new CalendarYear(2027, List.of(), "Постановление (тест)", null));
			assertThat(engine.calendar(SlaCalendarKind.BUSINESS, null).isProvisional(2027)).isFalse();
		});
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(SlaProperties.class)
	static class PropertiesConfiguration {

	}

}
