package org.otklik.graphql;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Limits that keep one request from exhausting the server: document size, depth and complexity are
 * checked before anything is fetched; integrators are rate-limited per OAuth client.
 *
 * @param maxDocumentLength longest accepted GraphQL document, in characters
 * @param maxDepth deepest accepted field nesting ({@code { me { id } }} has depth 2)
 * @param maxComplexity highest accepted complexity: every field (aliases and {@code __typename} included)
 *                      costs 1, and a field with a {@code first} argument multiplies the cost of its
 *                      selection by that argument
 * @param rateLimit per-client rate limit for integrators
 */
@ConfigurationProperties("otklik.graphql")
public record GraphQlLimitsProperties(Integer maxDocumentLength, Integer maxDepth, Integer maxComplexity,
		RateLimit rateLimit) {

	public GraphQlLimitsProperties {
		maxDocumentLength = (maxDocumentLength != null) ? maxDocumentLength : 20_000;
		maxDepth = (maxDepth != null) ? maxDepth : 12;
		maxComplexity = (maxComplexity != null) ? maxComplexity : 500;
		rateLimit = (rateLimit != null) ? rateLimit : new RateLimit(null, null, null);
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
