package org.otklik.appeal;

import org.jspecify.annotations.Nullable;
import java.time.Instant;

/**
 * An executor's answer with its review state. {@code clientAnswerId} lets an offline client retry a
 * submission without creating a second answer. When a curator edited it before approving, {@code text} is
 * the edited (published) text and {@code originalText} what its author submitted.
 */
public record Answer(String id, AnswerKind kind, String text, Person author, Instant submittedAt, ReviewState review,
		@Nullable Person reviewedBy, @Nullable Instant reviewedAt, @Nullable String reviewComment, @Nullable String clientAnswerId, @Nullable AnswerQuality quality, @Nullable Delivery delivery,
		@Nullable String originalText, @Nullable Person editedBy, @Nullable Instant editedAt) {

	/** An answer nobody edited. */
	public Answer(String id, AnswerKind kind, String text, Person author, Instant submittedAt, ReviewState review,
			@Nullable Person reviewedBy, @Nullable Instant reviewedAt, @Nullable String reviewComment,
			@Nullable String clientAnswerId, @Nullable AnswerQuality quality, @Nullable Delivery delivery) {
		this(id, kind, text, author, submittedAt, review, reviewedBy, reviewedAt, reviewComment, clientAnswerId, quality,
				delivery, null, null, null);
	}

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
				this.reviewedAt, this.reviewComment, this.clientAnswerId, this.quality, newDelivery, this.originalText,
				this.editedBy, this.editedAt);
	}

	/** Whether it waits for a curator before it is published (a final answer, or an interim one held). */
	public boolean awaitsReview() {
		return this.review == ReviewState.PENDING;
	}

	/** A copy whose text a curator changed; the first version its author wrote is kept. */
	public Answer edited(String newText, Person editor, Instant at) {
		return new Answer(this.id, this.kind, newText, this.author, this.submittedAt, this.review, this.reviewedBy,
				this.reviewedAt, this.reviewComment, this.clientAnswerId, this.quality, this.delivery,
				(this.originalText != null) ? this.originalText : this.text, editor, at);
	}

	public Answer reviewed(ReviewState state, Person reviewer, Instant at, String comment) {
		return new Answer(this.id, this.kind, this.text, this.author, this.submittedAt, state, reviewer, at, comment,
				this.clientAnswerId, this.quality, this.delivery, this.originalText, this.editedBy, this.editedAt);
	}

}
