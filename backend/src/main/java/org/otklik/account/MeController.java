package org.otklik.account;

import java.util.List;

import org.otklik.agency.Agency;
import org.otklik.agency.AgencyService;
import org.otklik.security.CallerResolver;
import org.otklik.security.Role;
import reactor.core.publisher.Mono;

import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/**
 * Answers {@code me}: who the caller is, their roles and agency, so clients can shape their screens; it
 * also records the caller in the staff directory.
 */
@Controller
public class MeController {

	private final CallerResolver callers;

	private final AgencyService agencies;

	private final StaffService staff;

	public MeController(CallerResolver callers, AgencyService agencies, StaffService staff) {
		this.callers = callers;
		this.agencies = agencies;
		this.staff = staff;
	}

	@QueryMapping
	Mono<Me> me() {
		return this.callers.current()
			.doOnNext(caller -> caller.requireAny(Role.values()))
			// Signing in makes a member of staff known to colleagues' pickers.
			.flatMap(caller -> this.staff.seen(caller).thenReturn(caller))
			.flatMap(caller -> this.agencies.byCode(caller.agencyCode())
				.map(agency -> new Me(caller.id(), caller.name(), List.copyOf(caller.roles()), agency))
				.defaultIfEmpty(new Me(caller.id(), caller.name(), List.copyOf(caller.roles()), null)));
	}

	/** The caller as the {@code Me} type shows it. */
	record Me(String id, String name, List<Role> roles, Agency agency) {
	}

}
