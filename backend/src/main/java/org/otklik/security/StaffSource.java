package org.otklik.security;

import java.util.List;

/**
 * Staff accounts an identity provider knows before anyone signs in: the embedded demo provider lists its
 * demo users, so that a colleague picker is complete from the first start. Keycloak offers no such list
 * to the API, so in production staff become known as they sign in.
 */
public interface StaffSource {

	/** The accounts, as callers they will sign in as. */
	List<Caller> accounts();

}
