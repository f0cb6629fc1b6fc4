package org.otklik.appeal;

import java.time.Instant;

/**
 * The change that produced the current version, written in the same atomic update. The live change
 * stream reads it from the update itself, so every event is typed and routed without a second read.
 *
 * @param appealId the appeal, repeated here because the embedded server's change events lack a usable
 *                 document key for updates
 * @param type what happened
 * @param at when
 * @param agencyId the responsible agency after the change
 * @param fromAgencyId the agency before a redirect
 * @param version the appeal version this change produced
 * @param detail extra routing detail: the SLA clock of an alert, for example {@code FIRST_RESPONSE}
 */
public record LastEvent(String appealId, AppealEventType type, Instant at, String agencyId, String fromAgencyId, long version, String detail) {
}
