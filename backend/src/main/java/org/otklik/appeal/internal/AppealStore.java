package org.otklik.appeal.internal;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;

import org.bson.Document;
import org.bson.types.ObjectId;
import org.otklik.appeal.Appeal;
import org.otklik.appeal.Channel;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The one writer of the {@code appeals} collection: inserts new appeals and stores a change as one
 * update guarded by the version the rules were checked against. It is the only class that turns an
 * appeal change into a MongoDB update.
 * <p>
 * A change sets every field of the new appeal (nulls included) rather than the fields that changed, for
 * two reasons: the event stream then reads the complete appeal from the change event itself on both
 * servers (the embedded server reports an update's {@code $set} as its full document; real MongoDB sends
 * the post-image), and no rule ever has to be written twice, once as domain logic and once as a partial
 * update. It is a plain {@code updateOne}, not {@code findAndModify}, which the embedded server leaves out
 * of its oplog. See ADR 0001 and ADR 0006.
 */
@Component
public class AppealStore {

	static final String COLLECTION = "appeals";

	/** Top-level fields of the document, so that a null in the new appeal is written as a null. */
	private static final List<String> FIELDS = Arrays.stream(Appeal.class.getRecordComponents())
		.map(RecordComponent::getName)
		.filter(name -> !name.equals("id"))
		.toList();

	private final ReactiveMongoTemplate mongo;

	public AppealStore(ReactiveMongoTemplate mongo) {
		this.mongo = mongo;
	}

	public Mono<Appeal> findById(String id) {
		if (id == null || !ObjectId.isValid(id)) {
			return Mono.empty();
		}
		return this.mongo.findById(id, Appeal.class, COLLECTION);
	}

	public Mono<Appeal> findByChannelAndExternalId(Channel channel, String externalId) {
		return this.mongo.findOne(Query.query(Criteria.where("channel").is(channel).and("externalId").is(externalId)),
				Appeal.class, COLLECTION);
	}

	/** The newest open appeal of a channel thread. */
	public Mono<Appeal> findOpenInThread(Channel channel, String threadKey) {
		java.util.List<org.otklik.appeal.AppealStatus> open = java.util.Arrays.stream(org.otklik.appeal.AppealStatus.values())
			.filter(org.otklik.appeal.AppealStatus::isOpen)
			.toList();
		return this.mongo.findOne(Query.query(Criteria.where("source.threadKey").is(threadKey).and("channel").is(channel)
			.and("status").in(open)).with(org.springframework.data.domain.Sort.by(org.springframework.data.domain.Sort.Direction.DESC, "receivedAt")),
				Appeal.class, COLLECTION);
	}

	/** Stores a new appeal; a repeat of (channel, externalId) fails with {@code DuplicateKeyException}. */
	public Mono<Appeal> insert(Appeal appeal) {
		return this.mongo.insert(appeal, COLLECTION);
	}

	/**
	 * Stores appeals whose story happened elsewhere (the demo region, a migration), in one batch, leaving
	 * out those whose (channel, externalId) is already stored: an interrupted import can simply be run again.
	 */
	public Mono<Long> insertAll(java.util.List<Appeal> appeals) {
		return notStored(appeals)
			.flatMap(fresh -> fresh.isEmpty() ? Mono.just(0L) : this.mongo.insert(fresh, COLLECTION).count());
	}

	/** The appeals of the list whose (channel, externalId) is not stored yet, in the list's order. */
	Mono<List<Appeal>> notStored(List<Appeal> appeals) {
		List<String> externalIds = appeals.stream().map(Appeal::externalId).toList();
		Query stored = Query.query(Criteria.where("externalId").in(externalIds));
		stored.fields().include("channel", "externalId");
		return this.mongo.find(stored, Document.class, COLLECTION)
			.map(doc -> doc.getString("channel") + "\u0000" + doc.getString("externalId"))
			.collect(java.util.stream.Collectors.toSet())
			.map(existing -> appeals.stream()
				.filter(a -> !existing.contains(a.channel().name() + "\u0000" + a.externalId()))
				.toList());
	}

	/**
	 * Stores {@code after} if the stored appeal still has {@code before}'s version.
	 *
	 * @return {@code after}, or empty when someone else changed the appeal in between
	 */
	public Mono<Appeal> replace(Appeal before, Appeal after) {
		if (after.version() != before.version() + 1 || !after.id().equals(before.id())) {
			return Mono.error(new IllegalArgumentException("A change must raise the version of the same appeal by one"));
		}
		Query guard = Query.query(Criteria.where("_id").is(new ObjectId(before.id())).and("version").is(before.version()));
		return this.mongo.getCollection(COLLECTION)
			.flatMap(collection -> Mono.from(collection.updateOne(guard.getQueryObject(), setAll(after))))
			.filter(result -> result.getModifiedCount() == 1)
			.map(result -> after);
	}

	/** {@code $set} of every field, with explicit nulls, so that the stored document equals {@code appeal}. */
	Document setAll(Appeal appeal) {
		Document fields = toDocument(appeal);
		fields.remove("_id");
		for (String field : FIELDS) {
			fields.putIfAbsent(field, null);
		}
		if (appeal.number() == null) {
			// An appeal read before the startup backfill numbered it must not erase the number it got since.
			fields.remove("number");
		}
		return new Document("$set", fields);
	}

	Document toDocument(Appeal appeal) {
		Document document = new Document();
		this.mongo.getConverter().write(appeal, document);
		return document;
	}

	/** The appeal a stored (or change-event) document describes. */
	public Appeal fromDocument(Document document) {
		return this.mongo.getConverter().read(Appeal.class, document);
	}

	/** Appeals stored before numbers existed (or imported without one), oldest first. */
	Flux<Appeal> withoutNumber() {
		return this.mongo.find(Query.query(Criteria.where("number").is(null))
			.with(org.springframework.data.domain.Sort.by("receivedAt", "_id")), Appeal.class, COLLECTION);
	}

	/**
	 * Gives an appeal that has none its number. Like the SLA refresh it leaves the version alone, so it is
	 * no event and races no change; another instance's backfill that got there first wins.
	 *
	 * @return whether this call set it
	 */
	Mono<Boolean> assignNumber(Appeal appeal, String number) {
		// Imported and seeded appeals may carry ids that are not ObjectIds; the mapping stores those as strings.
		Object id = ObjectId.isValid(appeal.id()) ? new ObjectId(appeal.id()) : appeal.id();
		Query guard = Query.query(Criteria.where("_id").is(id).and("number").is(null));
		return this.mongo.updateFirst(guard, new Update().set("number", number), COLLECTION)
			.map(result -> result.getModifiedCount() == 1);
	}

	/** Applies an update to appeals matching a query; for the stored SLA refresh, which changes no fact. */
	Mono<Long> refreshSla(Appeal appeal, org.otklik.appeal.SlaSnapshot sla) {
		Query guard = Query.query(Criteria.where("_id").is(appeal.id()).and("version").is(appeal.version()));
		return this.mongo.updateFirst(guard, new Update().set("sla", sla), Appeal.class, COLLECTION)
			.map(result -> result.getModifiedCount());
	}

}
