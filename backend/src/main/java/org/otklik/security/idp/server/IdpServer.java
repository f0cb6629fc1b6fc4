package org.otklik.security.idp.server;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;

import org.otklik.security.Role;
import org.otklik.security.idp.server.DemoDirectory.DemoUser;
import reactor.core.publisher.Hooks;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration;
import org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.tomcat.autoconfigure.servlet.TomcatServletWebServerAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configuration.OAuth2AuthorizationServerConfiguration;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * The embedded identity provider: Spring Authorization Server in a small servlet context of its own. It is
 * started by {@code EmbeddedIdentityProvider} and reached only through the main application's
 * {@code /idp} proxy.
 * <p>
 * Deliberately not a {@code @Configuration}: the main application's component scan must never pick it up,
 * and only the auto-configurations listed here run, so the child has no MongoDB, GraphQL or actuator.
 */
@EnableWebSecurity
@ImportAutoConfiguration({ PropertyPlaceholderAutoConfiguration.class, TomcatServletWebServerAutoConfiguration.class,
		DispatcherServletAutoConfiguration.class, WebMvcAutoConfiguration.class,
		HttpMessageConvertersAutoConfiguration.class, ErrorMvcAutoConfiguration.class, SecurityAutoConfiguration.class,
		ServletWebSecurityAutoConfiguration.class, SecurityFilterAutoConfiguration.class })
public class IdpServer {

	/** Name of the provider's session cookie; not JSESSIONID, which other local apps also set on localhost. */
	public static final String SESSION_COOKIE = "OTKLIK_IDP";

	/** Key of Spring Security's {@code SecurityReactorContextConfiguration} hook (private there). */
	static final String SERVLET_SECURITY_REACTOR_HOOK = "org.springframework.security.SECURITY_REACTOR_CONTEXT_OPERATOR";

	/**
	 * Removes the Reactor hook {@code @EnableWebSecurity} installs because WebFlux is on the classpath: it is
	 * for servlet apps calling WebClient, and Reactor hooks are global, so in this JVM it wrapped every
	 * subscriber of the reactive API (each live subscription's chain included) in a subscriber that adds
	 * servlet request attributes to its context: CPU on every operator chain and about a kilobyte held by each
	 * open WebSocket subscription. Nothing in this child calls WebClient. Runs once every bean, the hook's
	 * registrar included, is created.
	 */
	@Bean
	static SmartInitializingSingleton removeServletSecurityReactorHook() {
		return () -> Hooks.resetOnLastOperator(SERVLET_SECURITY_REACTOR_HOOK);
	}

	@Bean
	@Order(1)
	SecurityFilterChain authorizationServerSecurity(HttpSecurity http) {
		http.oauth2AuthorizationServer(server -> {
			http.securityMatcher(server.getEndpointsMatcher());
			server.oidc(Customizer.withDefaults());
		});
		http.authorizeHttpRequests(authorize -> authorize.anyRequest().authenticated());
		// The userinfo endpoint takes the access token the provider issued.
		http.oauth2ResourceServer(resourceServer -> resourceServer.jwt(Customizer.withDefaults()));
		// A browser (or the curl script) without a session is sent to the login page, whatever it accepts.
		http.exceptionHandling(exceptions -> exceptions.defaultAuthenticationEntryPointFor(
				new LoginUrlAuthenticationEntryPoint("/login"),
				PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.GET, "/oauth2/authorize")));
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain loginSecurity(HttpSecurity http) {
		http.authorizeHttpRequests(authorize -> authorize.requestMatchers("/login", "/error")
			.permitAll()
			.anyRequest()
			.authenticated());
		http.formLogin(form -> form.loginPage("/login"));
		return http.build();
	}

	@Bean
	RouterFunction<ServerResponse> loginPage(IdpServerSettings settings) {
		return RouterFunctions.route().GET("/login", new LoginPage(settings.demoPassword())::render).build();
	}

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	@Bean
	UserDetailsService demoUsers(IdpServerSettings settings, PasswordEncoder encoder) {
		String password = encoder.encode(settings.demoPassword());
		return new InMemoryUserDetailsManager(DemoDirectory.USERS.stream()
			.map(user -> User.withUsername(user.username()).password(password).roles(user.role().name()).build())
			.toList());
	}

	@Bean
	RegisteredClientRepository registeredClients(IdpServerSettings settings, PasswordEncoder encoder) {
		TokenSettings tokens = TokenSettings.builder().accessTokenTimeToLive(settings.accessTokenTtl()).build();
		RegisteredClient pwa = RegisteredClient.withId(UUID.randomUUID().toString())
			.clientId(DemoDirectory.PWA_CLIENT_ID)
			.clientName("Отклик")
			.clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
			.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
			.redirectUris(uris -> uris.addAll(settings.pwaRedirectUris()))
			.postLogoutRedirectUris(uris -> uris.addAll(settings.pwaPostLogoutUris()))
			.scope(OidcScopes.OPENID)
			.scope(OidcScopes.PROFILE)
			.clientSettings(ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(false).build())
			.tokenSettings(tokens)
			.build();
		RegisteredClient integrator = RegisteredClient.withId(UUID.randomUUID().toString())
			.clientId(DemoDirectory.INTEGRATOR_CLIENT_ID)
			.clientName("Демо-интегратор")
			.clientSecret(encoder.encode(settings.integratorSecret()))
			.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
			.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
			.authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
			.tokenSettings(tokens)
			.build();
		return new InMemoryRegisteredClientRepository(pwa, integrator);
	}

	@Bean
	AuthorizationServerSettings authorizationServerSettings(IdpServerSettings settings) {
		return AuthorizationServerSettings.builder().issuer(settings.issuer()).build();
	}

	@Bean
	JWKSource<SecurityContext> jwkSource(IdpServerSettings settings) {
		return new ImmutableJWKSet<>(new JWKSet(settings.keys().signingKey()));
	}

	@Bean
	JwtDecoder jwtDecoder(JWKSource<SecurityContext> jwkSource) {
		return OAuth2AuthorizationServerConfiguration.jwtDecoder(jwkSource);
	}

	/**
	 * Shapes tokens like Keycloak's, so that the API maps both the same way: {@code realm_access.roles},
	 * {@code agency}, {@code azp}, and the API in {@code aud} of access tokens.
	 */
	@Bean
	OAuth2TokenCustomizer<JwtEncodingContext> keycloakShapedTokens(IdpServerSettings settings) {
		return context -> {
			String clientId = context.getRegisteredClient().getClientId();
			boolean accessToken = OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType());
			if (AuthorizationGrantType.CLIENT_CREDENTIALS.equals(context.getAuthorizationGrantType())) {
				List<String> roles = DemoDirectory.INTEGRATOR_CLIENT_ID.equals(clientId)
						? List.of(Role.INTEGRATOR.realmRole()) : List.of();
				context.getClaims()
					.audience(List.of(settings.audience()))
					.claim("azp", clientId)
					.claim("realm_access", Map.of("roles", roles));
				return;
			}
			DemoUser user = DemoDirectory.user(context.getPrincipal().getName()).orElse(null);
			if (user == null) {
				return;
			}
			context.getClaims().claim("name", user.name()).claim("preferred_username", user.username());
			if (accessToken) {
				// An ID token's audience stays the client (OIDC requires it); access tokens name the API.
				context.getClaims()
					.audience(List.of(settings.audience()))
					.claim("azp", clientId)
					.claim("realm_access", Map.of("roles", List.of(user.role().realmRole())));
			}
			if (user.agency() != null) {
				context.getClaims().claim("agency", user.agency());
			}
		};
	}

}
