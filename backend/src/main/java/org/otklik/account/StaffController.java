package org.otklik.account;

import org.jspecify.annotations.Nullable;
import org.otklik.appeal.Person;
import org.otklik.graphql.Connection;
import org.otklik.security.CallerResolver;
import reactor.core.publisher.Mono;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** GraphQL entry point of the staff directory: the colleague picker's list. */
@Controller
public class StaffController {

	private final CallerResolver callers;

	private final StaffService staff;

	public StaffController(CallerResolver callers, StaffService staff) {
		this.callers = callers;
		this.staff = staff;
	}

	@QueryMapping
	Mono<Connection<Person>> agencyExecutors(@Argument String agencyId, @Argument @Nullable Integer first,
			@Argument @Nullable String after) {
		return this.callers.current().flatMap(caller -> this.staff.executors(caller, agencyId, first, after));
	}

}
