package org.otklik.graphql;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.junit.jupiter.api.Test;
import org.otklik.support.IntegrationTestSupport;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.GraphQlSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The application runs one instrumentation, without graphql-java's chain around it, and that one both
 * limits operations and observes requests ({@code graphql.request}), refused ones included.
 */
class GraphQlInstrumentationIntegrationTests extends IntegrationTestSupport {

	@Autowired
	private GraphQlSource graphQlSource;

	@Autowired
	private MeterRegistry meters;

	@Test
	void oneInstrumentationLimitsAndObservesWithoutAChain() {
		assertThat(this.graphQlSource.graphQl().getInstrumentation()).isInstanceOf(QueryLimitsInstrumentation.class);
		long before = requests();

		curator().document("{ limits { __typename } }").execute().errors().verify();
		String tooWide = java.util.stream.IntStream.range(0, 1000).mapToObj(i -> "a" + i + ": __typename")
			.collect(java.util.stream.Collectors.joining(" ", "{ ", " }"));
		curator().document(tooWide).execute().errors().satisfy(errors -> assertThat(errors)
			.anySatisfy(error -> assertThat(error.getExtensions()).containsEntry("limit", "fields")));

		// At least: other beans of the shared context may send requests of their own meanwhile.
		assertThat(requests()).isGreaterThanOrEqualTo(before + 2);
	}

	/** Requests observed so far, summed over the outcome tags. */
	private long requests() {
		return this.meters.find("graphql.request").timers().stream().mapToLong(Timer::count).sum();
	}

}
