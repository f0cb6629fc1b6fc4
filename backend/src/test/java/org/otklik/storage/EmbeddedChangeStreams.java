package org.otklik.storage;

import java.time.Duration;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import com.mongodb.reactivestreams.client.MongoCollection;
import de.bwaldvogel.mongo.MongoServer;
import org.bson.Document;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;

/** An embedded server on the memory backend with its oplog, a driver client and an {@code appeals} collection. */
final class EmbeddedChangeStreams implements AutoCloseable {

	/** A generous guard against a hang; no test measures time. */
	static final Duration GUARD = Duration.ofMinutes(2);

	final AwaitingMemoryBackend backend = new AwaitingMemoryBackend();

	private final MongoServer server = new MongoServer(this.backend);

	private final MongoClient client;

	final MongoCollection<Document> appeals;

	EmbeddedChangeStreams() {
		this.server.enableOplog();
		this.client = MongoClients.create("mongodb://127.0.0.1:" + this.server.bind().getPort());
		this.appeals = this.client.getDatabase("otklik").getCollection("appeals");
	}

	void insert(Document document) {
		Mono.from(this.appeals.insertOne(document)).block(GUARD);
	}

	/** Into another collection of the same database, which an {@code appeals} stream does not report. */
	void insertElsewhere(Document document) {
		Mono.from(this.client.getDatabase("otklik").getCollection("audit").insertOne(document)).block(GUARD);
	}

	/** Until the given number of empty change-stream batches has been held, i.e. the streams wait. */
	void awaitHeld(long replies) {
		AwaitData awaitData = this.backend.awaitData();
		for (int i = 0; i < 1200 && awaitData.heldReplies() < replies; i++) {
			try {
				Thread.sleep(100);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				break;
			}
		}
		assertThat(awaitData.heldReplies()).isGreaterThanOrEqualTo(replies);
	}

	@Override
	public void close() {
		this.client.close();
		this.server.shutdownNow();
	}

}
