package org.otklik.incident;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.otklik.appeal.Appeal;
import org.otklik.graphql.Connection;
import org.otklik.incident.IncidentService.AnswerIncidentInput;
import org.otklik.incident.IncidentService.AnswerIncidentPayload;
import org.otklik.incident.IncidentService.CloseIncidentInput;
import org.otklik.incident.IncidentService.ConfirmIncidentInput;
import org.otklik.incident.IncidentService.DetachAppealFromIncidentInput;
import org.otklik.incident.IncidentService.IncidentFilter;
import org.otklik.incident.IncidentService.IncidentOrder;
import org.otklik.incident.IncidentService.IncidentPayload;
import org.otklik.incident.IncidentService.MergeIncidentsInput;
import org.otklik.incident.IncidentService.SplitIncidentInput;
import org.otklik.incident.IncidentService.SplitIncidentPayload;
import org.otklik.security.CallerResolver;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.data.method.annotation.SubscriptionMapping;
import org.springframework.stereotype.Controller;

/** GraphQL entry points of incidents; the rules are in {@link IncidentService}. */
@Controller
public class IncidentController {

	private final IncidentService incidents;

	private final CallerResolver callers;

	public IncidentController(IncidentService incidents, CallerResolver callers) {
		this.incidents = incidents;
		this.callers = callers;
	}

	@QueryMapping
	Mono<Connection<Incident>> incidents(@Argument @Nullable IncidentFilter filter, @Argument @Nullable IncidentOrder order,
			@Argument @Nullable Integer first, @Argument @Nullable String after) {
		return this.callers.current().flatMap(caller -> this.incidents.incidents(caller, filter, order, first, after));
	}

	@QueryMapping
	Mono<Incident> incident(@Argument String id) {
		return this.callers.current().flatMap(caller -> this.incidents.incident(caller, id));
	}

	@MutationMapping
	Mono<IncidentPayload> confirmIncident(@Argument ConfirmIncidentInput input) {
		return this.callers.current().flatMap(caller -> this.incidents.confirm(caller, input));
	}

	@MutationMapping
	Mono<IncidentPayload> mergeIncidents(@Argument MergeIncidentsInput input) {
		return this.callers.current().flatMap(caller -> this.incidents.merge(caller, input));
	}

	@MutationMapping
	Mono<SplitIncidentPayload> splitIncident(@Argument SplitIncidentInput input) {
		return this.callers.current().flatMap(caller -> this.incidents.split(caller, input));
	}

	@MutationMapping
	Mono<IncidentPayload> detachAppealFromIncident(@Argument DetachAppealFromIncidentInput input) {
		return this.callers.current().flatMap(caller -> this.incidents.detach(caller, input));
	}

	@MutationMapping
	Mono<IncidentPayload> closeIncident(@Argument CloseIncidentInput input) {
		return this.callers.current().flatMap(caller -> this.incidents.close(caller, input));
	}

	@MutationMapping
	Mono<AnswerIncidentPayload> answerIncident(@Argument AnswerIncidentInput input) {
		return this.callers.current().flatMap(caller -> this.incidents.answer(caller, input));
	}

	@SubscriptionMapping
	Flux<Incident> incidentUpdated(@Argument @Nullable String incidentId) {
		return this.callers.current().flatMapMany(caller -> this.incidents.updates(caller, incidentId));
	}

	/** A page of appeals costs one incident query. */
	@BatchMapping(typeName = "Appeal")
	Mono<Map<Appeal, Incident>> incident(List<Appeal> appeals) {
		return this.callers.current().flatMap(caller -> this.incidents.incidentsOf(caller, appeals));
	}

	@SchemaMapping(typeName = "Incident")
	Mono<Connection<Appeal>> appeals(Incident incident, @Argument @Nullable Integer first,
			@Argument @Nullable String after) {
		return this.callers.current().flatMap(caller -> this.incidents.members(caller, incident, first, after));
	}

}
