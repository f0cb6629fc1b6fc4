package org.otklik.security;

import java.util.Set;

/**
 * Who is calling: every service method receives one, so that HTTP, WebSocket and background paths
 * apply the same role and agency checks.
 *
 * @param id stable subject ({@code sub} claim, or the client id of a service account)
 * @param name display name
 * @param roles granted roles; empty means the caller may do nothing
 * @param agencyCode the agency code from the {@code agency} claim, for executors and heads
 * @param clientId the OAuth client the token was issued to ({@code azp}), used to scope integrators
 */
public record Caller(String id, String name, Set<Role> roles, String agencyCode, String clientId) {

	/** The identity under which the system itself acts (demo seeding, schedulers). */
	public static final Caller SYSTEM = new Caller("system", "Отклик", Set.of(Role.CURATOR), null, "otklik");

	public Caller {
		roles = (roles != null) ? Set.copyOf(roles) : Set.of();
	}

	/**
	 * The one role check of every service method: fails with FORBIDDEN (a top-level error, mapped by
	 * Spring Security's handling) unless the caller has one of the roles.
	 */
	public void requireAny(Role... required) {
		for (Role role : required) {
			if (has(role)) {
				return;
			}
		}
		throw new org.springframework.security.access.AccessDeniedException(
				"Role required: " + java.util.Arrays.toString(required));
	}

	public boolean has(Role role) {
		return this.roles.contains(role);
	}

	public boolean isCurator() {
		return has(Role.CURATOR);
	}

	/** Whether the caller belongs to the agency with this code (executors and heads). */
	public boolean belongsTo(String code) {
		return this.agencyCode != null && this.agencyCode.equals(code);
	}

}
