package org.otklik.appeal.internal;

import java.util.List;
import java.util.Optional;

import com.mongodb.client.model.changestream.ChangeStreamDocument;
import com.mongodb.client.model.changestream.OperationType;
import org.bson.BsonDocument;
import org.bson.BsonTimestamp;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.otklik.appeal.Answer;
import org.otklik.appeal.AnswerKind;
import org.otklik.appeal.Appeal;
import org.otklik.appeal.AppealEvent;
import org.otklik.appeal.AppealEvent.Meta;
import org.otklik.appeal.AppealEventCursor;
import org.otklik.appeal.AppealEventType;
import org.otklik.appeal.CitizenMessage;
import org.otklik.appeal.HistoryEntry;
import org.otklik.appeal.LastEvent;
import org.otklik.appeal.ReviewState;
import org.otklik.sla.SlaClockKind;

/**
 * Turns a change event of the {@code appeals} collection into a typed {@link AppealEvent}: once per
 * change, from the change event's own document, with no read of the appeal. Updates that record no
 * event (the SLA check's refresh of the stored snapshot, which leaves the version alone) yield nothing.
 */
final class AppealEventReader {

	private final AppealStore store;

	AppealEventReader(AppealStore store) {
		this.store = store;
	}

	/** The change's position, or empty when it has none (not an event of ours). */
	static Optional<AppealEventCursor> cursorOf(ChangeStreamDocument<Document> change) {
		BsonDocument token = change.getResumeToken();
		BsonTimestamp time = change.getClusterTime();
		if (token == null || !token.containsKey("_data") || time == null) {
			return Optional.empty();
		}
		return Optional.of(new AppealEventCursor(time.getValue(), token.get("_data").asString().getValue()));
	}

	/**
	 * Whether the change records an event: every insert does, an update only if it raised the version.
	 * Real MongoDB lists the changed fields in {@code updateDescription}; the embedded server reports
	 * an update's {@code $set} as its document instead.
	 */
	static boolean recordsEvent(ChangeStreamDocument<Document> change) {
		OperationType op = change.getOperationType();
		if (op == OperationType.INSERT || op == OperationType.REPLACE) {
			return true;
		}
		if (op != OperationType.UPDATE) {
			return false;
		}
		if (change.getUpdateDescription() != null && change.getUpdateDescription().getUpdatedFields() != null) {
			return change.getUpdateDescription().getUpdatedFields().containsKey("version");
		}
		return change.getFullDocument() != null && change.getFullDocument().containsKey("version");
	}

	/** The document of the appeal after the change, when the change event carries it. */
	static Optional<Document> documentOf(ChangeStreamDocument<Document> change) {
		Document full = change.getFullDocument();
		if (full == null || !(full.get("lastEvent") instanceof Document lastEvent)) {
			return Optional.empty();
		}
		if (!full.containsKey("_id") && lastEvent.getString("appealId") != null) {
			// The embedded server's update events carry the $set without the id.
			full = new Document(full);
			full.put("_id", new ObjectId(lastEvent.getString("appealId")));
		}
		return Optional.of(full);
	}

	/** The typed event for an appeal document as a change left it. */
	AppealEvent toEvent(AppealEventCursor cursor, Document document) {
		return toEvent(cursor, this.store.fromDocument(document));
	}

	static AppealEvent toEvent(AppealEventCursor cursor, Appeal appeal) {
		LastEvent last = appeal.lastEvent();
		if (last == null || last.type() == null) {
			throw new IllegalArgumentException("Appeal " + appeal.id() + " has no last event");
		}
		Meta meta = new Meta(cursor, last.at(), last.actor(), appeal);
		HistoryEntry entry = appeal.history().isEmpty() ? null : appeal.history().get(appeal.history().size() - 1);
		String reason = (last.reason() != null) ? last.reason() : (entry != null) ? entry.reason() : null;
		return switch (last.type()) {
			case RECEIVED -> new AppealEvent.AppealReceived(meta);
			case REJECTED -> new AppealEvent.AppealRejected(meta, reason);
			case ASSIGNED -> new AppealEvent.AppealAssigned(meta, last.agencyId(),
					(entry != null && entry.type() == AppealEventType.ASSIGNED) ? entry.classification() : null);
			case RECLASSIFIED -> new AppealEvent.AppealReclassified(meta,
					(entry != null && entry.type() == AppealEventType.RECLASSIFIED) ? entry.classification() : null);
			case REDIRECTED -> new AppealEvent.AppealRedirected(meta, last.fromAgencyId(), last.agencyId(), reason);
			case TAKEN -> new AppealEvent.AppealTaken(meta, appeal.executor());
			case REASSIGNED -> new AppealEvent.AppealReassigned(meta, (entry != null) ? entry.fromExecutor() : null,
					appeal.executor(), reason);
			case INTERIM_ANSWERED -> new AppealEvent.InterimAnswerPublished(meta, answer(appeal, last, AnswerKind.INTERIM, null));
			case FINAL_SUBMITTED -> new AppealEvent.AnswerSubmitted(meta, answer(appeal, last, AnswerKind.FINAL, ReviewState.PENDING));
			case ANSWER_HELD -> new AppealEvent.AnswerSubmitted(meta, answer(appeal, last, AnswerKind.INTERIM, ReviewState.PENDING));
			case ANSWER_APPROVED -> new AppealEvent.AnswerApproved(meta, answer(appeal, last, AnswerKind.FINAL, ReviewState.APPROVED));
			case ANSWER_RETURNED -> new AppealEvent.AnswerReturned(meta,
					answer(appeal, last, null, ReviewState.RETURNED), reason);
			case CLOSED -> new AppealEvent.AppealClosed(meta);
			case REOPENED -> new AppealEvent.AppealReopened(meta, reason);
			case PAUSED -> new AppealEvent.AppealPaused(meta, reason);
			case RESUMED -> new AppealEvent.AppealResumed(meta);
			case EXTENDED -> new AppealEvent.DeadlineExtended(meta, reason);
			case SLA_AT_RISK -> new AppealEvent.SlaAtRisk(meta, clock(last));
			case SLA_BREACHED -> new AppealEvent.SlaBreached(meta, clock(last));
			case CITIZEN_REPLIED -> citizenReplied(meta, appeal, last);
			case DELIVERY_UPDATED -> new AppealEvent.AnswerDeliveryUpdated(meta,
					appeal.answer(last.answerId()).orElseThrow(() -> new IllegalArgumentException("No answer " + last.answerId())));
		};
	}

	private static AppealEvent citizenReplied(Meta meta, Appeal appeal, LastEvent last) {
		CitizenMessage message = appeal.messages().stream()
			.filter(m -> m.id().equals(last.messageId()))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("No message " + last.messageId()));
		// The message ended a pause if a pause ended at the moment of the change.
		boolean resumed = appeal.sla() != null
				&& appeal.sla().pauses().stream().anyMatch(p -> last.at().equals(p.to()));
		return new AppealEvent.CitizenReplied(meta, message, resumed);
	}

	private static SlaClockKind clock(LastEvent last) {
		SlaClockKind clock = last.alertClock();
		if (clock == null) {
			throw new IllegalArgumentException("SLA alert without a clock");
		}
		return clock;
	}

	/** The answer a change concerns; documents written before typed events name none, so take the newest fit. */
	private static Answer answer(Appeal appeal, LastEvent last, AnswerKind kind, ReviewState review) {
		List<Answer> answers = appeal.answers();
		if (last.answerId() != null) {
			Optional<Answer> named = appeal.answer(last.answerId());
			if (named.isPresent()) {
				return named.get();
			}
		}
		for (int i = answers.size() - 1; i >= 0; i--) {
			Answer a = answers.get(i);
			if ((kind == null || a.kind() == kind) && (review == null || a.review() == review)) {
				return a;
			}
		}
		throw new IllegalArgumentException("Appeal " + appeal.id() + " has no answer for its last event");
	}

}
