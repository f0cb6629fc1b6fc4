package org.otklik.graphql;

import java.util.List;

import graphql.execution.instrumentation.Instrumentation;
import io.micrometer.observation.ObservationPredicate;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.observation.DataFetcherObservationContext;

/**
 * Cuts what GraphQL execution costs per request beyond the work itself. Parsed and validated documents
 * are reused ({@link ParsedDocuments}), and a single instrumentation runs without a chain around it. The
 * request observation ({@code graphql.request}: metrics, dashboards, traces) stays; the one per non-trivial field goes ({@code graphql.datafetcher}): a queue page of 50 appeals started and stopped
 * some 100 field observations, each a timer lookup in the meter registry, about a tenth of the page's CPU,
 * and no dashboard or alert reads them; likewise Spring Security's observations of each filter of the
 * chain and each authorization on every request ({@code spring.security.*}; HTTP server metrics stay).
 */
@Configuration(proxyBeanMethods = false)
public class GraphQlExecutionCostConfiguration {

	@Bean
	ObservationPredicate noFieldOrSecurityFilterObservations() {
		return (name, context) -> !(context instanceof DataFetcherObservationContext) && !name.startsWith("spring.security.");
	}

	@Bean
	GraphQlSourceBuilderCustomizer parsedDocuments(ObjectProvider<Instrumentation> instrumentations) {
		// 500 documents or two million characters: the PWA's and integrators' documents many times over.
		ParsedDocuments documents = new ParsedDocuments(500, 2_000_000);
		return builder -> builder.configureGraphQl(graphQl -> {
			graphQl.preparsedDocumentProvider(documents);
			// Spring wraps even a single instrumentation in a ChainedInstrumentation, which then costs a list
			// and a context at each hook of every field; the same beans Spring Boot hands the builder, so a
			// chain of one is that one, and with more the chain stays.
			List<Instrumentation> all = instrumentations.orderedStream().toList();
			if (all.size() == 1) {
				graphQl.instrumentation(all.get(0));
			}
		});
	}

}
