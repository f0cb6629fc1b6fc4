package org.otklik.citizen;

import java.time.Instant;

import org.jspecify.annotations.Nullable;
import org.otklik.citizen.CitizenRating.RatingTaskState;

/** A curator's task opened by a low rating, as the schema's {@code RatingTask} shows it. */
public record RatingTaskView(CitizenRating rating) {

	/** The task's id: its appeal's, as there is one rating (and so at most one task) per appeal. */
	public String id() {
		return this.rating.id();
	}

	public RatingTaskState state() {
		return task().state();
	}

	public Instant openedAt() {
		return task().openedAt();
	}

	public @Nullable Instant closedAt() {
		return task().closedAt();
	}

	public @Nullable String closedBy() {
		return task().closedBy();
	}

	public @Nullable String note() {
		return task().note();
	}

	private CitizenRating.RatingTask task() {
		CitizenRating.RatingTask task = this.rating.task();
		if (task == null) {
			throw new IllegalStateException("A rating without a task: " + this.rating.id());
		}
		return task;
	}

}
