package org.otklik.sla;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The facts about an appeal that its deadlines depend on, and nothing else: agency, executor and redirects
 * are deliberately absent, because a redirect does not restart the clocks.
 *
 * @param receivedAt when Otklik received the appeal; both clocks start here
 * @param pauses intervals during which the clocks stop, in any order, possibly overlapping
 * @param firstRespondedAt when the first reaction was published, if it was
 * @param answeredAt when the final answer was approved, if it was
 * @param reopenedAt when the appeal was last reopened; a new final-answer clock starts here
 * @param extension the extension of the final-answer term, if granted
 */
public record SlaClockInput(Instant receivedAt, List<SlaPause> pauses, Instant firstRespondedAt, Instant answeredAt,
		Instant reopenedAt, SlaExtension extension) {

	public SlaClockInput {
		Objects.requireNonNull(receivedAt, "the time of receipt");
		pauses = (pauses != null) ? List.copyOf(pauses) : List.of();
	}

	/** A new appeal with nothing done yet. */
	public static SlaClockInput received(Instant receivedAt) {
		return new SlaClockInput(receivedAt, List.of(), null, null, null, null);
	}

	public SlaClockInput withPauses(List<SlaPause> pauses) {
		return new SlaClockInput(this.receivedAt, pauses, this.firstRespondedAt, this.answeredAt, this.reopenedAt,
				this.extension);
	}

	public SlaClockInput withFirstResponse(Instant at) {
		return new SlaClockInput(this.receivedAt, this.pauses, at, this.answeredAt, this.reopenedAt, this.extension);
	}

	public SlaClockInput withAnswer(Instant at) {
		return new SlaClockInput(this.receivedAt, this.pauses, this.firstRespondedAt, at, this.reopenedAt, this.extension);
	}

	public SlaClockInput withReopen(Instant at) {
		return new SlaClockInput(this.receivedAt, this.pauses, this.firstRespondedAt, this.answeredAt, at, this.extension);
	}

	public SlaClockInput withExtension(SlaExtension extension) {
		return new SlaClockInput(this.receivedAt, this.pauses, this.firstRespondedAt, this.answeredAt, this.reopenedAt,
				extension);
	}

}
