package org.otklik.stats;

import org.otklik.security.CallerResolver;
import reactor.core.publisher.Mono;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** GraphQL entry points for figures and the agency ranking; rules live in {@link StatsService}. */
@Controller
public class StatsController {

	private final StatsService stats;

	private final CallerResolver callers;

	public StatsController(StatsService stats, CallerResolver callers) {
		this.stats = stats;
		this.callers = callers;
	}

	@QueryMapping
	Mono<AgencyStats> agencyStats(@Argument String agencyId, @Argument StatsPeriodInput period) {
		return this.callers.current().flatMap(caller -> this.stats.agencyStats(caller, agencyId, period));
	}

	@QueryMapping
	Mono<RegionStats> regionStats(@Argument StatsPeriodInput period) {
		return this.callers.current().flatMap(caller -> this.stats.regionStats(caller, period));
	}

	@QueryMapping
	Mono<AgencyRanking> agencyRanking(@Argument StatsPeriodInput period) {
		return this.callers.current().flatMap(caller -> this.stats.agencyRanking(caller, period));
	}

}
