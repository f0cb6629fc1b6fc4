package org.otklik.storage;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How long the embedded server keeps its oplog (real MongoDB sizes its own).
 *
 * @param window entries younger than this are kept, so that a subscriber resuming with a cursor of that age
 *               catches up; older ones are trimmed once every {@link OplogReaders} has passed them. At least
 *               two minutes, since the application's own stream starts a minute before it starts.
 * @param trimEvery how often old entries are looked for
 */
@ConfigurationProperties("otklik.storage.oplog")
public record OplogProperties(Duration window, Duration trimEvery) {

	private static final Duration SHORTEST_WINDOW = Duration.ofMinutes(2);

	public OplogProperties {
		window = (window == null) ? Duration.ofHours(1) : (window.compareTo(SHORTEST_WINDOW) < 0) ? SHORTEST_WINDOW : window;
		trimEvery = (trimEvery != null && !trimEvery.isNegative() && !trimEvery.isZero()) ? trimEvery : Duration.ofMinutes(1);
	}

}
