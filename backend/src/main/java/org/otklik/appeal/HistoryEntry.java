package org.otklik.appeal;

import java.time.Instant;

/** One change in an appeal's life: who, when, what, and why for redirects, rejections and reopenings. */
public record HistoryEntry(Instant at, AppealEventType type, Person actor, AppealStatus fromStatus,
		AppealStatus toStatus, String fromAgencyId, String toAgencyId, String reason) {
}
