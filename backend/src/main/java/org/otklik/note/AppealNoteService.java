package org.otklik.note;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bson.types.ObjectId;
import org.otklik.appeal.Appeal;
import org.otklik.appeal.AppealAccess;
import org.otklik.appeal.AppealService;
import org.otklik.appeal.Person;
import org.otklik.graphql.UserError;
import org.otklik.graphql.UserErrorCode;
import org.otklik.security.Caller;
import org.otklik.security.Role;
import reactor.core.publisher.Mono;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * Adds and lists internal notes. Who may: curators, and the executors and head of the appeal's agency
 * (whoever of them can see the appeal); integrators never, whatever appeals they may read.
 */
@Service
public class AppealNoteService {

	static final String COLLECTION = "appealNotes";

	/** Longest note, in characters. */
	static final int MAX_TEXT = 2_000;

	private static final Role[] STAFF = { Role.CURATOR, Role.HEAD, Role.EXECUTOR };

	private final ReactiveMongoTemplate mongo;

	private final AppealService appeals;

	private final AppealAccess access;

	private final Clock clock;

	public AppealNoteService(ReactiveMongoTemplate mongo, AppealService appeals, AppealAccess access, Clock clock) {
		this.mongo = mongo;
		this.appeals = appeals;
		this.access = access;
		this.clock = clock;
	}

	/** Input of {@code addAppealNote}. */
	public record AddAppealNoteInput(String appealId, String text) {
	}

	/** Result of {@code addAppealNote}. */
	public record AddAppealNotePayload(AppealNote note, List<UserError> errors) {
	}

	/** Adds a note to an appeal the caller (staff) may see. */
	public Mono<AddAppealNotePayload> add(Caller caller, AddAppealNoteInput input) {
		caller.requireAny(STAFF);
		List<UserError> errors = new ArrayList<>();
		String text = (input.text() != null) ? input.text().strip() : "";
		if (text.isEmpty()) {
			errors.add(UserError.required("text", "Напишите заметку"));
		}
		else if (text.length() > MAX_TEXT) {
			errors.add(UserError.of(UserErrorCode.TOO_LONG, "text", "Заметка длиннее " + MAX_TEXT + " символов"));
		}
		if (!errors.isEmpty()) {
			return Mono.just(new AddAppealNotePayload(null, errors));
		}
		return this.appeals.appeal(caller, input.appealId())
			.flatMap(appeal -> {
				AppealNote note = new AppealNote(new ObjectId().toHexString(), appeal.id(), text,
						new Person(caller.id(), caller.name()), Instant.now(this.clock).truncatedTo(ChronoUnit.MILLIS));
				return this.mongo.insert(note, COLLECTION).map(saved -> new AddAppealNotePayload(saved, List.of()));
			})
			.defaultIfEmpty(new AddAppealNotePayload(null, List.of(UserError.notFound("appealId"))));
	}

	/**
	 * The notes of each appeal, oldest first, for a page of appeals in one query: empty for callers who
	 * may not read notes (integrators) and for appeals they may not see.
	 */
	public Mono<Map<Appeal, List<AppealNote>>> notes(Caller caller, List<Appeal> appeals) {
		Map<Appeal, List<AppealNote>> none = new LinkedHashMap<>();
		appeals.forEach(a -> none.put(a, List.of()));
		if (!(caller.has(Role.CURATOR) || caller.has(Role.HEAD) || caller.has(Role.EXECUTOR)) || appeals.isEmpty()) {
			return Mono.just(none);
		}
		List<String> ids = appeals.stream().map(Appeal::id).toList();
		return this.mongo
			.find(Query.query(Criteria.where("appealId").in(ids)).with(Sort.by("createdAt", "_id")), AppealNote.class,
					COLLECTION)
			.collectList()
			.flatMap(found -> reactor.core.publisher.Flux.fromIterable(appeals)
				.concatMap(appeal -> this.access.canRead(caller, appeal).map(visible -> Map.entry(appeal, visible)))
				.collectList()
				.map(visibility -> {
					Map<Appeal, List<AppealNote>> all = new LinkedHashMap<>();
					for (Map.Entry<Appeal, Boolean> entry : visibility) {
						Appeal appeal = entry.getKey();
						all.put(appeal, entry.getValue()
								? found.stream().filter(n -> n.appealId().equals(appeal.id())).toList() : List.of());
					}
					return all;
				}));
	}

}
