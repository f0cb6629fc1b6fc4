package org.otklik.security;

import reactor.core.publisher.Mono;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Tells the PWA where to sign in: the embedded provider in a demo, Keycloak in production. The PWA reads
 * this at start, so one build works against either.
 */
@RestController
public class AuthConfigController {

	/** The embedded provider's public client, fixed because the provider registers it itself. */
	static final String EMBEDDED_CLIENT_ID = "otklik-pwa";

	private final SecurityProperties security;

	private final AuthClientProperties client;

	public AuthConfigController(SecurityProperties security, AuthClientProperties client) {
		this.security = security;
		this.client = client;
	}

	@GetMapping("/auth/config")
	public Mono<AuthConfig> config() {
		boolean embedded = !this.security.external();
		return Mono.just(new AuthConfig(this.security.effectiveIssuer(),
				embedded ? EMBEDDED_CLIENT_ID : this.client.pwaClientId(), this.client.scope(), embedded));
	}

	/**
	 * The public sign-in settings.
	 *
	 * @param issuer the OIDC issuer; its discovery document is at {@code issuer + "/.well-known/openid-configuration"}
	 * @param clientId the PWA's public client id
	 * @param scope space-separated scopes to request
	 * @param embedded whether the issuer is the embedded demo provider
	 */
	public record AuthConfig(String issuer, String clientId, String scope, boolean embedded) {
	}

}
