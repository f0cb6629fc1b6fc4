package org.otklik.account;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.otklik.security.Role;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A member of staff as Otklik has seen them: the identity provider is the source of truth, and this is
 * only what a colleague picker needs (who serves which agency in which role).
 *
 * @param id the token's subject
 * @param agencyCode the agency claim, for executors and heads
 * @param lastSeenAt when they last signed in (or were listed by the demo provider)
 */
@Document("staff")
public record StaffAccount(@Id String id, String name, List<Role> roles, @Nullable String agencyCode, Instant lastSeenAt) {

	public StaffAccount {
		roles = (roles != null) ? List.copyOf(roles) : List.of();
	}

}
