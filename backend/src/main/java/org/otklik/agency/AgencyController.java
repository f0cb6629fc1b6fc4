package org.otklik.agency;

import org.jspecify.annotations.Nullable;
import org.otklik.security.CallerResolver;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** GraphQL entry points for agencies. */
@Controller
public class AgencyController {

	private final AgencyService agencies;

	private final CallerResolver callers;

	public AgencyController(AgencyService agencies, CallerResolver callers) {
		this.agencies = agencies;
		this.callers = callers;
	}

	@QueryMapping
	Flux<Agency> agencies(@Argument @Nullable Boolean includeInactive) {
		return this.callers.current()
			.flatMapMany(caller -> this.agencies.agencies(caller, Boolean.TRUE.equals(includeInactive)));
	}

	@QueryMapping
	Mono<Agency> agency(@Argument String id) {
		return this.callers.current().flatMap(caller -> this.agencies.agency(caller, id));
	}

}
