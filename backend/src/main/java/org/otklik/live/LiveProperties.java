package org.otklik.live;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Limits of the live event fan-out.
 *
 * @param subscriberBuffer events buffered per subscriber before it is cut off as too slow (rounded up
 *                         to a power of two)
 * @param replayWindow recent events kept in memory so that a reconnecting subscriber usually catches
 *                     up without reading the database
 */
@ConfigurationProperties("otklik.live")
public record LiveProperties(int subscriberBuffer, int replayWindow) {

	public LiveProperties {
		if (subscriberBuffer <= 0) {
			subscriberBuffer = 256;
		}
		if (replayWindow <= 0) {
			replayWindow = 10_000;
		}
	}

}
