package org.otklik.security;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.otklik.support.MutableClock;
import reactor.core.publisher.Mono;

import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A token verified once is taken again without a signature check, but never past its expiry. */
class CachingJwtDecoderTests {

	static final Instant NOW = Instant.parse("2026-12-06T00:00:00Z");

	final SecurityProperties properties = new SecurityProperties(null, null, "otklik", Duration.ofSeconds(30), null);

	final AtomicInteger verifications = new AtomicInteger();

	final MutableClock clock = new MutableClock(NOW);

	/** Stands for the signature check: accepts "good-*" tokens, counting each call. */
	final ReactiveJwtDecoder verifier = token -> {
		this.verifications.incrementAndGet();
		if (!token.startsWith("good")) {
			return Mono.error(new BadJwtException("bad signature"));
		}
		return Mono.just(Jwt.withTokenValue(token).header("alg", "RS256").subject("integrator")
			.issuer(this.properties.effectiveIssuer()).audience(List.of("otklik")).issuedAt(NOW)
			.expiresAt(NOW.plus(Duration.ofMinutes(10))).build());
	};

	@Test
	void aRepeatedTokenIsVerifiedOnce() {
		CachingJwtDecoder decoder = decoder();
		assertThat(decoder.decode("good-1").block().getSubject()).isEqualTo("integrator");
		assertThat(decoder.decode("good-1").block().getSubject()).isEqualTo("integrator");
		assertThat(decoder.decode("good-2").block()).isNotNull();
		assertThat(this.verifications).hasValue(2);
	}

	@Test
	void aBadTokenIsRefusedEveryTimeAndNotRemembered() {
		CachingJwtDecoder decoder = decoder();
		assertThatThrownBy(() -> decoder.decode("forged").block()).isInstanceOf(BadJwtException.class);
		assertThatThrownBy(() -> decoder.decode("forged").block()).isInstanceOf(BadJwtException.class);
		assertThat(decoder.remembers("forged")).isFalse();
		assertThat(this.verifications).hasValue(2);
	}

	@Test
	void aRememberedTokenStopsWorkingWhenItExpires() {
		// The real validator runs on the system clock; a token that expired long ago stands for "later".
		ReactiveJwtDecoder expiring = token -> {
			this.verifications.incrementAndGet();
			return Mono.just(Jwt.withTokenValue(token).header("alg", "RS256").subject("integrator")
				.issuer(this.properties.effectiveIssuer()).audience(List.of("otklik"))
				.issuedAt(Instant.now().minus(Duration.ofHours(2))).expiresAt(Instant.now().minus(Duration.ofHours(1)))
				.build());
		};
		CachingJwtDecoder decoder = new CachingJwtDecoder(expiring, SecurityConfiguration.validator(this.properties),
				this.clock);
		decoder.decode("good-old").block(); // the stand-in verifier skips validation, so it is remembered once
		assertThat(decoder.remembers("good-old")).isTrue();
		decoder.decode("good-old").block();
		// The remembered entry failed validation, so the verifier was asked again.
		assertThat(this.verifications).hasValue(2);
	}

	@Test
	void anEntryIsForgottenAfterItsMaximumAge() {
		CachingJwtDecoder decoder = decoder();
		decoder.decode("good-1").block();
		this.clock.advance(CachingJwtDecoder.MAX_AGE.plusSeconds(1));
		decoder.decode("good-1").block();
		assertThat(this.verifications).hasValue(2);
	}

	@Test
	void theCacheStaysBounded() {
		CachingJwtDecoder decoder = decoder();
		for (int i = 0; i <= CachingJwtDecoder.MAX_ENTRIES; i++) {
			decoder.decode("good-" + i).block();
		}
		assertThat(decoder.remembers("good-0")).isFalse();
		assertThat(decoder.remembers("good-" + CachingJwtDecoder.MAX_ENTRIES)).isTrue();
	}

	CachingJwtDecoder decoder() {
		// Validation without the timestamp rule, whose clock is the system's: this test's tokens are dated NOW.
		return new CachingJwtDecoder(this.verifier,
				jwt -> SecurityConfiguration.audienceValidator("otklik").validate(jwt), this.clock);
	}

}
