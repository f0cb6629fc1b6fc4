package org.otklik.security.idp;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.otklik.security.IdentityKeys;
import org.otklik.security.SecurityProperties;
import org.otklik.security.idp.server.IdpServerSettings;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * Wires the embedded identity provider into the main application when no production issuer is configured:
 * the child provider, the {@code /idp/**} proxy, and a security chain that leaves {@code /idp/**} to the
 * provider's own security.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${otklik.security.issuer-uri:}'.isBlank() and '${otklik.security.embedded-idp.enabled:}' != 'false'")
public class EmbeddedIdpConfiguration {

	/** The port the PWA is served on by default; always allowed as a redirect target. */
	static final int DEFAULT_PORT = 8080;

	@Bean
	EmbeddedIdentityProvider embeddedIdentityProvider(IdentityKeys keys, SecurityProperties security,
			EmbeddedIdpProperties properties, Environment environment) {
		int serverPort = environment.getProperty("server.port", Integer.class, DEFAULT_PORT);
		Set<Integer> ports = new LinkedHashSet<>();
		ports.add(DEFAULT_PORT);
		if (serverPort > 0) {
			ports.add(serverPort);
		}
		ports.addAll(properties.redirectPorts());
		List<String> redirectUris = new ArrayList<>();
		List<String> postLogoutUris = new ArrayList<>();
		for (int port : ports) {
			for (String host : List.of("localhost", "127.0.0.1")) {
				String origin = "http://" + host + ":" + port;
				redirectUris.add(origin + "/");
				redirectUris.add(origin + "/auth/callback");
				postLogoutUris.add(origin + "/");
				// The PWA returns to its sign-in screen after logging out.
				postLogoutUris.add(origin + "/sign-in");
			}
		}
		redirectUris.addAll(properties.extraRedirectUris());
		return new EmbeddedIdentityProvider(new IdpServerSettings(keys, security.embeddedIssuerUri(),
				security.audience(), redirectUris, postLogoutUris, properties.demoPassword(),
				properties.integratorSecret(), properties.accessTokenTtl(), properties.sessionTimeout()));
	}

	@Bean
	IdpProxy idpProxy(EmbeddedIdentityProvider provider) {
		return new IdpProxy(provider);
	}

	@Bean
	RouterFunction<ServerResponse> idpRoutes(IdpProxy proxy) {
		return proxy.routes();
	}

	/**
	 * The provider protects its own endpoints (login form with CSRF token, client authentication), so the
	 * API's chain must neither demand a bearer token here nor add a second set of headers.
	 */
	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE)
	SecurityWebFilterChain idpPassThrough(ServerHttpSecurity http) {
		return http.securityMatcher(ServerWebExchangeMatchers.pathMatchers(EmbeddedIdentityProvider.CONTEXT_PATH,
					EmbeddedIdentityProvider.CONTEXT_PATH + "/**"))
			.authorizeExchange(exchange -> exchange.anyExchange().permitAll())
			.csrf(ServerHttpSecurity.CsrfSpec::disable)
			.headers(ServerHttpSecurity.HeaderSpec::disable)
			.httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
			.formLogin(ServerHttpSecurity.FormLoginSpec::disable)
			.logout(ServerHttpSecurity.LogoutSpec::disable)
			.requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
			.securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
			.build();
	}

	/** The demo users, so that the staff directory knows every colleague before they first sign in. */
	@Bean
	org.otklik.security.StaffSource demoStaff() {
		return () -> org.otklik.security.idp.server.DemoDirectory.USERS.stream()
			.map(user -> new org.otklik.security.Caller(user.username(), user.name(), java.util.Set.of(user.role()),
					user.agency(), org.otklik.security.idp.server.DemoDirectory.PWA_CLIENT_ID))
			.toList();
	}

}
