package org.otklik.sla;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the SLA engine with the built-in calendar years; years stored by curators are registered on top. */
@Configuration(proxyBeanMethods = false)
class SlaConfiguration {

	@Bean
	ProductionCalendarRegistry productionCalendarRegistry() {
		return ProductionCalendarRegistry.withBuiltInYears();
	}

	@Bean
	SlaEngine slaEngine(ProductionCalendarRegistry registry, SlaProperties properties) {
		return new SlaEngine(registry, properties);
	}

}
