package org.otklik.security;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How tokens are validated. With {@code issuerUri} set, tokens come from an external OIDC provider
 * (Keycloak in production); without it, the embedded identity provider issues them.
 *
 * @param issuerUri the production issuer, for example {@code https://sso.example.ru/realms/otklik}
 * @param jwkSetUri optional explicit JWKS address; discovered from the issuer when empty
 * @param audience the API's client id that every token must name in {@code aud}
 * @param clockSkew tolerated clock difference when checking {@code exp} and {@code nbf}
 * @param embeddedIssuerUri issuer of the embedded provider, as browsers reach it
 */
@ConfigurationProperties("otklik.security")
public record SecurityProperties(String issuerUri, String jwkSetUri, String audience, Duration clockSkew,
		String embeddedIssuerUri) {

	public SecurityProperties {
		if (audience == null || audience.isBlank()) {
			audience = "otklik-api";
		}
		if (clockSkew == null) {
			clockSkew = Duration.ofSeconds(30);
		}
		if (embeddedIssuerUri == null || embeddedIssuerUri.isBlank()) {
			embeddedIssuerUri = "http://localhost:8080/idp";
		}
	}

	/** Whether an external (production) issuer is configured. */
	public boolean external() {
		return this.issuerUri != null && !this.issuerUri.isBlank();
	}

	/** The issuer every accepted token must carry. */
	public String effectiveIssuer() {
		return external() ? this.issuerUri : this.embeddedIssuerUri;
	}

}
