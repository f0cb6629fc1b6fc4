package org.otklik.graphql;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Limits that keep one request from exhausting the server: document size, depth and complexity are
 * checked before anything is fetched; integrators are rate-limited per OAuth client.
 *
 * @param maxDocumentLength longest accepted GraphQL document, in characters
 * @param maxDepth deepest accepted field nesting ({@code { me { id } }} has depth 2)
 * @param maxFields most field selections in one operation, aliases and {@code __typename} included: stops
 *                  alias bombs
 * @param maxComplexity highest accepted estimate of the values a response can hold: every field costs 1 and
 *                      {@code first: n} multiplies a list's selection (a connection's {@code edges}) by n;
 *                      a page of 100 appeals with a dozen fields costs about 1,500
 * @param rateLimit per-client rate limit for integrators
 * @param maxSubscriptionsPerSocket most operations (subscriptions, and queries not yet answered) in flight on
 *                                  one WebSocket; the one past it gets an {@code error} message. At most
 *                                  {@value #MAX_SUBSCRIPTIONS_PER_SOCKET}: Spring's WebSocket handler stalls a
 *                                  socket with 255 of them
 */
@ConfigurationProperties("otklik.graphql")
public record GraphQlLimitsProperties(Integer maxDocumentLength, Integer maxDepth, Integer maxFields,
		Integer maxComplexity, RateLimit rateLimit, Integer maxSubscriptionsPerSocket) {

	/** Highest accepted per-socket limit, well below the 256 concurrent messages Spring's handler runs. */
	public static final int MAX_SUBSCRIPTIONS_PER_SOCKET = 200;

	public GraphQlLimitsProperties {
		maxDocumentLength = (maxDocumentLength != null) ? maxDocumentLength : 20_000;
		maxDepth = (maxDepth != null) ? maxDepth : 12;
		maxFields = (maxFields != null) ? maxFields : 500;
		maxComplexity = (maxComplexity != null) ? maxComplexity : 10_000;
		rateLimit = (rateLimit != null) ? rateLimit : new RateLimit(null, null, null);
		maxSubscriptionsPerSocket = (maxSubscriptionsPerSocket != null) ? maxSubscriptionsPerSocket : 100;
		if (maxSubscriptionsPerSocket < 1 || maxSubscriptionsPerSocket > MAX_SUBSCRIPTIONS_PER_SOCKET) {
			throw new IllegalArgumentException("otklik.graphql.max-subscriptions-per-socket must be 1–"
					+ MAX_SUBSCRIPTIONS_PER_SOCKET + ", not " + maxSubscriptionsPerSocket);
		}
	}

	/**
	 * A token bucket per integrator client ({@code azp}): up to {@code capacity} requests at once, refilled
	 * continuously at {@code capacity} per {@code period}.
	 *
	 * @param enabled whether integrators are limited at all
	 * @param capacity the burst size, and the number of requests per period
	 * @param period the time in which an empty bucket fills up again
	 */
	public record RateLimit(Boolean enabled, Integer capacity, Duration period) {

		public RateLimit {
			enabled = (enabled != null) ? enabled : Boolean.TRUE;
			capacity = (capacity != null) ? capacity : 120;
			period = (period != null) ? period : Duration.ofMinutes(1);
		}

	}

}
