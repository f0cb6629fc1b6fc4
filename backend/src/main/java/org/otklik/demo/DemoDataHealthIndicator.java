package org.otklik.demo;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code /actuator/health} and its readiness group at {@code LOADING} (HTTP 503) while the demo region
 * is being loaded, so that nobody (a load balancer, a script, a person) mistakes a half-loaded demo for a
 * ready one. UP once the demo region is complete, or when demo seeding is off.
 */
@Component("demoData")
public class DemoDataHealthIndicator implements HealthIndicator {

	/** Configured in {@code management.endpoint.health.status} to rank below UP and to answer 503. */
	public static final Status LOADING = new Status("LOADING", "loading the demo region");

	private final DemoSeeder seeder;

	public DemoDataHealthIndicator(DemoSeeder seeder) {
		this.seeder = seeder;
	}

	@Override
	public Health health() {
		return switch (this.seeder.state()) {
			case OFF, LOADED -> Health.up().build();
			case LOADING -> Health.status(LOADING).build();
			case FAILED -> Health.down().withDetail("demo", "loading failed; restart to complete it").build();
		};
	}

}
