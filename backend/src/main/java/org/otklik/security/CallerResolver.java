package org.otklik.security;

import reactor.core.publisher.Mono;

import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.stereotype.Component;

/**
 * Gives controllers the current {@link Caller} from the reactive security context, which the HTTP
 * filter chain and the WebSocket interceptor both populate.
 */
@Component
public class CallerResolver {

	public Mono<Caller> current() {
		return ReactiveSecurityContextHolder.getContext()
			.mapNotNull(SecurityContext::getAuthentication)
			.filter(CallerAuthentication.class::isInstance)
			.map(auth -> ((CallerAuthentication) auth).caller())
			.switchIfEmpty(Mono.error(() -> new AuthenticationCredentialsNotFoundException("Authentication required")));
	}

}
