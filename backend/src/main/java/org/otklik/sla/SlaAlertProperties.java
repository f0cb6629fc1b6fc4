package org.otklik.sla;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How often SLA thresholds are checked.
 *
 * @param interval pause between checks; an alert is announced at most this late
 * @param batch how many due appeals one check handles at most
 * @param enabled whether this instance runs the check (every instance may; each alert is still
 *                announced once)
 */
@ConfigurationProperties("otklik.sla.alerts")
public record SlaAlertProperties(Duration interval, int batch, Boolean enabled) {

	public SlaAlertProperties {
		if (interval == null) {
			interval = Duration.ofSeconds(15);
		}
		if (batch <= 0) {
			batch = 500;
		}
		if (enabled == null) {
			enabled = true;
		}
	}

}
