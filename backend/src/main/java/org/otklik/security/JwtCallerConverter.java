package org.otklik.security;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import reactor.core.publisher.Mono;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Maps a validated JWT to a {@link Caller}: Keycloak's {@code realm_access.roles} become roles and the
 * {@code agency} claim the agency code. Unknown roles are ignored, so a token without a known role gets
 * a caller that may do nothing.
 */
public class JwtCallerConverter implements Converter<Jwt, Mono<CallerAuthentication>> {

	@Override
	public Mono<CallerAuthentication> convert(Jwt jwt) {
		return Mono.just(new CallerAuthentication(toCaller(jwt), jwt));
	}

	public static Caller toCaller(Jwt jwt) {
		Set<Role> roles = EnumSet.noneOf(Role.class);
		Object realmAccess = jwt.getClaims().get("realm_access");
		if (realmAccess instanceof Map<?, ?> access) {
			CallerAuthentication.list(access.get("roles")).forEach(name -> Role.fromRealmRole(name).ifPresent(roles::add));
		}
		String clientId = firstNonBlank(jwt.getClaimAsString("azp"), jwt.getClaimAsString("client_id"));
		String name = firstNonBlank(jwt.getClaimAsString("name"), jwt.getClaimAsString("preferred_username"),
				jwt.getSubject(), clientId);
		String id = firstNonBlank(jwt.getSubject(), clientId);
		String agency = firstNonBlank(jwt.getClaimAsString("agency"));
		return new Caller(id, name, roles, agency, clientId);
	}

	private static String firstNonBlank(String... values) {
		for (String value : values) {
			if (value != null && !value.isBlank()) {
				return value;
			}
		}
		return null;
	}

}
