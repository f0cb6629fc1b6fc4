package org.otklik.security;

import java.util.List;

import com.nimbusds.jose.jwk.JWK;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;

/**
 * The API is an OAuth2 resource server: every GraphQL request over HTTP carries a bearer JWT that is
 * checked for signature, issuer, audience and expiry. WebSocket upgrades pass the filter chain because
 * the token arrives later, in {@code connection_init}, and is checked there with the same decoder.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
public class SecurityConfiguration {

	@Bean
	SecurityWebFilterChain apiSecurity(ServerHttpSecurity http, ReactiveJwtDecoder decoder) {
		GraphQlAuthenticationEntryPoint entryPoint = new GraphQlAuthenticationEntryPoint();
		return http
			// Bearer tokens only; no cookies authenticate the API, so CSRF does not apply.
			.csrf(ServerHttpSecurity.CsrfSpec::disable)
			.httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
			.formLogin(ServerHttpSecurity.FormLoginSpec::disable)
			.logout(ServerHttpSecurity.LogoutSpec::disable)
			// Stateless: nothing may touch the WebSession. Creating one hops to another thread, and a
			// WebSocket upgrade completed off the event loop loses frames a fast client sends right after
			// the handshake (Reactor Netty drops them), such as connection_init.
			.securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
			.requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
			.authorizeExchange(exchange -> exchange
				.pathMatchers("/actuator/health", "/actuator/health/**").permitAll()
				// Metrics describe the whole region's workload: curators only, with a bearer token like the API.
				.pathMatchers("/actuator/prometheus").hasRole(Role.CURATOR.name())
				.pathMatchers("/actuator/**").denyAll()
				.matchers(webSocketUpgrade()).permitAll()
				.pathMatchers(HttpMethod.OPTIONS, "/graphql").permitAll()
				.pathMatchers("/graphql", "/graphql/**").authenticated()
				// The citizen's page: no login, the unguessable token in the path is the key (org.otklik.citizen).
				.pathMatchers(HttpMethod.GET, "/c/*").permitAll()
				.pathMatchers(HttpMethod.POST, "/c/*/rating").permitAll()
				// Report downloads (XLSX, CSV): the same bearer token as the GraphQL API.
				.pathMatchers("/api/**").authenticated()
				// The PWA's static files, GraphiQL's page and the embedded provider's own endpoints.
				.anyExchange().permitAll())
			// Without a token, or with one refused: 401, a Bearer challenge and a GraphQL error body.
			.exceptionHandling(handling -> handling.authenticationEntryPoint(entryPoint))
			.oauth2ResourceServer(server -> server.authenticationEntryPoint(entryPoint)
				.jwt(jwt -> jwt.jwtDecoder(decoder).jwtAuthenticationConverter(new JwtCallerConverter())))
			.build();
	}

	@Bean
	ReactiveJwtDecoder jwtDecoder(SecurityProperties properties, ObjectProvider<IdentityKeys> keys) {
		NimbusReactiveJwtDecoder decoder;
		if (properties.external()) {
			decoder = (properties.jwkSetUri() != null && !properties.jwkSetUri().isBlank())
					? NimbusReactiveJwtDecoder.withJwkSetUri(properties.jwkSetUri()).build()
					: NimbusReactiveJwtDecoder.withIssuerLocation(properties.issuerUri()).build();
		}
		else {
			// Not resolved here: the key is still being generated in the background (IdentityKeys).
			IdentityKeys identityKeys = keys.getObject();
			decoder = NimbusReactiveJwtDecoder.withJwkSource(token -> identityKeys.publicKeyWhenReady().<JWK>map(key -> key).flux())
				.jwsAlgorithm(SignatureAlgorithm.RS256)
				.build();
		}
		OAuth2TokenValidator<Jwt> validator = validator(properties);
		decoder.setJwtValidator(validator);
		return new CachingJwtDecoder(decoder, validator, java.time.Clock.systemUTC());
	}

	@Bean
	@ConditionalOnExpression("'${otklik.security.issuer-uri:}'.isBlank()")
	IdentityKeys identityKeys() {
		return new IdentityKeys();
	}

	static OAuth2TokenValidator<Jwt> validator(SecurityProperties properties) {
		return new DelegatingOAuth2TokenValidator<>(List.of(new JwtTimestampValidator(properties.clockSkew()),
				new JwtIssuerValidator(properties.effectiveIssuer()), audienceValidator(properties.audience())));
	}

	/** A token without {@code aud}, or for another audience, is refused. */
	static OAuth2TokenValidator<Jwt> audienceValidator(String audience) {
		return jwt -> {
			List<String> audiences = jwt.getAudience();
			if (audiences != null && audiences.contains(audience)) {
				return OAuth2TokenValidatorResult.success();
			}
			return OAuth2TokenValidatorResult
				.failure(new OAuth2Error("invalid_token", "The token is not issued for " + audience, null));
		};
	}

	private static ServerWebExchangeMatcher webSocketUpgrade() {
		return exchange -> {
			var request = exchange.getRequest();
			boolean upgrade = "websocket".equalsIgnoreCase(request.getHeaders().getUpgrade())
					&& request.getPath().value().equals("/graphql");
			return upgrade ? ServerWebExchangeMatcher.MatchResult.match() : ServerWebExchangeMatcher.MatchResult.notMatch();
		};
	}

}
