package org.otklik.citizen;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A citizen's answer to «Помог ли ответ?»: one per appeal (the appeal's id is the document's), changeable
 * for a while after it was first given. A low score opens a task for curators in the same document, so
 * that the rating and its task change together, atomically.
 *
 * @param agencyId the agency that answered, when the rating was first given
 * @param appealNumber the appeal's human number, for staff lists
 * @param ratedAt when the rating was first given: the period it counts in, and the start of the change window
 * @param changedAt when it was last changed; null if never
 * @param task the curator's task opened by a low score; null when none was opened
 */
@Document(CitizenRating.COLLECTION)
public record CitizenRating(@Id String id, String agencyId, @Nullable String appealNumber, int score,
		@Nullable String comment, Instant ratedAt, @Nullable Instant changedAt, @Nullable RatingTask task) {

	public static final String COLLECTION = "citizen_ratings";

	/** The highest score that opens a task. */
	public static final int LOW = 2;

	public String appealId() {
		return this.id;
	}

	/**
	 * A curator's task: a citizen said the answer did not help. Curators decide what to do (ask the agency,
	 * reopen the appeal by hand); nothing is reopened automatically.
	 *
	 * @param closedBy the curator who closed it (display name)
	 * @param note what was done, as the curator wrote it
	 */
	public record RatingTask(RatingTaskState state, Instant openedAt, @Nullable Instant closedAt,
			@Nullable String closedBy, @Nullable String note) {
	}

	/** Where a rating task stands. */
	public enum RatingTaskState {
		/** Waiting for a curator. */
		OPEN,
		/** A curator dealt with it. */
		CLOSED
	}

}
