package org.otklik;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Application-wide beans that belong to no single feature. */
@Configuration(proxyBeanMethods = false)
public class OtklikConfiguration {

	/** One clock for every timestamp, so tests can fix time where a rule depends on it. */
	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

}
