package org.otklik.appeal;

import org.jspecify.annotations.Nullable;
import java.time.Instant;

/** One change in an appeal's life: who, when, what, and why for redirects, rejections and reopenings. */
public record HistoryEntry(Instant at, AppealEventType type, Person actor, @Nullable AppealStatus fromStatus,
		AppealStatus toStatus, @Nullable String fromAgencyId, @Nullable String toAgencyId, @Nullable String reason) {
}
