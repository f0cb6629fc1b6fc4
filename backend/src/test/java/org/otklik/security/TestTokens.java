package org.otklik.security;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * Mints tokens shaped like Keycloak's (realm roles, {@code agency}, {@code aud}) with the embedded
 * provider's key, so integration tests exercise the real validation path.
 */
public final class TestTokens {

	private final RSAKey key;

	private final String issuer;

	private final String audience;

	public TestTokens(IdentityKeys keys, SecurityProperties properties) {
		this(keys.signingKey(), properties.effectiveIssuer(), properties.audience());
	}

	public TestTokens(RSAKey key, String issuer, String audience) {
		this.key = key;
		this.issuer = issuer;
		this.audience = audience;
	}

	public String curator() {
		return user("curator", "Куратор ЦУР", null, Role.CURATOR);
	}

	public String executor(String agencyCode) {
		return user("exec." + agencyCode.toLowerCase(), "Исполнитель " + agencyCode, agencyCode, Role.EXECUTOR);
	}

	public String head(String agencyCode) {
		return user("head." + agencyCode.toLowerCase(), "Руководитель " + agencyCode, agencyCode, Role.HEAD);
	}

	public String integrator(String clientId) {
		return builder(clientId, null, null, List.of(Role.INTEGRATOR)).claim("azp", clientId).sign();
	}

	public String user(String username, String name, String agency, Role... roles) {
		return builder(username, name, agency, List.of(roles)).claim("azp", "otklik-pwa").sign();
	}

	public Builder builder(String subject, String name, String agency, List<Role> roles) {
		return new Builder(subject, name, agency, roles);
	}

	/** Fluent token builder for the unusual tokens that rejection tests need. */
	public final class Builder {

		private final JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder();

		private RSAKey signingKey = TestTokens.this.key;

		Builder(String subject, String name, String agency, List<Role> roles) {
			Instant now = Instant.now();
			this.claims.subject(subject)
				.issuer(TestTokens.this.issuer)
				.audience(TestTokens.this.audience)
				.issueTime(java.util.Date.from(now))
				.expirationTime(java.util.Date.from(now.plus(Duration.ofMinutes(10))))
				.jwtID(UUID.randomUUID().toString())
				.claim("preferred_username", subject)
				.claim("realm_access", Map.of("roles", new ArrayList<>(roles.stream().map(Role::realmRole).toList())));
			if (name != null) {
				this.claims.claim("name", name);
			}
			if (agency != null) {
				this.claims.claim("agency", agency);
			}
		}

		public Builder claim(String name, Object value) {
			this.claims.claim(name, value);
			return this;
		}

		public Builder issuer(String issuer) {
			this.claims.issuer(issuer);
			return this;
		}

		public Builder audience(List<String> audience) {
			this.claims.audience(audience);
			return this;
		}

		public Builder expiresAt(Instant instant) {
			this.claims.expirationTime(java.util.Date.from(instant));
			return this;
		}

		public Builder signedWith(RSAKey other) {
			this.signingKey = other;
			return this;
		}

		public String sign() {
			try {
				SignedJWT jwt = new SignedJWT(
						new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(this.signingKey.getKeyID()).build(),
						this.claims.build());
				jwt.sign(new RSASSASigner(this.signingKey));
				return jwt.serialize();
			}
			catch (JOSEException ex) {
				throw new IllegalStateException(ex);
			}
		}

	}

}
