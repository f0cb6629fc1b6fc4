package org.otklik.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import reactor.core.publisher.Mono;

import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

/**
 * Remembers tokens it has already verified, so that a client sending the same bearer token with every
 * request pays for the signature check once rather than per request.
 * <p>
 * An integrator's token arrives with each of its ingests, and parsing and RSA-verifying it took a sixth of
 * the request threads' CPU under the ingest benchmark. A remembered token is still validated on every use
 * (expiry, issuer, audience: no crypto), so it stops working at exactly the moment an uncached one would.
 * Only tokens that passed are kept; an entry lives at most {@link #MAX_AGE}, which bounds how long a token
 * signed with a key the identity provider has since withdrawn is still taken; the map is cleared when full.
 */
final class CachingJwtDecoder implements ReactiveJwtDecoder {

	static final int MAX_ENTRIES = 1024;

	static final Duration MAX_AGE = Duration.ofMinutes(5);

	private final ReactiveJwtDecoder delegate;

	private final OAuth2TokenValidator<Jwt> validator;

	private final Clock clock;

	private final Map<String, Verified> verified = new ConcurrentHashMap<>();

	private record Verified(Jwt jwt, Instant until) {
	}

	CachingJwtDecoder(ReactiveJwtDecoder delegate, OAuth2TokenValidator<Jwt> validator, Clock clock) {
		this.delegate = delegate;
		this.validator = validator;
		this.clock = clock;
	}

	@Override
	public Mono<Jwt> decode(String token) {
		Verified known = this.verified.get(token);
		if (known != null) {
			if (this.clock.instant().isBefore(known.until()) && !this.validator.validate(known.jwt()).hasErrors()) {
				return Mono.just(known.jwt());
			}
			this.verified.remove(token);
		}
		return this.delegate.decode(token).doOnNext(jwt -> remember(token, jwt));
	}

	private void remember(String token, Jwt jwt) {
		if (this.verified.size() >= MAX_ENTRIES) {
			// Crude but bounded: the tokens in use come back at their next request.
			this.verified.clear();
		}
		this.verified.put(token, new Verified(jwt, this.clock.instant().plus(MAX_AGE)));
	}

	/** For tests: whether a failed or expired token was left out. */
	boolean remembers(String token) {
		return this.verified.containsKey(token);
	}

}
