package org.otklik.security.idp;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Stops the application when it is asked to run the embedded identity provider next to a configured
 * production issuer. The provider's configuration is already conditional on a blank issuer; this check
 * turns the contradictory explicit request into a start-up failure instead of a silent no-op, so a
 * demo login can never be mistaken for the real one.
 */
@Component
public class EmbeddedIdpGuard {

	static final String ISSUER = "otklik.security.issuer-uri";

	static final String ENABLED = "otklik.security.embedded-idp.enabled";

	public EmbeddedIdpGuard(Environment environment) {
		String issuer = environment.getProperty(ISSUER, "");
		Boolean enabled = environment.getProperty(ENABLED, Boolean.class);
		if (!issuer.isBlank() && Boolean.TRUE.equals(enabled)) {
			throw new IllegalStateException(ENABLED + "=true conflicts with " + ISSUER + "=" + issuer
					+ ": the embedded demo identity provider must never run next to a production issuer. "
					+ "Remove one of the two settings (OIDC_ISSUER_URI or OTKLIK_EMBEDDED_IDP_ENABLED).");
		}
	}

}
