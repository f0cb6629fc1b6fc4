package org.otklik.security;

import reactor.core.publisher.Mono;
import reactor.util.context.ContextView;

import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.stereotype.Component;

/**
 * Gives controllers the current {@link Caller} from the reactive security context, which the HTTP
 * filter chain and the WebSocket interceptor both populate. {@link CallerContextInterceptor} resolves it
 * once per GraphQL request into the Reactor context, so that the many field resolvers of one page read a
 * ready value instead of walking the security context each.
 */
@Component
public class CallerResolver {

	/** Key of the caller resolved once per request in the Reactor context. */
	static final Class<Caller> CONTEXT_KEY = Caller.class;

	public Mono<Caller> current() {
		return Mono.deferContextual(CallerResolver::fromContext);
	}

	private static Mono<Caller> fromContext(ContextView context) {
		Caller resolved = context.getOrDefault(CONTEXT_KEY, null);
		return (resolved != null) ? Mono.just(resolved) : fromSecurityContext()
			.switchIfEmpty(Mono.error(() -> new AuthenticationCredentialsNotFoundException("Authentication required")));
	}

	/** The caller of the security context, or empty when there is none (no error: the interceptor asks too). */
	static Mono<Caller> fromSecurityContext() {
		return ReactiveSecurityContextHolder.getContext()
			.mapNotNull(SecurityContext::getAuthentication)
			.filter(CallerAuthentication.class::isInstance)
			.map(auth -> ((CallerAuthentication) auth).caller());
	}

}
