package org.otklik.appeal;

import java.util.function.Predicate;

import org.otklik.agency.AgencyService;
import org.otklik.security.Caller;
import org.otklik.security.Role;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

/**
 * Who may see and do what with an appeal. Every read and change in the appeal and live features asks
 * here, so HTTP, WebSocket and background paths apply the same rules.
 */
@Component
public class AppealAccess {

	private final AgencyService agencies;

	public AppealAccess(AgencyService agencies) {
		this.agencies = agencies;
	}

	/** The scope the caller reads appeals in. */
	public Mono<Scope> scope(Caller caller) {
		if (caller.isCurator()) {
			return Mono.just(Scope.REGION);
		}
		if (caller.has(Role.EXECUTOR) || caller.has(Role.HEAD)) {
			return this.agencies.agencyIdOf(caller)
				.map(Scope::agency)
				// An executor or head whose agency is unknown sees nothing rather than everything.
				.defaultIfEmpty(Scope.NOTHING);
		}
		if (caller.has(Role.INTEGRATOR) && caller.clientId() != null) {
			return Mono.just(Scope.ingestedBy(caller.clientId()));
		}
		return Mono.just(Scope.NOTHING);
	}

	public Mono<Boolean> canRead(Caller caller, Appeal appeal) {
		return scope(caller).map(scope -> scope.includes(appeal));
	}

	/** Author names and profile links: the ЦУР, the responsible agency's executors, and the sender. */
	public Mono<Boolean> canSeePersonalData(Caller caller, Appeal appeal) {
		return personalDataRule(caller).map(rule -> rule.test(appeal));
	}

	/**
	 * The rule of {@link #canSeePersonalData} resolved once for a caller, so that an export of many appeals
	 * applies exactly the API's rule without looking the caller's agency up per appeal.
	 */
	public Mono<Predicate<Appeal>> personalDataRule(Caller caller) {
		if (caller.isCurator()) {
			return Mono.just(appeal -> true);
		}
		String clientId = caller.clientId();
		Predicate<Appeal> sender = (caller.has(Role.INTEGRATOR) && clientId != null)
				? appeal -> clientId.equals(appeal.ingestedBy()) : appeal -> false;
		if (!caller.has(Role.EXECUTOR)) {
			return Mono.just(sender);
		}
		return this.agencies.agencyIdOf(caller)
			.map(id -> sender.or(appeal -> id.equals(appeal.agencyId())))
			.defaultIfEmpty(sender);
	}

	/** Whether the caller is an executor of the appeal's current agency. */
	public Mono<Boolean> isExecutorOf(Caller caller, Appeal appeal) {
		if (!caller.has(Role.EXECUTOR)) {
			return Mono.just(false);
		}
		return this.agencies.agencyIdOf(caller).map(id -> id.equals(appeal.agencyId())).defaultIfEmpty(false);
	}

	/**
	 * The appeals a caller may read: the whole region, one agency's, the ones an integrator sent, or none.
	 *
	 * @param agencyId set for agency scope
	 * @param ingestedBy set for integrator scope
	 * @param all whole region
	 */
	public record Scope(boolean all, String agencyId, String ingestedBy) {

		public static final Scope REGION = new Scope(true, null, null);

		public static final Scope NOTHING = new Scope(false, null, null);

		static Scope agency(String agencyId) {
			return new Scope(false, agencyId, null);
		}

		static Scope ingestedBy(String clientId) {
			return new Scope(false, null, clientId);
		}

		public boolean includes(Appeal appeal) {
			if (this.all) {
				return true;
			}
			if (this.agencyId != null) {
				return this.agencyId.equals(appeal.agencyId());
			}
			return this.ingestedBy != null && this.ingestedBy.equals(appeal.ingestedBy());
		}

		public boolean isNothing() {
			return !this.all && this.agencyId == null && this.ingestedBy == null;
		}

	}

}
