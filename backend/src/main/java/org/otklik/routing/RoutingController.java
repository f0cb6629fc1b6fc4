package org.otklik.routing;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.otklik.agency.Agency;
import org.otklik.appeal.Appeal;
import org.otklik.appeal.Channel;
import org.otklik.routing.RoutingService.RetrainRoutingInput;
import org.otklik.routing.RoutingService.RetrainRoutingPayload;
import org.otklik.security.CallerResolver;
import org.otklik.stats.RegionStats;
import reactor.core.publisher.Mono;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** GraphQL entry points of routing suggestions: binds arguments and calls one service method. */
@Controller
public class RoutingController {

	private final RoutingService routing;

	private final CallerResolver callers;

	public RoutingController(RoutingService routing, CallerResolver callers) {
		this.routing = routing;
		this.callers = callers;
	}

	@QueryMapping
	Mono<RoutingSuggestion> suggestRouting(@Argument String text, @Argument @Nullable Channel channel) {
		return this.callers.current().flatMap(caller -> this.routing.suggest(caller, text, channel));
	}

	@QueryMapping
	Mono<RoutingModel> routingModel() {
		return this.callers.current().flatMap(this.routing::model);
	}

	@MutationMapping
	Mono<RetrainRoutingPayload> retrainRouting(@Argument @Nullable RetrainRoutingInput input) {
		return this.callers.current().flatMap(caller -> this.routing.retrain(caller, input));
	}

	@QueryMapping
	Mono<String> routingAgencyRules() {
		return this.callers.current().flatMap(this.routing::agencyRules);
	}

	@MutationMapping
	Mono<RoutingService.UpdateRoutingAgencyRulesPayload> updateRoutingAgencyRules(
			@Argument RoutingService.UpdateRoutingAgencyRulesInput input) {
		return this.callers.current().flatMap(caller -> this.routing.updateAgencyRules(caller, input));
	}

	/** The region's figures already passed their checks; this adds routing's part for the same period. */
	@SchemaMapping(typeName = "RegionStats")
	Mono<AutomaticRoutingStats> automaticRouting(RegionStats stats) {
		return this.routing.automaticStats(stats.period().from(), stats.period().to(), stats.figures().received());
	}

	/** A page of appeals costs one lookup of stored suggestions. */
	@BatchMapping(typeName = "Appeal")
	Mono<Map<Appeal, RoutingSuggestion>> routing(List<Appeal> appeals) {
		return this.callers.current().flatMap(caller -> this.routing.routing(caller, appeals));
	}

	@BatchMapping(typeName = "RoutingSuggestion")
	Mono<Map<RoutingSuggestion, Agency>> agency(List<RoutingSuggestion> suggestions) {
		return this.callers.current().flatMap(caller -> this.routing.agencies(caller, suggestions));
	}

}
