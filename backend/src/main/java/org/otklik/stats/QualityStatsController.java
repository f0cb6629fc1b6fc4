package org.otklik.stats;

import org.jspecify.annotations.Nullable;
import org.otklik.security.CallerResolver;
import reactor.core.publisher.Mono;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** GraphQL entry point of the growth-zone figures. */
@Controller
public class QualityStatsController {

	private final QualityStatsService stats;

	private final CallerResolver callers;

	public QualityStatsController(QualityStatsService stats, CallerResolver callers) {
		this.stats = stats;
		this.callers = callers;
	}

	@QueryMapping
	Mono<QualityStats> qualityStats(@Argument @Nullable String agencyId, @Argument StatsPeriodInput period) {
		return this.callers.current().flatMap(caller -> this.stats.qualityStats(caller, agencyId, period));
	}

}
