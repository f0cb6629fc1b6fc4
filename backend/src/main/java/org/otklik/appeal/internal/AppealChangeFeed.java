package org.otklik.appeal.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import com.mongodb.MongoCommandException;
import com.mongodb.client.model.changestream.ChangeStreamDocument;
import com.mongodb.client.model.changestream.FullDocument;
import org.bson.BsonDocument;
import org.bson.BsonString;
import org.bson.BsonTimestamp;
import org.bson.Document;
import org.otklik.appeal.AppealEvent;
import org.otklik.appeal.AppealEventCursor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads the {@code appeals} change stream as typed events. Each event is built once, from the appeal
 * document the change event carries: on the embedded server the update's {@code $set}, which the writer
 * makes complete; on real MongoDB 6+ the post-image, switched on for the collection at start. Only where
 * neither is available (an older MongoDB) is the appeal read back, and counted.
 */
@Component
public class AppealChangeFeed {

	private static final Logger log = LoggerFactory.getLogger(AppealChangeFeed.class);

	private final ReactiveMongoTemplate mongo;

	private final AppealStore store;

	private final AppealEventReader reader;

	private final AtomicLong readBacks = new AtomicLong();

	public AppealChangeFeed(ReactiveMongoTemplate mongo, AppealStore store) {
		this.mongo = mongo;
		this.store = store;
		this.reader = new AppealEventReader(store);
	}

	/**
	 * Asks the server to keep post-images of appeal changes (MongoDB 6.0+), so that every change event
	 * carries the appeal as that change left it. The embedded server has no such option and needs none.
	 */
	public Mono<Void> enablePostImages() {
		// Asked only of servers that can have them: the embedded server reports an older version, and an
		// unknown command would be logged as an error there.
		return this.mongo.executeCommand(new Document("buildInfo", 1)).flatMap(info -> {
			List<?> version = info.getList("versionArray", Object.class, List.of());
			int major = (!version.isEmpty() && version.get(0) instanceof Number n) ? n.intValue() : 0;
			if (major < 6) {
				log.info("The database reports version {}: no change-stream post-images before 6.0, so update events "
						+ "carry the update itself (complete on the embedded server, read back on an older MongoDB)",
						info.getString("version"));
				return Mono.empty();
			}
			Document command = new Document("collMod", AppealStore.COLLECTION).append("changeStreamPreAndPostImages",
					new Document("enabled", true));
			return this.mongo.collectionExists(AppealStore.COLLECTION)
				.flatMap(exists -> exists ? Mono.empty() : this.mongo.createCollection(AppealStore.COLLECTION).then())
				.then(this.mongo.executeCommand(command))
				.doOnSuccess(result -> log.info("Change-stream post-images are on for appeals"))
				.onErrorResume(ex -> commandError(ex) != null, failure -> {
					log.error("Could not switch on change-stream post-images for appeals ({}); events of updates are "
							+ "read back instead", commandError(failure).getErrorMessage());
					return Mono.empty();
				})
				.then();
		});
	}

	/** The server's refusal behind Spring's translation of it, if that is what failed. */
	private static MongoCommandException commandError(Throwable failure) {
		for (Throwable t = failure; t != null; t = t.getCause()) {
			if (t instanceof MongoCommandException command) {
				return command;
			}
		}
		return null;
	}

	/**
	 * Events from a cluster time on, reconnecting after the last event delivered when the stream breaks,
	 * so that a network blip loses nothing: the process's main stream.
	 */
	public Flux<AppealEvent> since(Instant startAt) {
		return events(null, new BsonTimestamp((int) startAt.getEpochSecond(), 0), true);
	}

	/** Events strictly after a cursor; fails if the database can no longer resume from it. */
	public Flux<AppealEvent> after(AppealEventCursor cursor) {
		return events(cursor, null, false);
	}

	/** How many events needed their appeal read back (a server without post-images). */
	public long readBacks() {
		return this.readBacks.get();
	}

	private Flux<AppealEvent> events(AppealEventCursor after, BsonTimestamp startAt, boolean resilient) {
		AtomicReference<AppealEventCursor> last = new AtomicReference<>(after);
		Flux<AppealEvent> stream = Flux.defer(() -> this.mongo.getCollection(AppealStore.COLLECTION)
			.flatMapMany(collection -> {
				var publisher = collection.watch().fullDocument(FullDocument.WHEN_AVAILABLE);
				AppealEventCursor resumeAfter = last.get();
				if (resumeAfter != null && resumeAfter.token() != null) {
					publisher = publisher.resumeAfter(new BsonDocument("_data", new BsonString(resumeAfter.token())));
				}
				else if (resumeAfter != null) {
					// A position without a token (a consumer's first one): everything after that cluster time.
					publisher = publisher.startAtOperationTime(new BsonTimestamp(resumeAfter.position() + 1));
				}
				else if (startAt != null) {
					publisher = publisher.startAtOperationTime(startAt);
				}
				return Flux.from(publisher);
			}))
			// concatMap keeps the stream's order; the read-back (rare) is the only asynchronous step.
			.concatMap(change -> toEvent(change).doOnNext(event -> last.set(event.cursor())));
		if (resilient) {
			stream = stream.retryWhen(Retry.backoff(Long.MAX_VALUE, Duration.ofMillis(200)).maxBackoff(Duration.ofSeconds(10))
				.doBeforeRetry(signal -> log.warn("Appeal change stream broke; resuming: {}", signal.failure().toString())));
		}
		return stream;
	}

	private Mono<AppealEvent> toEvent(ChangeStreamDocument<Document> change) {
		if (!AppealEventReader.recordsEvent(change)) {
			return Mono.empty();
		}
		AppealEventCursor cursor = AppealEventReader.cursorOf(change).orElse(null);
		if (cursor == null) {
			return Mono.empty();
		}
		var document = AppealEventReader.documentOf(change);
		try {
			if (document.isPresent()) {
				return Mono.just(this.reader.toEvent(cursor, document.get()));
			}
		}
		catch (RuntimeException ex) {
			return skipped(ex);
		}
		if (change.getDocumentKey() == null || !change.getDocumentKey().containsKey("_id")) {
			return Mono.empty();
		}
		this.readBacks.incrementAndGet();
		String id = change.getDocumentKey().getObjectId("_id").getValue().toHexString();
		Long version = versionOf(change);
		return this.store.findById(id).flatMap(appeal -> {
			if (version != null && appeal.version() != version) {
				log.error("Appeal {} changed again before its version {} could be read back; its event is not delivered. "
						+ "Switch on post-images (MongoDB 6.0+).", id, version);
				return Mono.<AppealEvent>empty();
			}
			return Mono.just(AppealEventReader.toEvent(cursor, appeal));
		}).onErrorResume(RuntimeException.class, this::skipped);
	}

	private static Long versionOf(ChangeStreamDocument<Document> change) {
		if (change.getUpdateDescription() == null || change.getUpdateDescription().getUpdatedFields() == null) {
			return null;
		}
		var value = change.getUpdateDescription().getUpdatedFields().get("version");
		return (value != null && value.isNumber()) ? value.asNumber().longValue() : null;
	}

	// One malformed change must not stop the stream: a retry would meet it again and again.
	private Mono<AppealEvent> skipped(RuntimeException ex) {
		log.warn("Skipping an appeal change that cannot be read: {}", ex.toString());
		return Mono.empty();
	}

}
