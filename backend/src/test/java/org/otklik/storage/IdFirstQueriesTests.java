package org.otklik.storage;

import java.nio.file.Path;
import java.util.List;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import com.mongodb.reactivestreams.client.MongoCollection;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.AbstractMongoBackend;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A query naming the {@code _id} beside other conditions reads that one document on both embedded backends and
 * answers as a scan would: the guarded update, the owner's "done" and the checkpoint's {@code $lt} no longer
 * read the whole collection. Queries the {@code _id} index cannot answer still scan.
 */
class IdFirstQueriesTests {

	@TempDir
	Path dir;

	@Test
	void guardedQueriesByIdReadOneDocumentOnTheFile() {
		check(DurableH2Backend.open(this.dir.resolve("otklik.mv")));
	}

	@Test
	void guardedQueriesByIdReadOneDocumentInMemory() {
		check(new AwaitingMemoryBackend());
	}

	private static void check(MongoBackend backend) {
		MongoServer server = new MongoServer(backend);
		try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + server.bind().getPort())) {
			MongoCollection<Document> work = client.getDatabase("otklik").getCollection("work");
			Flux.range(0, 300)
				.concatMap(i -> Mono.from(work.insertOne(new Document("_id", "w" + i).append("owner", "a")
					.append("state", "RUNNING").append("version", 1L).append("position", (long) i))))
				.blockLast();
			IdFirstQueries.Scanning collection = (IdFirstQueries.Scanning) ((AbstractMongoBackend) backend)
				.resolveDatabase("otklik").resolveCollection("work", true);
			long scans = collection.scans();

			// As Spring Data writes them (one document) and as the driver's Filters.and does ($and).
			assertThat(matched(work, new Document("_id", "w5").append("owner", "a"), "RUNNING")).isEqualTo(1);
			assertThat(matched(work, new Document("_id", "w5").append("owner", "b"), "RUNNING")).isZero();
			// The owner's guard holds: done. Another owner's guard does not: nothing changes.
			assertThat(matched(work, Filters.and(Filters.eq("_id", "w7"), Filters.eq("owner", "a"),
					Filters.eq("state", "RUNNING")), "DONE")).isEqualTo(1);
			assertThat(matched(work, Filters.and(Filters.eq("_id", "w8"), Filters.eq("owner", "b"),
					Filters.eq("state", "RUNNING")), "DONE")).isZero();
			// A version guard and a forward-only position, as the appeal writer and a checkpoint use them.
			assertThat(matched(work, Filters.and(Filters.eq("_id", "w9"), Filters.eq("version", 1L)), "V2")).isEqualTo(1);
			assertThat(matched(work, Filters.and(Filters.eq("_id", "w9"), Filters.eq("version", 1L)), "V2")).isEqualTo(1);
			assertThat(matched(work, Filters.and(Filters.eq("_id", "w10"), Filters.lt("position", 5L)), "X")).isZero();
			assertThat(matched(work, Filters.and(Filters.eq("_id", "w3"), Filters.lt("position", 5L)), "X")).isEqualTo(1);
			assertThat(ids(work, Filters.and(Filters.eq("_id", "w7"), Filters.eq("state", "DONE")))).containsExactly("w7");
			assertThat(ids(work, Filters.and(Filters.eq("_id", "w11"), Filters.eq("state", "DONE")))).isEmpty();
			assertThat(ids(work, Filters.and(Filters.eq("_id", "nope"), Filters.eq("state", "DONE")))).isEmpty();
			assertThat(collection.scans()).isEqualTo(scans);

			// An _id the index cannot answer by itself ($in) and a query without one still scan, with their answers.
			assertThat(ids(work, Filters.and(Filters.in("_id", "w1", "w2"), Filters.eq("owner", "a"))))
				.containsExactlyInAnyOrder("w1", "w2");
			assertThat(ids(work, Filters.eq("state", "DONE"))).containsExactly("w7");
			assertThat(collection.scans()).isEqualTo(scans + 2);
		}
		finally {
			server.shutdownNow();
		}
	}

	private static long matched(MongoCollection<Document> work, org.bson.conversions.Bson filter, String state) {
		return Mono.from(work.updateOne(filter, Updates.set("state", state))).block().getMatchedCount();
	}

	private static List<String> ids(MongoCollection<Document> work, org.bson.conversions.Bson filter) {
		return Flux.from(work.find(filter)).map(document -> document.getString("_id")).collectList().block();
	}

}
