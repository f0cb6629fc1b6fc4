package org.otklik.graphql;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

import graphql.introspection.Introspection;
import io.micrometer.observation.ObservationRegistry;
import reactor.core.publisher.Mono;

import org.otklik.security.Caller;
import org.otklik.security.CallerAuthentication;
import org.otklik.security.Role;
import org.otklik.security.WebSocketAuthInterceptor;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.graphql.observation.DataFetcherObservationConvention;
import org.springframework.graphql.observation.DataLoaderObservationConvention;
import org.springframework.graphql.observation.ExecutionRequestObservationConvention;
import org.springframework.graphql.observation.GraphQlObservationInstrumentation;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.server.WebSocketGraphQlRequest;
import org.springframework.graphql.support.DefaultExecutionGraphQlResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.web.server.WebFilter;

/**
 * Protects the GraphQL endpoint: oversized documents are refused before parsing, deep, wide or costly operations
 * before execution ({@link QueryLimitsInstrumentation}), introspection needs an authenticated caller, and
 * integrators are rate-limited per client. Over HTTP a rate-limited integrator gets {@code 429} with
 * {@code Retry-After}; over WebSocket there is no status, so it gets a classified GraphQL error with
 * {@code extensions.retryAfterSeconds}.
 */
@Configuration(proxyBeanMethods = false)
public class GraphQlLimitsConfiguration {

	/** Runs right after the WebSocket authentication interceptor, before any feature interceptor. */
	static final int INTERCEPTOR_ORDER = Ordered.HIGHEST_PRECEDENCE + 100;

	/**
	 * The limits and the request observation in one instrumentation (see {@link QueryLimitsInstrumentation});
	 * being a {@link GraphQlObservationInstrumentation}, it stands in for the one Spring Boot would add.
	 */
	@Bean
	QueryLimitsInstrumentation queryLimitsInstrumentation(GraphQlLimitsProperties properties,
			ObjectProvider<ObservationRegistry> registry, ObjectProvider<ExecutionRequestObservationConvention> requests,
			ObjectProvider<DataFetcherObservationConvention> fetchers, ObjectProvider<DataLoaderObservationConvention> loaders) {
		return new QueryLimitsInstrumentation(registry.getIfAvailable(() -> ObservationRegistry.NOOP),
				requests.getIfAvailable(), fetchers.getIfAvailable(), loaders.getIfAvailable(), properties.maxDepth(),
				properties.maxFields(), properties.maxComplexity());
	}

	@Bean
	IntegratorRateLimiter integratorRateLimiter(GraphQlLimitsProperties properties) {
		return new IntegratorRateLimiter(properties.rateLimit().capacity(), properties.rateLimit().period());
	}

	@Bean
	@Order(INTERCEPTOR_ORDER)
	WebGraphQlInterceptor graphQlLimitsInterceptor(GraphQlLimitsProperties properties, IntegratorRateLimiter limiter) {
		boolean rateLimited = properties.rateLimit().enabled();
		int maxLength = properties.maxDocumentLength();
		return (request, chain) -> {
			if (request.getDocument().length() > maxLength) {
				return Mono.just(reject(request, LimitErrors.tooComplex("Запрос слишком длинный: "
						+ request.getDocument().length() + " символов при допустимых " + maxLength, "documentLength",
						maxLength, request.getDocument().length())));
			}
			if (!(request instanceof WebSocketGraphQlRequest webSocket)) {
				// HTTP: Spring Security has already authenticated the caller (and rate-limited integrators in
				// integratorRateLimitFilter), so there is nothing more to decide here.
				return chain.next(request);
			}
			Caller caller = webSocketCaller(webSocket);
			if (caller == null) {
				// Defence in depth: the socket's connection_init is authenticated first, but should an
				// operation ever arrive without a caller, the schema still stays private.
				request.configureExecutionInput((input, builder) -> builder
					.graphQLContext(Map.of(Introspection.INTROSPECTION_DISABLED, true))
					.build());
			}
			else if (rateLimited && isIntegrator(caller)) {
				long retryAfter = limiter.tryAcquire(caller.clientId());
				if (retryAfter > 0) {
					return Mono.just(reject(request, LimitErrors.rateLimited(retryAfter)));
				}
			}
			return chain.next(request);
		};
	}

	/**
	 * Over HTTP the limit is applied before the body is even read; it runs after Spring Security's filter
	 * chain, so the caller is known.
	 */
	@Bean
	WebFilter integratorRateLimitFilter(GraphQlLimitsProperties properties, IntegratorRateLimiter limiter,
			@Value("${spring.graphql.http.path:/graphql}") String graphQlPath) {
		boolean enabled = properties.rateLimit().enabled();
		return (exchange, chain) -> {
			var request = exchange.getRequest();
			if (!enabled || !HttpMethod.POST.equals(request.getMethod())
					|| !graphQlPath.equals(request.getPath().pathWithinApplication().value())) {
				return chain.filter(exchange);
			}
			return currentCaller().flatMap(caller -> {
				if (caller.isPresent() && isIntegrator(caller.get())) {
					long retryAfter = limiter.tryAcquire(caller.get().clientId());
					if (retryAfter > 0) {
						return tooManyRequests(exchange.getResponse(), retryAfter);
					}
				}
				return chain.filter(exchange);
			});
		};
	}

	private static Mono<Optional<Caller>> currentCaller() {
		return ReactiveSecurityContextHolder.getContext()
			.mapNotNull(SecurityContext::getAuthentication)
			.filter(CallerAuthentication.class::isInstance)
			.map(authentication -> Optional.of(((CallerAuthentication) authentication).caller()))
			.defaultIfEmpty(Optional.empty());
	}

	/** The caller a WebSocket was authenticated as in its connection_init, or null. */
	private static Caller webSocketCaller(WebSocketGraphQlRequest request) {
		Object authentication = request.getSessionInfo().getAttributes().get(WebSocketAuthInterceptor.AUTHENTICATION);
		return (authentication instanceof CallerAuthentication callerAuthentication) ? callerAuthentication.caller() : null;
	}

	private static boolean isIntegrator(Caller caller) {
		return caller.has(Role.INTEGRATOR) && caller.clientId() != null;
	}

	private static WebGraphQlResponse reject(WebGraphQlRequest request, graphql.GraphQLError error) {
		return new WebGraphQlResponse(
				new DefaultExecutionGraphQlResponse(request.toExecutionInput(), LimitErrors.result(error)));
	}

	private static Mono<Void> tooManyRequests(ServerHttpResponse response, long retryAfter) {
		response.setStatusCode(HttpStatus.TOO_MANY_REQUESTS);
		response.getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter));
		response.getHeaders().setContentType(new MediaType(MediaType.APPLICATION_JSON, StandardCharsets.UTF_8));
		String body = "{\"errors\":[{\"message\":\"Слишком много запросов; повторите через " + retryAfter
				+ " с\",\"extensions\":{\"classification\":\"BAD_REQUEST\",\"errorDetail\":\""
				+ LimitErrors.RATE_LIMITED + "\",\"retryAfterSeconds\":" + retryAfter + "}}]}";
		DataBuffer buffer = response.bufferFactory().wrap(body.getBytes(StandardCharsets.UTF_8));
		return response.writeWith(Mono.just(buffer));
	}

}
