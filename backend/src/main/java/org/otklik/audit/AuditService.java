package org.otklik.audit;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.bson.types.ObjectId;
import org.otklik.graphql.Connection;
import org.otklik.graphql.Cursors;
import org.otklik.graphql.ErrorDetail;
import org.otklik.graphql.OtklikException;
import org.otklik.security.Caller;
import org.otklik.security.Role;
import reactor.core.publisher.Mono;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * Records reads of personal data and changes of appeals with the caller's identity, and lets curators
 * search the record. A read is shown only after its entry is stored, so no access goes unrecorded.
 */
@Service
public class AuditService {

	static final int MAX_PAGE = 100;

	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(AuditService.class);

	private final ReactiveMongoTemplate mongo;

	private final Clock clock;

	public AuditService(ReactiveMongoTemplate mongo, Clock clock) {
		this.mongo = mongo;
		this.clock = clock;
	}

	public Mono<Void> record(Caller caller, AuditAction action, String appealId, String detail) {
		AuditEntry entry = new AuditEntry(null, this.clock.instant().truncatedTo(ChronoUnit.MILLIS), action, caller.id(),
				caller.name(), caller.roles().stream().map(Role::name).sorted().toList(), caller.clientId(), appealId,
				detail);
		return this.mongo.insert(entry).then();
	}

	/**
	 * Records a change. The appeal's own history is the authoritative record of changes, so a failure
	 * here is logged rather than reported as a failed change that in fact happened.
	 */
	public Mono<Void> recordChange(Caller caller, String appealId, String detail) {
		return record(caller, AuditAction.STATE_CHANGE, appealId, detail).onErrorResume(ex -> {
			log.warn("Audit entry for a change of appeal {} was not stored: {}", appealId, ex.toString());
			return Mono.empty();
		});
	}

	/** Newest first; curators only. */
	public Mono<Connection<AuditEntry>> search(Caller caller, AuditFilter filter, Integer first, String after) {
		if (!caller.isCurator()) {
			return Mono.error(new AccessDeniedException("Curators only"));
		}
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
