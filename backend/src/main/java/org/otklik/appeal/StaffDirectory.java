package org.otklik.appeal;

import reactor.core.publisher.Mono;

/**
 * The staff directory as the appeal feature needs it to reassign: who a member of staff is and which
 * agency they serve. The {@code account} feature implements it, so appeal does not depend on how staff
 * are known (Keycloak has no directory we may read; staff are recorded as they sign in).
 */
public interface StaffDirectory {

	/** The executor with this id, or empty when the directory knows no executor by it. */
	Mono<StaffMember> executor(String id);

	/**
	 * A member of staff.
	 *
	 * @param person id and display name, as they appear on appeals
	 * @param agencyId the id (not the code) of their agency
	 */
	record StaffMember(Person person, String agencyId) {
	}

}
