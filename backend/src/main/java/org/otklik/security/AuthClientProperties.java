package org.otklik.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the PWA signs in against a production issuer; announced at {@code GET /auth/config}.
 *
 * @param pwaClientId the issuer's public client for the PWA ({@code OIDC_PWA_CLIENT_ID})
 * @param scope scopes the PWA requests
 */
@ConfigurationProperties("otklik.security.client")
public record AuthClientProperties(String pwaClientId, String scope) {

	public AuthClientProperties {
		if (pwaClientId == null || pwaClientId.isBlank()) {
			pwaClientId = "otklik-pwa";
		}
		if (scope == null || scope.isBlank()) {
			scope = "openid profile";
		}
	}

}
