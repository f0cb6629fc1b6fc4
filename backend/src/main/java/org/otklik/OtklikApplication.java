package org.otklik;

import org.otklik.runtime.ClassDataSharing;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Entry point of the Otklik backend: GraphQL API, live subscriptions and the served PWA. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class OtklikApplication {

	public static void main(String[] args) {
		SpringApplication.run(OtklikApplication.class, args);
		ClassDataSharing.warnIfArchiveUnused();
	}

}
