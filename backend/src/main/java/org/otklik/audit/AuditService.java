package org.otklik.audit;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import org.bson.types.ObjectId;
import org.otklik.appeal.AppealEvent;
import org.otklik.appeal.LastEvent;
import org.otklik.graphql.Connection;
import org.otklik.graphql.Cursors;
import org.otklik.graphql.ErrorDetail;
import org.otklik.graphql.OtklikException;
import org.otklik.security.Caller;
import org.otklik.security.Role;
import reactor.core.publisher.Mono;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.BulkOperationException;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * Records reads of personal data and changes of appeals with the caller's identity, and lets curators
 * search the record. A read is shown only after its entry is stored, so no access goes unrecorded.
 */
@Service
public class AuditService {

	static final int MAX_PAGE = 100;

	private final ReactiveMongoTemplate mongo;

	private final Clock clock;

	public AuditService(ReactiveMongoTemplate mongo, Clock clock) {
		this.mongo = mongo;
		this.clock = clock;
	}

	public Mono<Void> record(Caller caller, AuditAction action, @org.jspecify.annotations.Nullable String appealId,
			String detail) {
		AuditEntry entry = new AuditEntry(null, this.clock.instant().truncatedTo(ChronoUnit.MILLIS), action, caller.id(),
				caller.name(), caller.roles().stream().map(Role::name).sorted().toList(), caller.clientId(), appealId,
				detail, null);
		return this.mongo.insert(entry).then();
	}

	/**
	 * Records a change from the appeal event stream. The event's id is unique in the log, so a delivery
	 * repeated after a crash adds nothing.
	 */
	public Mono<Void> recordChange(AppealEvent event) {
		return this.mongo.insert(entryOf(event)).then().onErrorResume(DuplicateKeyException.class, ex -> Mono.empty());
	}

	/**
	 * Records changes from the event stream with one unordered insert; entries of events recorded before (a
	 * repeat after a crash) are refused by the unique event id and the others are stored all the same.
	 */
	public Mono<Void> recordChanges(List<AppealEvent> events) {
		return this.mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, AuditEntry.class)
			.insert(events.stream().map(AuditService::entryOf).toList())
			.execute()
			.then()
			.onErrorResume(ex -> onlyDuplicates(ex) ? Mono.empty() : Mono.error(ex));
	}

	/** Whether a bulk insert failed only on entries that exist already (as translated or as the driver's). */
	private static boolean onlyDuplicates(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			List<BulkWriteError> errors = (cause instanceof BulkOperationException translated) ? translated.getErrors()
					: (cause instanceof MongoBulkWriteException bulk) ? bulk.getWriteErrors() : null;
			if (errors != null) {
				return errors.stream().allMatch(e -> e.getCategory() == ErrorCategory.DUPLICATE_KEY);
			}
		}
		return false;
	}

	private static AuditEntry entryOf(AppealEvent event) {
		LastEvent.Actor actor = event.meta().actor();
		String reason = reasonOf(event);
		return new AuditEntry(null, event.at(), AuditAction.STATE_CHANGE, (actor != null) ? actor.id() : null,
				(actor != null) ? actor.name() : null,
				(actor != null) ? actor.roles().stream().map(Role::name).sorted().toList() : List.of(),
				(actor != null) ? actor.clientId() : null, event.appeal().id(),
				event.type().name() + ((reason != null) ? ": " + reason : ""), event.id());
	}

	private static String reasonOf(AppealEvent event) {
		if (event instanceof AppealEvent.AppealRejected e) {
			return e.reason();
		}
		if (event instanceof AppealEvent.AppealRedirected e) {
			return e.reason();
		}
		if (event instanceof AppealEvent.AnswerReturned e) {
			return e.comment();
		}
		if (event instanceof AppealEvent.AppealReopened e) {
			return e.reason();
		}
		if (event instanceof AppealEvent.AppealPaused e) {
			return e.reason();
		}
		if (event instanceof AppealEvent.DeadlineExtended e) {
			return e.reason();
		}
		if (event instanceof AppealEvent.AppealReassigned e) {
			// Who handed it to whom is what an audit of a reassignment is asked about.
			return ((e.from() != null) ? e.from().name() : "—") + " → " + e.to().name()
					+ ((e.comment() != null) ? " (" + e.comment() + ")" : "");
		}
		return null;
	}

	/** Newest first; curators only. */
	public Mono<Connection<AuditEntry>> search(Caller caller, AuditFilter filter, Integer first, String after) {
		caller.requireAny(Role.CURATOR);
		int size = (first != null) ? first : 50;
		if (size < 0 || size > MAX_PAGE) {
			return Mono.error(OtklikException.invalidArgument("first must be between 0 and " + MAX_PAGE));
		}
		List<Criteria> all = new ArrayList<>();
		if (filter != null) {
			if (filter.actorId() != null) {
				all.add(Criteria.where("actorId").is(filter.actorId()));
			}
			if (filter.appealId() != null) {
				all.add(Criteria.where("appealId").is(filter.appealId()));
			}
			if (filter.action() != null) {
				all.add(Criteria.where("action").is(filter.action()));
			}
			if (filter.from() != null) {
				all.add(Criteria.where("at").gte(filter.from()));
			}
			if (filter.to() != null) {
				all.add(Criteria.where("at").lt(filter.to()));
			}
		}
		if (after != null && !after.isBlank()) {
			String raw = Cursors.decode(after);
			if (!raw.startsWith("u1:") || !ObjectId.isValid(raw.substring(3))) {
				return Mono.error(new OtklikException(ErrorDetail.INVALID_CURSOR, "Неверный курсор"));
			}
			// ObjectIds grow with insertion time, which is the order entries are written in.
			all.add(Criteria.where("_id").lt(new ObjectId(raw.substring(3))));
		}
		Query query = (all.isEmpty() ? new Query() : new Query(new Criteria().andOperator(all)))
			.with(Sort.by(Sort.Direction.DESC, "_id"))
			.limit(size + 1);
		return this.mongo.find(query, AuditEntry.class).collectList().map(found -> {
			boolean more = found.size() > size;
			List<AuditEntry> page = more ? found.subList(0, size) : found;
			List<Connection.Edge<AuditEntry>> edges = page.stream()
				.map(e -> new Connection.Edge<>(Cursors.encode("u1:" + e.id()), e))
				.toList();
			return new Connection<>(edges, new Connection.PageInfo(more, false,
					edges.isEmpty() ? null : edges.get(0).cursor(), edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor()));
		});
	}

	/** Criteria of the audit search. */
	public record AuditFilter(String actorId, String appealId, AuditAction action, java.time.Instant from,
			java.time.Instant to) {
	}

}
