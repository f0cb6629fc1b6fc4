package org.otklik.appeal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.bson.Document;
import org.bson.types.ObjectId;
import org.jspecify.annotations.Nullable;
import org.otklik.region.Category;
import org.otklik.region.Municipality;
import org.otklik.security.Role;
import org.otklik.sla.SlaClockKind;
import org.otklik.sla.SlaState;
import reactor.core.publisher.Flux;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.convert.MongoConverter;
import org.springframework.data.mongodb.core.convert.QueryMapper;
import org.springframework.data.mongodb.core.mapping.MongoPersistentEntity;
import org.springframework.data.mongodb.core.query.Query;

/**
 * Finds summary appeals (without the lists {@link AppealSearch#SUMMARY_OMITS}) and maps each stored document
 * to an {@link Appeal} by hand. Spring Data's generic mapping looked up each of the 31 properties, its value
 * converters and conversion targets per document, a sixth of a queue page's CPU; this reads the summary's
 * fields directly.
 * The query, sort and projection are still mapped against the {@link Appeal} entity as the template maps
 * them. A document that holds any of the omitted lists goes to the converter whole.
 */
final class AppealSummaryReader {

	/** The stored fields {@link #read} reads itself; a test keeps this equal to the mapping's field names. */
	static final Set<String> READ_FIELDS = Set.of("_id", "version", "status", "channel", "externalId", "url",
			"postedAt", "text", "author", "municipality", "category", "urgent", "reach", "agencyId", "executor",
			"redirectCount", "returnCount", "receivedAt", "firstRespondedAt", "answeredAt", "closedAt", "reopenedAt",
			"ingestedBy", "lastEvent", "sla", "source", "number", "answers", "history", "messages", "searchTerms",
			"settlement");

	private final ReactiveMongoTemplate mongo;

	private final MongoConverter converter;

	private final QueryMapper queries;

	private final MongoPersistentEntity<?> entity;

	AppealSummaryReader(ReactiveMongoTemplate mongo) {
		this.mongo = mongo;
		this.converter = mongo.getConverter();
		this.queries = new QueryMapper(this.converter);
		this.entity = this.converter.getMappingContext().getRequiredPersistentEntity(Appeal.class);
	}

	/** The appeals the query finds, its filter, sort, projection and limit mapped as the template would. */
	Flux<Appeal> find(Query query) {
		Document filter = this.queries.getMappedObject(query.getQueryObject(), this.entity);
		Document sort = this.queries.getMappedSort(query.getSortObject(), this.entity);
		Document fields = this.queries.getMappedFields(query.getFieldsObject(), this.entity);
		int limit = query.getLimit();
		return this.mongo.execute(Appeal.class, collection -> collection.find(filter)
			.projection(fields.isEmpty() ? null : fields)
			.sort(sort.isEmpty() ? null : sort)
			.limit(limit)).map(this::read);
	}

	Appeal read(Document doc) {
		for (String list : AppealSearch.SUMMARY_OMITS) {
			if (doc.get(list) instanceof List<?> values && !values.isEmpty()) {
				return this.converter.read(Appeal.class, doc);
			}
		}
		return new Appeal(id(doc.get("_id")), longOf(doc.get("version")), enumOf(AppealStatus.class, doc.get("status")),
				enumOf(Channel.class, doc.get("channel")), doc.getString("externalId"), doc.getString("url"),
				instant(doc.get("postedAt")), doc.getString("text"), author(doc.get("author")),
				enumOf(Municipality.class, doc.get("municipality")), enumOf(Category.class, doc.get("category")),
				Boolean.TRUE.equals(doc.get("urgent")), reach(doc.get("reach")), doc.getString("agencyId"),
				person(doc.get("executor")), List.of(), List.of(), intOf(doc.get("redirectCount")),
				intOf(doc.get("returnCount")), instant(doc.get("receivedAt")), instant(doc.get("firstRespondedAt")),
				instant(doc.get("answeredAt")), instant(doc.get("closedAt")), instant(doc.get("reopenedAt")), List.of(),
				doc.getString("ingestedBy"), lastEvent(doc.get("lastEvent")), sla(doc.get("sla")),
				source(doc.get("source")), List.of(), doc.getString("number"), doc.getString("settlement"));
	}

	private static @Nullable LastEvent lastEvent(@Nullable Object value) {
		if (!(value instanceof Document doc)) {
			return null;
		}
		LastEvent.Actor actor = null;
		if (doc.get("actor") instanceof Document a) {
			Set<Role> roles = new LinkedHashSet<>();
			if (a.get("roles") instanceof List<?> stored) {
				for (Object role : stored) {
					roles.add(enumOf(Role.class, role));
				}
			}
			actor = new LastEvent.Actor(id(a.get("_id")), a.getString("name"), roles, a.getString("clientId"));
		}
		return new LastEvent(doc.getString("appealId"), enumOf(AppealEventType.class, doc.get("type")), instant(doc.get("at")),
				doc.getString("agencyId"), doc.getString("fromAgencyId"), longOf(doc.get("version")), doc.getString("detail"),
				actor, doc.getString("reason"), doc.getString("answerId"), enumOf(SlaClockKind.class, doc.get("clock")),
				enumOf(SlaState.class, doc.get("state")), doc.getString("messageId"));
	}

	private static @Nullable ChannelSource source(@Nullable Object value) {
		if (!(value instanceof Document doc)) {
			return null;
		}
		ChannelSource.ReplyTarget target = (doc.get("replyTarget") instanceof Document t)
				? new ChannelSource.ReplyTarget(enumOf(ChannelSource.ReplyKind.class, t.get("kind")), t.getString("chatId"),
						t.getString("postId"), t.getString("messageId"))
				: null;
		return new ChannelSource(doc.getString("accountId"), target, doc.getString("threadKey"));
	}

	private static @Nullable SlaSnapshot sla(@Nullable Object value) {
		if (!(value instanceof Document doc)) {
			return null;
		}
		List<SlaSnapshot.Pause> pauses = new ArrayList<>();
		if (doc.get("pauses") instanceof List<?> stored) {
			for (Object pause : stored) {
				if (pause instanceof Document p) {
					pauses.add(new SlaSnapshot.Pause(instant(p.get("from")), instant(p.get("to")), p.getString("reason"),
							person(p.get("by"))));
				}
			}
		}
		List<String> announced = new ArrayList<>();
		if (doc.get("announced") instanceof List<?> stored) {
			for (Object each : stored) {
				announced.add((String) each);
			}
		}
		return new SlaSnapshot(doc.getString("policyCode"), doc.getString("zone"), instant(doc.get("firstResponseDueAt")),
				instant(doc.get("finalAnswerDueAt")), (Boolean) doc.get("firstResponseMet"),
				(Boolean) doc.get("finalAnswerMet"), boxedLong(doc.get("firstResponseBusinessSeconds")),
				boxedLong(doc.get("firstResponseCalendarSeconds")), boxedLong(doc.get("finalAnswerBusinessSeconds")),
				boxedLong(doc.get("finalAnswerCalendarSeconds")), pauses, instant(doc.get("nextAlertAt")), announced,
				doc.getString("extensionReason"), instant(doc.get("extendedAt")), instant(doc.get("nextDueAt")));
	}

	private static @Nullable Author author(@Nullable Object value) {
		return (value instanceof Document doc) ? new Author(doc.getString("name"), doc.getString("profileUrl")) : null;
	}

	private static @Nullable Person person(@Nullable Object value) {
		// Spring Data stores a property named id as _id, in embedded documents too.
		return (value instanceof Document doc) ? new Person(id(doc.get("_id")), doc.getString("name")) : null;
	}

	private static @Nullable Reach reach(@Nullable Object value) {
		return (value instanceof Document doc)
				? new Reach(intOf(doc.get("views")), intOf(doc.get("likes")), intOf(doc.get("comments"))) : null;
	}

	private static @Nullable String id(@Nullable Object value) {
		return (value instanceof ObjectId objectId) ? objectId.toHexString() : (String) value;
	}

	private static @Nullable Instant instant(@Nullable Object value) {
		return (value instanceof Date date) ? date.toInstant() : (Instant) value;
	}

	private static <E extends Enum<E>> @Nullable E enumOf(Class<E> type, @Nullable Object value) {
		return (value != null) ? Enum.valueOf(type, value.toString()) : null;
	}

	private static long longOf(@Nullable Object value) {
		return (value != null) ? ((Number) value).longValue() : 0;
	}

	private static int intOf(@Nullable Object value) {
		return (value != null) ? ((Number) value).intValue() : 0;
	}

	private static @Nullable Long boxedLong(@Nullable Object value) {
		return (value != null) ? ((Number) value).longValue() : null;
	}

}
