package org.otklik.push;

import java.time.Duration;
import java.time.ZoneId;

import org.jspecify.annotations.Nullable;
import org.otklik.outbound.Backoff;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of web push.
 *
 * @param vapid the application server's key pair and contact; both keys empty means generate once and store
 * @param ttl how long a push service keeps a notice for a device that is offline (RFC 8030 {@code TTL})
 * @param requestTimeout how long one POST to a push service may take
 * @param initialBackoff the wait after the first failed attempt; each further failure doubles it
 * @param maxBackoff the longest wait between two attempts
 * @param maxAttempts attempts before a notice is given up (logged and counted)
 * @param groupWindow how long a non-urgent notice waits for others of its kind to the same device, which
 *        then go out as one summary; urgent notices never wait
 * @param sendEvery how often due notices are looked for (new ones are also tried at once)
 * @param lease how long an instance that claimed a notice keeps it; then another one may send it
 * @param channelCheckEvery how often broken channel accounts are looked for
 * @param zone the time zone of quiet hours for users who did not choose one (the region's)
 * @param allowHttpLocalhost accept {@code http://} endpoints on localhost (tests and local development only)
 * @param maxDevicesPerUser how many devices one user may register
 */
@ConfigurationProperties("otklik.push")
public record PushProperties(Vapid vapid, Duration ttl, Duration requestTimeout, Duration initialBackoff,
		Duration maxBackoff, int maxAttempts, Duration groupWindow, Duration sendEvery, Duration lease,
		Duration channelCheckEvery, ZoneId zone, boolean allowHttpLocalhost, int maxDevicesPerUser) {

	public PushProperties {
		vapid = (vapid != null) ? vapid : new Vapid(null, null, null);
		ttl = (ttl != null) ? ttl : Duration.ofHours(24);
		requestTimeout = (requestTimeout != null) ? requestTimeout : Duration.ofSeconds(10);
		initialBackoff = (initialBackoff != null) ? initialBackoff : Duration.ofSeconds(30);
		maxBackoff = (maxBackoff != null) ? maxBackoff : Duration.ofMinutes(30);
		maxAttempts = (maxAttempts > 0) ? maxAttempts : 6;
		groupWindow = (groupWindow != null) ? groupWindow : Duration.ofSeconds(20);
		sendEvery = (sendEvery != null) ? sendEvery : Duration.ofSeconds(5);
		lease = (lease != null) ? lease : Duration.ofMinutes(2);
		channelCheckEvery = (channelCheckEvery != null) ? channelCheckEvery : Duration.ofMinutes(1);
		zone = (zone != null) ? zone : ZoneId.of("Asia/Magadan");
		maxDevicesPerUser = (maxDevicesPerUser > 0) ? maxDevicesPerUser : 10;
	}

	/**
	 * The VAPID (RFC 8292) identity of this server.
	 *
	 * @param publicKey the uncompressed P-256 public key, base64url (as {@code web-push generate-vapid-keys} prints it)
	 * @param privateKey the private scalar, base64url
	 * @param subject a {@code mailto:} or {@code https:} contact the push services may use
	 */
	public record Vapid(@Nullable String publicKey, @Nullable String privateKey, @Nullable String subject) {

		public boolean configured() {
			return this.publicKey != null && !this.publicKey.isBlank() && this.privateKey != null
					&& !this.privateKey.isBlank();
		}

		public String subjectOrDefault() {
			return (this.subject != null && !this.subject.isBlank()) ? this.subject : "mailto:cur@otklik.invalid";
		}

	}

	/** The wait after the given number of failed attempts: doubling from the first, capped. */
	public Duration backoff(int failedAttempts) {
		return Backoff.doubling(this.initialBackoff, this.maxBackoff, failedAttempts);
	}

}
