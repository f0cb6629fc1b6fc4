package org.otklik.citizen;

import org.jspecify.annotations.Nullable;
import org.otklik.agency.Agency;
import org.otklik.agency.AgencyService;
import org.otklik.appeal.Appeal;
import org.otklik.citizen.CitizenRating.RatingTaskState;
import org.otklik.citizen.CitizenService.CloseRatingTaskInput;
import org.otklik.citizen.CitizenService.CloseRatingTaskPayload;
import org.otklik.citizen.CitizenService.IssueCitizenLinkInput;
import org.otklik.citizen.CitizenService.IssueCitizenLinkPayload;
import org.otklik.citizen.CitizenService.RevokeCitizenLinkInput;
import org.otklik.citizen.CitizenService.RevokeCitizenLinkPayload;
import org.otklik.graphql.Connection;
import org.otklik.security.CallerResolver;
import org.otklik.stats.AgencyStats;
import org.otklik.stats.Satisfaction;
import reactor.core.publisher.Mono;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** GraphQL entry points of citizens' links and ratings; the rules are in {@link CitizenService}. */
@Controller
public class CitizenController {

	private final CitizenService citizens;

	private final AgencyService agencies;

	private final CallerResolver callers;

	public CitizenController(CitizenService citizens, AgencyService agencies, CallerResolver callers) {
		this.citizens = citizens;
		this.agencies = agencies;
		this.callers = callers;
	}

	@QueryMapping
	Mono<Connection<CitizenRating>> agencyRatings(@Argument String agencyId, @Argument @Nullable Integer first,
			@Argument @Nullable String after) {
		return this.callers.current().flatMap(caller -> this.citizens.agencyRatings(caller, agencyId, first, after));
	}

	@QueryMapping
	Mono<Connection<RatingTaskView>> ratingTasks(@Argument @Nullable RatingTaskState state, @Argument @Nullable Integer first,
			@Argument @Nullable String after) {
		return this.callers.current()
			.flatMap(caller -> this.citizens.ratingTasks(caller, state, first, after))
			.map(page -> new Connection<>(page.edges().stream()
				.map(edge -> new Connection.Edge<>(edge.cursor(), new RatingTaskView(edge.node())))
				.toList(), page.pageInfo()));
	}

	@MutationMapping
	Mono<RevokeCitizenLinkPayload> revokeCitizenLink(@Argument RevokeCitizenLinkInput input) {
		return this.callers.current().flatMap(caller -> this.citizens.revoke(caller, input));
	}

	@MutationMapping
	Mono<IssueCitizenLinkPayload> issueCitizenLink(@Argument IssueCitizenLinkInput input) {
		return this.callers.current().flatMap(caller -> this.citizens.issue(caller, input));
	}

	/** The payload names the task, not the rating: the schema's {@code CloseRatingTaskPayload.task}. */
	@MutationMapping
	Mono<CloseTaskResult> closeRatingTask(@Argument CloseRatingTaskInput input) {
		return this.callers.current().flatMap(caller -> this.citizens.closeTask(caller, input))
			.map(CloseTaskResult::of);
	}

	/** {@link CloseRatingTaskPayload} as the schema shows it. */
	record CloseTaskResult(@Nullable RatingTaskView task, java.util.List<org.otklik.graphql.UserError> errors) {
		static CloseTaskResult of(CloseRatingTaskPayload payload) {
			return new CloseTaskResult((payload.task() != null && payload.task().task() != null)
					? new RatingTaskView(payload.task()) : null, payload.errors());
		}
	}

	@SchemaMapping(typeName = "Appeal", field = "citizenLink")
	Mono<CitizenLink> citizenLink(Appeal appeal) {
		return this.callers.current().flatMap(caller -> this.citizens.link(caller, appeal));
	}

	@SchemaMapping(typeName = "CitizenLink", field = "url")
	@Nullable
	String url(CitizenLink link) {
		return this.citizens.url(link);
	}

	@SchemaMapping(typeName = "CitizenRating", field = "agency")
	Mono<Agency> agency(CitizenRating rating) {
		return this.agencies.byId(rating.agencyId());
	}

	/** The agency's satisfaction in the figures' period; the figures' own check let the caller in. */
	@SchemaMapping(typeName = "AgencyStats", field = "satisfaction")
	Mono<Satisfaction> satisfaction(AgencyStats stats) {
		return this.citizens.satisfaction(stats.agency().id(), stats.period().from(), stats.period().to());
	}

}
