package org.otklik.appeal;

import org.jspecify.annotations.Nullable;
import java.time.Instant;

import org.otklik.sla.SlaClockKind;
import org.otklik.sla.SlaState;

/**
 * Something that happened to an appeal, in the past tense, as the one event stream delivers it: built
 * once per change from the change stream, with the appeal exactly as that change left it. {@code live}
 * fans it out to subscribers, {@code audit} records it, and every other consumer (channel delivery, push,
 * webhooks, incident grouping) reads the same events.
 */
public sealed interface AppealEvent permits AppealEvent.AppealReceived, AppealEvent.AppealRejected,
		AppealEvent.AppealAssigned, AppealEvent.AppealRedirected, AppealEvent.AppealTaken,
		AppealEvent.InterimAnswerPublished, AppealEvent.AnswerSubmitted, AppealEvent.AnswerApproved,
		AppealEvent.AnswerReturned, AppealEvent.AppealClosed, AppealEvent.AppealReopened, AppealEvent.AppealPaused,
		AppealEvent.AppealResumed, AppealEvent.DeadlineExtended, AppealEvent.SlaAtRisk, AppealEvent.SlaBreached,
		AppealEvent.CitizenReplied, AppealEvent.AnswerDeliveryUpdated, AppealEvent.AppealReassigned,
		AppealEvent.AppealReclassified {

	/** What every event carries. */
	Meta meta();

	/** The kind of change, as recorded in the appeal's history. */
	AppealEventType type();

	/** Where the event stands in the stream; pass it back to resume after it. */
	default AppealEventCursor cursor() {
		return meta().cursor();
	}

	/** The appeal as this change left it. */
	default Appeal appeal() {
		return meta().appeal();
	}

	default Instant at() {
		return meta().at();
	}

	/**
	 * A stable identity of the event, the same on every instance and after every replay: consumers use it
	 * as the idempotency key of their effects.
	 */
	default String id() {
		return meta().appeal().id() + ":" + meta().appeal().version();
	}

	/** The agency responsible after the change. */
	default String agencyId() {
		return meta().appeal().agencyId();
	}

	/**
	 * @param cursor the event's position in the stream
	 * @param at when the change happened
	 * @param actor who made it
	 * @param appeal the appeal after the change (its version is the version this change produced)
	 */
	record Meta(AppealEventCursor cursor, Instant at, LastEvent.@Nullable Actor actor, Appeal appeal) {
	}

	/** A new appeal arrived. */
	record AppealReceived(Meta meta) implements AppealEvent {
		public AppealEventType type() {
			return AppealEventType.RECEIVED;
		}
	}

	/** The ЦУР rejected it as not an appeal. */
	record AppealRejected(Meta meta, String reason) implements AppealEvent {
		public AppealEventType type() {
			return AppealEventType.REJECTED;
		}
	}

	/**
	 * The ЦУР routed it to an agency.
	 *
	 * @param classification what the assignment corrected of category, municipality and urgency; null when
	 *                       it kept them (the appeal in {@code meta} already has the new values)
	 */
	record AppealAssigned(Meta meta, String toAgencyId, @Nullable ClassificationChange classification)
			implements AppealEvent {

		/** An assignment that kept the classification. */
		public AppealAssigned(Meta meta, String toAgencyId) {
			this(meta, toAgencyId, null);
		}

		public AppealEventType type() {
			return AppealEventType.ASSIGNED;
		}
	}

	/**
	 * A curator corrected the classification without routing the appeal again.
	 *
	 * @param classification what changed (the appeal in {@code meta} already has the new values)
	 */
	record AppealReclassified(Meta meta, ClassificationChange classification) implements AppealEvent {
		public AppealEventType type() {
			return AppealEventType.RECLASSIFIED;
		}
	}

	/** It moved from one agency to another. */
	record AppealRedirected(Meta meta, String fromAgencyId, String toAgencyId, String reason) implements AppealEvent {
		public AppealEventType type() {
			return AppealEventType.REDIRECTED;
		}
	}

	/** An executor took it into work. */
	record AppealTaken(Meta meta, Person executor) implements AppealEvent {
		public AppealEventType type() {
			return AppealEventType.TAKEN;
		}
	}

	/** An interim answer was published (no review). */
	record InterimAnswerPublished(Meta meta, Answer answer) implements AppealEvent {
		public AppealEventType type() {
			return AppealEventType.INTERIM_ANSWERED;
		}
	}

	/** An answer was submitted and waits for review: a final one, or an interim one the region's settings held. */
	record AnswerSubmitted(Meta meta, Answer answer) implements AppealEvent {
		public AppealEventType type() {
			return (answer.kind() == AnswerKind.INTERIM) ? AppealEventType.ANSWER_HELD : AppealEventType.FINAL_SUBMITTED;
		}
	}

	/** The final answer was approved: it may now be published to the citizen. */
	record AnswerApproved(Meta meta, Answer answer) implements AppealEvent {
		public AppealEventType type() {
			return AppealEventType.ANSWER_APPROVED;
		}
	}

	/** The final answer was returned for rework. */
	record AnswerReturned(Meta meta, Answer answer, String comment) implements AppealEvent {
		public AppealEventType type() {
			return AppealEventType.ANSWER_RETURNED;
		}
	}

	/** The appeal was closed. */
	record AppealClosed(Meta meta) implements AppealEvent {
		public AppealEventType type() {
			return AppealEventType.CLOSED;
		}
	}

	/** The appeal was reopened. */
	record AppealReopened(Meta meta, String reason) implements AppealEvent {
		public AppealEventType type() {
			return AppealEventType.REOPENED;
		}
	}

	/** Both clocks stopped while waiting for the citizen. */
	record AppealPaused(Meta meta, String reason) implements AppealEvent {
		public AppealEventType type() {
			return AppealEventType.PAUSED;
		}
	}

	/** The clocks run again. */
	record AppealResumed(Meta meta) implements AppealEvent {
		public AppealEventType type() {
			return AppealEventType.RESUMED;
		}
	}

	/** The final-answer term was extended once. */
	record DeadlineExtended(Meta meta, String reason) implements AppealEvent {
		public AppealEventType type() {
			return AppealEventType.EXTENDED;
		}
	}

	/** A clock reached its at-risk threshold. */
	record SlaAtRisk(Meta meta, SlaClockKind clock) implements AppealEvent {
		public AppealEventType type() {
			return AppealEventType.SLA_AT_RISK;
		}

		public SlaState state() {
			return SlaState.AT_RISK;
		}
	}

	/** A clock passed its deadline. */
	record SlaBreached(Meta meta, SlaClockKind clock) implements AppealEvent {
		public AppealEventType type() {
			return AppealEventType.SLA_BREACHED;
		}

		public SlaState state() {
			return SlaState.BREACHED;
		}
	}

	/**
	 * The citizen wrote again in the appeal's thread.
	 *
	 * @param resumedClocks whether the message ended a pause that waited for the citizen
	 */
	record CitizenReplied(Meta meta, CitizenMessage message, boolean resumedClocks) implements AppealEvent {
		public AppealEventType type() {
			return AppealEventType.CITIZEN_REPLIED;
		}
	}

	/** A published answer moved on its way to the citizen's channel (sent, failed, published by hand). */
	record AnswerDeliveryUpdated(Meta meta, Answer answer) implements AppealEvent {
		public AppealEventType type() {
			return AppealEventType.DELIVERY_UPDATED;
		}
	}

	/**
	 * The appeal changed hands within its agency: a curator or the head reassigned it, the holder handed
	 * it to a colleague, or the head took it over.
	 *
	 * @param from who held it before; null when nobody did
	 * @param to who holds it now
	 * @param comment why, as given (null when none was required and none given)
	 */
	record AppealReassigned(Meta meta, @Nullable Person from, Person to, @Nullable String comment) implements AppealEvent {
		public AppealEventType type() {
			return AppealEventType.REASSIGNED;
		}
	}

}
