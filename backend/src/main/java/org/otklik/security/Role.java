package org.otklik.security;

import java.util.Locale;
import java.util.Optional;

/** Roles known to Otklik; their lower-case names are the identity provider's realm roles. */
public enum Role {

	/** ЦУР staff: everything in the region. */
	CURATOR,
	/** Head of an agency: reads the agency's appeals and figures. */
	HEAD,
	/** Executor in an agency: works on the agency's appeals. */
	EXECUTOR,
	/** An external system (service account) that ingests appeals. */
	INTEGRATOR;

	/** The realm role name, for example {@code curator}. */
	public String realmRole() {
		return name().toLowerCase(Locale.ROOT);
	}

	/** Maps a realm role name to a role; unknown names are ignored. */
	public static Optional<Role> fromRealmRole(String name) {
		for (Role role : values()) {
			if (role.realmRole().equals(name)) {
				return Optional.of(role);
			}
		}
		return Optional.empty();
	}

}
