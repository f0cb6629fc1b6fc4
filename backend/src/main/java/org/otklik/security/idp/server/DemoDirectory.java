package org.otklik.security.idp.server;

import java.util.List;
import java.util.Optional;

import org.otklik.security.Role;

/**
 * The demo users and clients of the embedded identity provider: the same accounts as the Keycloak demo overlay
 * {@code deploy/keycloak/otklik-realm-demo.json}, so that a demo and production differ only in the issuer.
 */
public final class DemoDirectory {

	/** The public client of the PWA (authorization code with PKCE). */
	public static final String PWA_CLIENT_ID = "otklik-pwa";

	/** The confidential demo client of an external system (client credentials). */
	public static final String INTEGRATOR_CLIENT_ID = "demo-integrator";

	/** The demo users, in the order the login page lists them. */
	public static final List<DemoUser> USERS = List.of(
			new DemoUser("curator", "Куратор ЦУР", Role.CURATOR, null, "Центр управления регионом"),
			new DemoUser("head.health", "Руководитель Минздрава", Role.HEAD, "MINZDRAV",
					"Министерство здравоохранения"),
			new DemoUser("exec.health", "Исполнитель Минздрава", Role.EXECUTOR, "MINZDRAV",
					"Министерство здравоохранения"),
			// A colleague of exec.health, so that an appeal can be handed over within the agency.
			new DemoUser("exec2.health", "Второй исполнитель Минздрава", Role.EXECUTOR, "MINZDRAV",
					"Министерство здравоохранения"),
			new DemoUser("exec.tenka", "Исполнитель Тенькинского округа", Role.EXECUTOR, "TENKA",
					"Администрация Тенькинского муниципального округа"));

	private DemoDirectory() {
	}

	public static Optional<DemoUser> user(String username) {
		return USERS.stream().filter(user -> user.username().equals(username)).findFirst();
	}

	/**
	 * A demo user.
	 *
	 * @param username login name (the token's {@code sub} and {@code preferred_username})
	 * @param name display name
	 * @param role the single realm role
	 * @param agency agency code for heads and executors
	 * @param agencyName human-readable agency name for the login page
	 */
	public record DemoUser(String username, String name, Role role, String agency, String agencyName) {
	}

}
