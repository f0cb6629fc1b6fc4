package org.otklik.webhook;

import java.time.Duration;

import org.otklik.outbound.Backoff;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of webhook delivery.
 *
 * @param requestTimeout how long one POST to a receiver may take, connection included
 * @param initialBackoff the wait after the first failed attempt; each further failure doubles it
 * @param maxBackoff the longest wait between two attempts
 * @param retryWindow how long a delivery is retried; when it runs out the webhook is disabled
 * @param sendEvery how often due deliveries are looked for (new ones are also tried at once)
 * @param lease how long an instance that claimed a delivery keeps it; then another one may send it
 * @param allowHttpLocalhost accept {@code http://} URLs on localhost (tests and local development only)
 * @param maxPerOwner how many webhooks one integrator may register
 */
@ConfigurationProperties("otklik.webhooks")
public record WebhookProperties(Duration requestTimeout, Duration initialBackoff, Duration maxBackoff,
		Duration retryWindow, Duration sendEvery, Duration lease, boolean allowHttpLocalhost, int maxPerOwner) {

	public WebhookProperties {
		requestTimeout = (requestTimeout != null) ? requestTimeout : Duration.ofSeconds(10);
		initialBackoff = (initialBackoff != null) ? initialBackoff : Duration.ofSeconds(10);
		maxBackoff = (maxBackoff != null) ? maxBackoff : Duration.ofHours(1);
		retryWindow = (retryWindow != null) ? retryWindow : Duration.ofDays(1);
		sendEvery = (sendEvery != null) ? sendEvery : Duration.ofSeconds(5);
		lease = (lease != null) ? lease : Duration.ofMinutes(2);
		maxPerOwner = (maxPerOwner > 0) ? maxPerOwner : 20;
	}

	/** The wait after the given number of failed attempts: doubling from the first, capped. */
	public Duration backoff(int failedAttempts) {
		return Backoff.doubling(this.initialBackoff, this.maxBackoff, failedAttempts);
	}

}
