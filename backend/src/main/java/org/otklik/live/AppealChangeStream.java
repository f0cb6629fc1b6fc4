package org.otklik.live;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import com.mongodb.client.model.changestream.ChangeStreamDocument;
import com.mongodb.client.model.changestream.OperationType;
import org.bson.BsonDocument;
import org.bson.BsonDocumentReader;
import org.bson.BsonTimestamp;
import org.bson.BsonValue;
import org.bson.Document;
import org.bson.codecs.DecoderContext;
import org.bson.codecs.DocumentCodec;
import org.otklik.appeal.AppealEventType;
import reactor.core.publisher.Flux;
import reactor.util.retry.Retry;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads the {@code appeals} change stream and turns each change into a {@link LiveEvent} without the
 * appeal snapshot. The event's type and agency come from the {@code lastEvent} field written by the same
 * atomic update, so no second read is needed to route it.
 */
@Component
public class AppealChangeStream {

	static final String COLLECTION = "appeals";

	private static final DocumentCodec CODEC = new DocumentCodec();

	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(AppealChangeStream.class);

	private final ReactiveMongoTemplate mongo;

	public AppealChangeStream(ReactiveMongoTemplate mongo) {
		this.mongo = mongo;
	}

	/**
	 * Events from now on, or after the given token. With {@code resilient}, a broken stream reconnects
	 * after the last event it delivered, so a network blip loses nothing.
	 */
	public Flux<LiveEvent> events(String afterTokenKey, boolean resilient) {
		return events(afterTokenKey, null, resilient);
	}

	/**
	 * Events from a cluster time on. The process's main stream starts a little in the past: the watch
	 * cursor opens asynchronously, and starting at a known time means nothing written while it opens
	 * is missed. Cluster time is the primary's clock (seconds), on real MongoDB and the embedded server.
	 */
	public Flux<LiveEvent> eventsSince(Instant startAt) {
		return events(null, new BsonTimestamp((int) startAt.getEpochSecond(), 0), true);
	}

	private Flux<LiveEvent> events(String afterTokenKey, BsonTimestamp startAt, boolean resilient) {
		String[] last = { afterTokenKey };
		Flux<LiveEvent> stream = Flux.defer(() -> this.mongo.getCollection(COLLECTION).flatMapMany(collection -> {
			var publisher = collection.watch();
			if (last[0] != null) {
				publisher = publisher.resumeAfter(EventCursor.token(last[0]));
			}
			else if (startAt != null) {
				publisher = publisher.startAtOperationTime(startAt);
			}
			return Flux.from(publisher);
		}))
			.handle((ChangeStreamDocument<Document> change, reactor.core.publisher.SynchronousSink<LiveEvent> sink) -> {
				LiveEvent event = safely(change);
				if (event != null) {
					last[0] = event.tokenKey();
					sink.next(event);
				}
			});
		if (resilient) {
			stream = stream.retryWhen(Retry.backoff(Long.MAX_VALUE, Duration.ofMillis(200)).maxBackoff(Duration.ofSeconds(10)));
		}
		return stream;
	}

	// One malformed change must not stop the stream (a retry would meet it again and again).
	private static LiveEvent safely(ChangeStreamDocument<Document> change) {
		try {
			return toEvent(change);
		}
		catch (RuntimeException ex) {
			log.warn("Skipping an appeal change that cannot be read: {}", ex.toString());
			return null;
		}
	}

	static LiveEvent toEvent(ChangeStreamDocument<Document> change) {
		OperationType op = change.getOperationType();
		if (op != OperationType.INSERT && op != OperationType.UPDATE && op != OperationType.REPLACE) {
			return null;
		}
		BsonDocument token = change.getResumeToken();
		if (token == null || !token.containsKey("_data")) {
			return null;
		}
		Document lastEvent = lastEvent(change);
		if (lastEvent == null || lastEvent.getString("appealId") == null) {
			return null;
		}
		String appealId = lastEvent.getString("appealId");
		Date at = lastEvent.getDate("at");
		return new LiveEvent(token.get("_data").asString().getValue(), appealId,
				AppealEventType.valueOf(lastEvent.getString("type")), (at != null) ? at.toInstant() : Instant.now(),
				lastEvent.getString("agencyId"), lastEvent.getString("fromAgencyId"), lastEvent.getString("detail"), null);
	}

	// Real MongoDB reports the fields an update set in updateDescription; the embedded server leaves it
	// null and puts them into fullDocument instead. Both carry the lastEvent written by the update.
	private static Document lastEvent(ChangeStreamDocument<Document> change) {
		if (change.getUpdateDescription() != null && change.getUpdateDescription().getUpdatedFields() != null) {
			BsonValue value = change.getUpdateDescription().getUpdatedFields().get("lastEvent");
			if (value != null && value.isDocument()) {
				return CODEC.decode(new BsonDocumentReader(value.asDocument()), DecoderContext.builder().build());
			}
		}
		Document full = change.getFullDocument();
		if (full != null && full.get("lastEvent") instanceof Document event) {
			return event;
		}
		return null;
	}

}
