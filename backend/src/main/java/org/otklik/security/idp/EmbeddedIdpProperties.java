package org.otklik.security.idp;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the embedded identity provider, which runs only when no external issuer is configured. Its
 * users, clients and secrets are for demonstrations: production uses Keycloak.
 *
 * @param enabled {@code null} means "run it whenever no issuer is configured"; {@code false} switches it
 *                off (tokens are then only the ones tests mint); {@code true} together with an issuer is a
 *                configuration error that stops the application
 * @param redirectPorts extra ports on which the PWA may run besides the server's own (a Vite dev server)
 * @param extraRedirectUris further exact redirect URIs for {@code otklik-pwa}
 * @param demoPassword password of every demo user
 * @param integratorSecret client secret of {@code demo-integrator}
 * @param accessTokenTtl lifetime of access tokens
 * @param sessionTimeout how long the provider's login session lasts, so the PWA can renew tokens silently
 */
@ConfigurationProperties("otklik.security.embedded-idp")
public record EmbeddedIdpProperties(Boolean enabled, List<Integer> redirectPorts, List<String> extraRedirectUris,
		String demoPassword, String integratorSecret, Duration accessTokenTtl, Duration sessionTimeout) {

	public EmbeddedIdpProperties {
		redirectPorts = (redirectPorts != null) ? List.copyOf(redirectPorts) : List.of();
		extraRedirectUris = (extraRedirectUris != null) ? List.copyOf(extraRedirectUris) : List.of();
		if (demoPassword == null || demoPassword.isBlank()) {
			demoPassword = "demo";
		}
		if (integratorSecret == null || integratorSecret.isBlank()) {
			integratorSecret = "demo-integrator-secret";
		}
		if (accessTokenTtl == null) {
			accessTokenTtl = Duration.ofMinutes(15);
		}
		if (sessionTimeout == null) {
			sessionTimeout = Duration.ofHours(8);
		}
	}

}
