package org.otklik.security;

import java.time.Instant;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;
import reactor.util.context.Context;

import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;

import static org.assertj.core.api.Assertions.assertThat;

/** The caller comes from the per-request Reactor context when the interceptor put it there, else from security. */
class CallerResolverTests {

	private static final Caller EXECUTOR = new Caller("u1", "Исполнитель", Set.of(Role.EXECUTOR), "MINZDRAV", null);

	private static final Caller CURATOR = new Caller("u2", "Куратор", Set.of(Role.CURATOR), null, null);

	private final CallerResolver callers = new CallerResolver();

	private static CallerAuthentication authentication(Caller caller) {
		Jwt jwt = Jwt.withTokenValue("t").header("alg", "none").subject(caller.id()).issuedAt(Instant.now()).build();
		return new CallerAuthentication(caller, jwt);
	}

	@Test
	void readsTheCallerResolvedForTheRequest() {
		StepVerifier.create(this.callers.current().contextWrite(Context.of(CallerResolver.CONTEXT_KEY, EXECUTOR)))
			.expectNext(EXECUTOR)
			.verifyComplete();
	}

	@Test
	void fallsBackToTheSecurityContext() {
		StepVerifier.create(this.callers.current()
			.contextWrite(ReactiveSecurityContextHolder.withAuthentication(authentication(CURATOR))))
			.expectNext(CURATOR)
			.verifyComplete();
	}

	@Test
	void refusesWithoutACaller() {
		StepVerifier.create(this.callers.current()).expectError(AuthenticationCredentialsNotFoundException.class).verify();
	}

	@Test
	void theInterceptorPutsTheSecurityContextsCallerIntoTheRequestsContext() {
		AtomicReference<Object> seen = new AtomicReference<>();
		WebGraphQlInterceptor.Chain chain = request -> Mono.deferContextual(context -> {
			seen.set(context.getOrDefault(CallerResolver.CONTEXT_KEY, "none"));
			return Mono.empty();
		});

		StepVerifier.create(new CallerContextInterceptor().intercept(null, chain)
			.contextWrite(ReactiveSecurityContextHolder.withAuthentication(authentication(EXECUTOR)))).verifyComplete();
		assertThat(seen.get()).isEqualTo(EXECUTOR);

		// No caller: the request passes on unchanged, and current() will refuse it where a field asks.
		StepVerifier.create(new CallerContextInterceptor().intercept(null, chain)).verifyComplete();
		assertThat(seen.get()).isEqualTo("none");
	}

}
