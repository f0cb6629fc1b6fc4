package org.otklik.security;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.schema.DataFetcher;
import graphql.schema.GraphQLScalarType;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;
import org.springframework.stereotype.Controller;

/**
 * Beans that security integration tests share: a probe query that shows the {@link Caller} seen by data
 * fetchers, a counter of data fetcher calls, and stand-in scalars for the schema draft.
 */
@TestConfiguration(proxyBeanMethods = false)
public class SecurityTestConfiguration {

	@Bean
	FetchCounter fetchCounter() {
		return new FetchCounter();
	}

	/**
	 * The schema declares {@code DateTime} and {@code Date}; until this branch meets the application's own
	 * {@code ScalarConfiguration}, security tests use plain string scalars (they never read dates). A scalar
	 * may be registered only once, so these stand back as soon as that class exists.
	 */
	@Bean
	@ConditionalOnMissingClass("org.otklik.graphql.ScalarConfiguration")
	RuntimeWiringConfigurer securityTestScalars() {
		return wiring -> List.of("DateTime", "Date")
			.forEach(name -> wiring.scalar(GraphQLScalarType.newScalar(graphql.Scalars.GraphQLString).name(name).build()));
	}

	/**
	 * Answers {@code securityProbe} from {@link CallerResolver}, like every feature controller does. Registered
	 * as a member class of this imported configuration; component scanning skips it with its test configuration.
	 */
	@Controller
	public static class SecurityProbeController {

		private final CallerResolver callers;

		SecurityProbeController(CallerResolver callers) {
			this.callers = callers;
		}

		@QueryMapping
		Mono<Probe> securityProbe() {
			return this.callers.current()
				.map(caller -> new Probe(caller.id(), caller.roles().stream().map(Role::name).sorted().toList(),
						caller.agencyCode(), caller.clientId()));
		}

		@QueryMapping
		Flux<Probe> securityProbes(@Argument int first) {
			return securityProbe().repeat(Math.max(0, first - 1));
		}

		@SchemaMapping
		Probe nested(Probe probe) {
			return probe;
		}

		record Probe(String id, List<String> roles, String agency, String clientId) {
		}

	}

	/** Counts data fetcher invocations, to prove that rejected operations fetched nothing. */
	public static class FetchCounter extends SimplePerformantInstrumentation {

		private final AtomicInteger fetches = new AtomicInteger();

		public int fetches() {
			return this.fetches.get();
		}

		@Override
		public DataFetcher<?> instrumentDataFetcher(DataFetcher<?> dataFetcher,
				InstrumentationFieldFetchParameters parameters, InstrumentationState state) {
			return environment -> {
				this.fetches.incrementAndGet();
				return dataFetcher.get(environment);
			};
		}

	}

}
