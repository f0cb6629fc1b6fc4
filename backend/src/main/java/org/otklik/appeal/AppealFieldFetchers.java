package org.otklik.appeal;

import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

import graphql.TrivialDataFetcher;
import graphql.schema.DataFetchingEnvironment;
import org.dataloader.DataLoader;
import org.jspecify.annotations.Nullable;
import org.otklik.agency.Agency;
import org.otklik.appeal.internal.AppealSlaCalculator;
import org.otklik.sla.SlaPolicy;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;
import org.springframework.stereotype.Component;

/**
 * The two computed fields every queue row asks for, {@code Appeal.sla} and {@code Appeal.agency}, as plain
 * data fetchers that do no I/O of their own and need no caller: graphql-java and Spring for GraphQL then
 * treat them like property reads, without the per-field Reactor context snapshot, handler-method set-up
 * and observation wrapper that an annotated controller method costs (twice per appeal, 100 times a page).
 * Neither reads personal data or decides access: the appeal was already scoped when it was listed or read.
 */
@Component
class AppealFieldFetchers implements RuntimeWiringConfigurer {

	private final @Nullable AppealSlaCalculator sla;

	private final Clock clock;

	@Autowired
	AppealFieldFetchers(ObjectProvider<AppealSlaCalculator> sla, ObjectProvider<Clock> clock) {
		this(sla.getIfAvailable(), clock.getIfAvailable(Clock::systemUTC));
	}

	AppealFieldFetchers(@Nullable AppealSlaCalculator sla, Clock clock) {
		this.sla = sla;
		this.clock = clock;
	}

	@Override
	public void configure(graphql.schema.idl.RuntimeWiring.Builder wiring) {
		if (this.sla == null) {
			// A GraphQL test slice of another module picks up every RuntimeWiringConfigurer but not the
			// appeal module's services; it serves no appeals, so the fields need no fetchers there.
			return;
		}
		wiring.type("Appeal", type -> type
			.dataFetcher("sla", (TrivialDataFetcher<Object>) environment -> sla(environment.getSource()))
			.dataFetcher("agency", (TrivialDataFetcher<Object>) AppealFieldFetchers::agency));
	}

	/**
	 * Both clocks evaluated at the moment of the request, under the cached policies (loaded only when they
	 * have expired, which is then the one asynchronous case).
	 */
	@Nullable Object sla(@Nullable Appeal appeal) {
		if (appeal == null || appeal.sla() == null) {
			return null;
		}
		AppealSlaCalculator calculator = Objects.requireNonNull(this.sla);
		SlaPolicy policy = calculator.cachedPolicyOf(appeal);
		if (policy != null) {
			return calculator.evaluate(policy, appeal, this.clock.instant());
		}
		return calculator.policyOf(appeal).map(loaded -> calculator.evaluate(loaded, appeal, this.clock.instant())).toFuture();
	}

	/**
	 * Batched by agency id, not by appeal: a page of 50 appeals in a few agencies is one lookup with a few
	 * string keys.
	 */
	static CompletableFuture<@Nullable Agency> agency(DataFetchingEnvironment environment) {
		Appeal appeal = environment.getSource();
		if (appeal == null || appeal.agencyId() == null) {
			return CompletableFuture.completedFuture(null);
		}
		DataLoader<String, Agency> loader = environment.getDataLoader(AppealController.AGENCY_BY_ID);
		return Objects.requireNonNull(loader, AppealController.AGENCY_BY_ID).load(appeal.agencyId());
	}

}
