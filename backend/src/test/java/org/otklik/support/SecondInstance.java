package org.otklik.support;

import java.util.ArrayList;
import java.util.List;

import de.bwaldvogel.mongo.MongoServer;
import org.otklik.OtklikApplication;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Another instance of the application on the test's embedded database, as a second process runs beside the
 * first in production: what tests of work shared across instances (sending once, claiming once) start.
 */
public final class SecondInstance {

	/** Every channel API on the discard port: a second instance never reaches a real host. */
	private static final List<String> NO_CHANNEL_APIS = List.of("--otklik.channels.telegram-api-url=http://127.0.0.1:9",
			"--otklik.channels.vk-api-url=http://127.0.0.1:9", "--otklik.channels.max-api-url=http://127.0.0.1:9",
			"--otklik.channels.ok-api-url=http://127.0.0.1:9");

	private SecondInstance() {
	}

	/** Starts it on a random port, without the demo seed, trusting the tests' issuer; {@code args} add to that. */
	public static ConfigurableApplicationContext start(MongoServer database, String... args) {
		List<String> all = new ArrayList<>(List.of("--server.port=0",
				"--spring.mongodb.uri=mongodb://127.0.0.1:" + database.getLocalAddress().getPort() + "/otklik",
				"--otklik.storage.seed-demo=false", "--otklik.security.embedded-issuer-uri=http://localhost/idp-test"));
		all.addAll(List.of(args));
		return new SpringApplicationBuilder(OtklikApplication.class).run(all.toArray(String[]::new));
	}

	/** {@link #start} with every channel API pointing nowhere. */
	public static ConfigurableApplicationContext startWithoutChannelApis(MongoServer database, String... args) {
		List<String> all = new ArrayList<>(NO_CHANNEL_APIS);
		all.addAll(List.of(args));
		return start(database, all.toArray(String[]::new));
	}

}
