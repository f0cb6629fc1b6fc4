package org.otklik.appeal;

import org.jspecify.annotations.Nullable;
import java.time.Instant;

/**
 * An executor's answer with its review state. {@code clientAnswerId} lets an offline client retry a
 * submission without creating a second answer.
 */
public record Answer(String id, AnswerKind kind, String text, Person author, Instant submittedAt, ReviewState review,
		@Nullable Person reviewedBy, @Nullable Instant reviewedAt, @Nullable String reviewComment, @Nullable String clientAnswerId, @Nullable AnswerQuality quality, @Nullable Delivery delivery) {

	/** An answer not (yet) published to a channel. */
	public Answer(String id, AnswerKind kind, String text, Person author, Instant submittedAt, ReviewState review,
			@Nullable Person reviewedBy, @Nullable Instant reviewedAt, @Nullable String reviewComment,
			@Nullable String clientAnswerId, @Nullable AnswerQuality quality) {
		this(id, kind, text, author, submittedAt, review, reviewedBy, reviewedAt, reviewComment, clientAnswerId, quality,
				null);
	}

	/** A copy on its way to the citizen. */
	public Answer withDelivery(@Nullable Delivery newDelivery) {
		return new Answer(this.id, this.kind, this.text, this.author, this.submittedAt, this.review, this.reviewedBy,
				this.reviewedAt, this.reviewComment, this.clientAnswerId, this.quality, newDelivery);
	}

	public Answer reviewed(ReviewState state, Person reviewer, Instant at, String comment) {
		return new Answer(this.id, this.kind, this.text, this.author, this.submittedAt, state, reviewer, at, comment,
				this.clientAnswerId, this.quality, this.delivery);
	}

}
