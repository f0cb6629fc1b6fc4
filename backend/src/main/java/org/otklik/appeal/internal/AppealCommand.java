package org.otklik.appeal.internal;

import org.otklik.appeal.AnswerKind;
import org.otklik.appeal.AnswerQuality;

/**
 * A requested change to an existing appeal, already validated for shape (required fields, lengths);
 * whether it is allowed now is decided by {@link AppealLifecycle}.
 */
public sealed interface AppealCommand {

	AppealAction action();

	/** Not an appeal: spam, ads, thanks, a duplicate. */
	record Reject(String reason) implements AppealCommand {
		public AppealAction action() {
			return AppealAction.REJECT;
		}
	}

	/**
	 * A command that sets parts of the appeal's classification with it (the curator accepted or corrected the
	 * routing suggestion); a null part keeps the appeal's, a blank settlement removes it.
	 */
	sealed interface Classifying extends AppealCommand permits Assign, Reclassify {

		org.otklik.region.@org.jspecify.annotations.Nullable Category category();

		org.otklik.region.@org.jspecify.annotations.Nullable Municipality municipality();

		@org.jspecify.annotations.Nullable String settlement();

		@org.jspecify.annotations.Nullable Boolean urgent();

	}

	/**
	 * Route a new appeal to an agency; a non-null category, municipality, settlement or urgency is written by
	 * the same change.
	 */
	record Assign(String agencyId, org.otklik.region.@org.jspecify.annotations.Nullable Category category,
			org.otklik.region.@org.jspecify.annotations.Nullable Municipality municipality,
			@org.jspecify.annotations.Nullable Boolean urgent, @org.jspecify.annotations.Nullable String settlement)
			implements Classifying {

		/** An assignment that names no settlement. */
		Assign(String agencyId, org.otklik.region.@org.jspecify.annotations.Nullable Category category,
				org.otklik.region.@org.jspecify.annotations.Nullable Municipality municipality,
				@org.jspecify.annotations.Nullable Boolean urgent) {
			this(agencyId, category, municipality, urgent, null);
		}

		/** An assignment that keeps the classification. */
		Assign(String agencyId) {
			this(agencyId, null, null, null, null);
		}

		public AppealAction action() {
			return AppealAction.ASSIGN;
		}
	}

	/** Correct the classification of an appeal without routing it again. */
	record Reclassify(org.otklik.region.@org.jspecify.annotations.Nullable Category category,
			org.otklik.region.@org.jspecify.annotations.Nullable Municipality municipality,
			@org.jspecify.annotations.Nullable String settlement, @org.jspecify.annotations.Nullable Boolean urgent)
			implements Classifying {
		public AppealAction action() {
			return AppealAction.RECLASSIFY;
		}
	}

	/** Move an assigned appeal to another agency. */
	record Redirect(String agencyId, String reason) implements AppealCommand {
		public AppealAction action() {
			return AppealAction.REDIRECT;
		}
	}

	/** The executor takes the appeal into work. */
	record Take() implements AppealCommand {
		public AppealAction action() {
			return AppealAction.TAKE;
		}
	}

	/**
	 * An interim or final answer with the coach's report.
	 *
	 * @param answerId the id the new answer gets
	 * @param blocked whether the region's threshold refuses an answer with this report
	 */
	record SubmitAnswer(String answerId, AnswerKind kind, String text, String clientAnswerId, AnswerQuality quality,
			boolean blocked, boolean held) implements AppealCommand {

		/** An answer the region's settings do not hold. */
		SubmitAnswer(String answerId, AnswerKind kind, String text, String clientAnswerId, AnswerQuality quality,
				boolean blocked) {
			this(answerId, kind, text, clientAnswerId, quality, blocked, false);
		}

		public AppealAction action() {
			return AppealAction.ANSWER;
		}
	}

	/** Approve the final answer under review. */
	record ApproveAnswer(String answerId, @org.jspecify.annotations.Nullable String editedText) implements AppealCommand {

		/** Approval of the text as its author wrote it. */
		ApproveAnswer(String answerId) {
			this(answerId, null);
		}

		public AppealAction action() {
			return AppealAction.APPROVE;
		}
	}

	/** Return the final answer under review for rework. */
	record ReturnAnswer(String answerId, String comment) implements AppealCommand {
		public AppealAction action() {
			return AppealAction.RETURN;
		}
	}

	/** Close an answered appeal. */
	record Close() implements AppealCommand {
		public AppealAction action() {
			return AppealAction.CLOSE;
		}
	}

	/** Reopen an answered, closed or rejected appeal. */
	record Reopen(String reason) implements AppealCommand {
		public AppealAction action() {
			return AppealAction.REOPEN;
		}
	}

	/** Stop the clocks while waiting for the citizen. */
	record Pause(String reason) implements AppealCommand {
		public AppealAction action() {
			return AppealAction.PAUSE;
		}
	}

	/** Restart the clocks after a pause. */
	record Resume() implements AppealCommand {
		public AppealAction action() {
			return AppealAction.RESUME;
		}
	}

	/** Extend the final-answer term once. */
	record Extend(String reason) implements AppealCommand {
		public AppealAction action() {
			return AppealAction.EXTEND;
		}
	}

	/** Announce the oldest SLA threshold the appeal has reached and not announced yet (the SLA check). */
	record AnnounceSla() implements AppealCommand {
		public AppealAction action() {
			return AppealAction.ANNOUNCE_SLA;
		}
	}

	/** A further message of the citizen in the appeal's thread (the channel intake). */
	record AddCitizenMessage(org.otklik.appeal.CitizenMessage message) implements AppealCommand {
		public AppealAction action() {
			return AppealAction.ADD_MESSAGE;
		}
	}

	/** Where a published answer stands in its channel (the channel delivery). */
	record RecordDelivery(String answerId, org.otklik.appeal.Delivery delivery) implements AppealCommand {
		public AppealAction action() {
			return AppealAction.RECORD_DELIVERY;
		}
	}

	/** Someone published an answer by hand in its channel. */
	record MarkPublished(String answerId, @org.jspecify.annotations.Nullable String link) implements AppealCommand {
		public AppealAction action() {
			return AppealAction.MARK_PUBLISHED;
		}
	}

	/**
	 * Hand the appeal to another executor.
	 *
	 * @param to the executor, as the staff directory knows them
	 * @param toAgencyId the agency the directory says they belong to; null when the directory does not know them
	 * @param comment why; required when an executor hands over what they hold
	 */
	record Reassign(org.otklik.appeal.Person to, @org.jspecify.annotations.Nullable String toAgencyId,
			@org.jspecify.annotations.Nullable String comment) implements AppealCommand {
		public AppealAction action() {
			return AppealAction.REASSIGN;
		}
	}

	/** The agency's head becomes the holder. */
	record TakeOver(@org.jspecify.annotations.Nullable String comment) implements AppealCommand {
		public AppealAction action() {
			return AppealAction.TAKE_OVER;
		}
	}

}
