package org.otklik.audit;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One audited act: who (with roles and client), when, what, on which appeal. Entries are only ever
 * inserted, never changed. A change carries the id of its event, unique, so that recording it twice is a no-op.
 */
@Document("audit")
public record AuditEntry(@Id String id, Instant at, AuditAction action, String actorId, String actorName,
		List<String> actorRoles, String clientId, String appealId, String detail, String eventId) {
}
