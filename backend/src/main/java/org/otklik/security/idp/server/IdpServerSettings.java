package org.otklik.security.idp.server;

import java.time.Duration;
import java.util.List;

import org.otklik.security.IdentityKeys;

/**
 * Everything the provider's child context takes from the main application. It is handed over as one
 * object, because the child deliberately reads no configuration files or environment variables of its own.
 *
 * @param keys the signing key shared with the API's token decoder
 * @param issuer the issuer put into every token, as browsers reach the provider through the main port
 * @param audience the API audience put into every access token
 * @param pwaRedirectUris exact redirect URIs allowed for {@code otklik-pwa}
 * @param pwaPostLogoutUris where the PWA may ask to return after logout
 * @param demoPassword password of every demo user
 * @param integratorSecret secret of {@code demo-integrator}
 * @param accessTokenTtl lifetime of access tokens
 * @param sessionTimeout lifetime of the provider's login session
 */
public record IdpServerSettings(IdentityKeys keys, String issuer, String audience, List<String> pwaRedirectUris,
		List<String> pwaPostLogoutUris, String demoPassword, String integratorSecret, Duration accessTokenTtl,
		Duration sessionTimeout) {

	public IdpServerSettings {
		pwaRedirectUris = List.copyOf(pwaRedirectUris);
		pwaPostLogoutUris = List.copyOf(pwaPostLogoutUris);
	}

}
