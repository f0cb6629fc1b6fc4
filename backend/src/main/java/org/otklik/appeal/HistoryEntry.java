package org.otklik.appeal;

import org.jspecify.annotations.Nullable;
import java.time.Instant;

/**
 * One change in an appeal's life: who, when, what, and why for redirects, rejections and reopenings;
 * for a reassignment also from whom and to whom; for an assignment that corrected the category, place or
 * urgency also what it changed.
 */
public record HistoryEntry(Instant at, AppealEventType type, Person actor, @Nullable AppealStatus fromStatus,
		AppealStatus toStatus, @Nullable String fromAgencyId, @Nullable String toAgencyId, @Nullable String reason,
		@Nullable Person fromExecutor, @Nullable Person toExecutor, @Nullable ClassificationChange classification) {

	/** A change that corrects no classification. */
	public HistoryEntry(Instant at, AppealEventType type, Person actor, @Nullable AppealStatus fromStatus,
			AppealStatus toStatus, @Nullable String fromAgencyId, @Nullable String toAgencyId, @Nullable String reason,
			@Nullable Person fromExecutor, @Nullable Person toExecutor) {
		this(at, type, actor, fromStatus, toStatus, fromAgencyId, toAgencyId, reason, fromExecutor, toExecutor, null);
	}

	/** A change that moves no appeal between executors. */
	public HistoryEntry(Instant at, AppealEventType type, Person actor, @Nullable AppealStatus fromStatus,
			AppealStatus toStatus, @Nullable String fromAgencyId, @Nullable String toAgencyId, @Nullable String reason) {
		this(at, type, actor, fromStatus, toStatus, fromAgencyId, toAgencyId, reason, null, null);
	}

}
