package org.otklik.appeal.internal;

import java.util.Set;

import org.otklik.appeal.Appeal;
import org.otklik.appeal.LastEvent;
import org.otklik.appeal.Person;
import org.otklik.security.Caller;
import org.otklik.security.Role;

/**
 * The caller as the lifecycle sees it: identity, roles and the id (not the code) of the caller's agency,
 * resolved before the rules run so that the rules stay a pure function.
 *
 * @param agencyId the caller's agency, for executors and heads; null when none or unknown
 */
public record Actor(String id, String name, Set<Role> roles, String agencyId, String clientId) {

	/** The system itself: schedulers, demo data. */
	public static final Actor SYSTEM = of(Caller.SYSTEM, null);

	public Actor {
		roles = (roles != null) ? Set.copyOf(roles) : Set.of();
	}

	public static Actor of(Caller caller, String agencyId) {
		return new Actor(caller.id(), caller.name(), caller.roles(), agencyId, caller.clientId());
	}

	public boolean has(Role role) {
		return this.roles.contains(role);
	}

	public boolean isCurator() {
		return has(Role.CURATOR);
	}

	/** Whether the actor is an executor of the agency now responsible for the appeal. */
	public boolean isExecutorOf(Appeal appeal) {
		return has(Role.EXECUTOR) && this.agencyId != null && this.agencyId.equals(appeal.agencyId());
	}

	/** Whether the actor is the head of the agency now responsible for the appeal. */
	public boolean isHeadOf(Appeal appeal) {
		return has(Role.HEAD) && this.agencyId != null && this.agencyId.equals(appeal.agencyId());
	}

	/** Whether the actor holds the appeal (is its executor now). */
	public boolean holds(Appeal appeal) {
		return appeal.executor() != null && appeal.executor().id().equals(this.id);
	}

	public Person person() {
		return new Person(this.id, this.name);
	}

	/** How the actor is recorded with the change. */
	public LastEvent.Actor recorded() {
		return new LastEvent.Actor(this.id, this.name, this.roles, this.clientId);
	}

}
