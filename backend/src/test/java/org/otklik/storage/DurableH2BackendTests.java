package org.otklik.storage;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import com.mongodb.MongoWriteException;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import com.mongodb.reactivestreams.client.MongoCollection;
import de.bwaldvogel.mongo.MongoServer;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What a client was told is written is in the file at that moment: a copy of the file taken right after
 * the acknowledgements, as a crash would leave it, holds every document and its unique index entry.
 */
class DurableH2BackendTests {

	@TempDir
	Path dir;

	@Test
	void everyAcknowledgedWriteIsInTheFileWhenItsReplyArrives() throws Exception {
		Path file = this.dir.resolve("otklik.mv");
		Path crashed = this.dir.resolve("crashed.mv");
		MongoServer server = new MongoServer(DurableH2Backend.open(file));
		server.enableOplog();
		try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + server.bind().getPort())) {
			MongoCollection<Document> appeals = client.getDatabase("otklik").getCollection("appeals");
			Mono.from(appeals.createIndex(Indexes.ascending("channel", "externalId"), new IndexOptions().unique(true)))
				.block();
			// Eight writers at once, so that commits are shared between them.
			Flux.range(0, 200)
				.flatMap(i -> Mono.from(appeals.insertOne(new Document("channel", "VK").append("externalId", "e" + i))), 8)
				.blockLast();
			// H2's own background commit runs about once a second: copying at once shows what a crash now keeps.
			Files.copy(file, crashed);
		}
		finally {
			server.shutdownNow();
		}

		MongoServer reopened = new MongoServer(DurableH2Backend.open(crashed));
		try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + reopened.bind().getPort())) {
			MongoCollection<Document> appeals = client.getDatabase("otklik").getCollection("appeals");
			List<String> ids = new ArrayList<>();
			Flux.from(appeals.find()).map(d -> d.getString("externalId")).doOnNext(ids::add).blockLast();
			assertThat(ids).containsExactlyInAnyOrderElementsOf(IntStream.range(0, 200).mapToObj(i -> "e" + i).toList());
			// The unique index came through with its documents: the same message cannot be stored twice.
			assertThatThrownBy(
					() -> Mono.from(appeals.insertOne(new Document("channel", "VK").append("externalId", "e7"))).block())
				.isInstanceOf(MongoWriteException.class)
				.hasMessageContaining("duplicate key");
		}
		finally {
			reopened.shutdownNow();
		}
	}

	@Test
	void aCleanStopKeepsEverythingAndTheStoreOpensAgain() {
		Path file = this.dir.resolve("otklik.mv");
		MongoServer server = new MongoServer(DurableH2Backend.open(file));
		try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + server.bind().getPort())) {
			Mono.from(client.getDatabase("otklik").getCollection("agencies").insertOne(new Document("_id", "TENKA"))).block();
		}
		finally {
			server.shutdownNow();
		}
		MongoServer reopened = new MongoServer(DurableH2Backend.open(file));
		try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + reopened.bind().getPort())) {
			assertThat(Mono.from(client.getDatabase("otklik").getCollection("agencies").countDocuments()).block())
				.isEqualTo(1L);
		}
		finally {
			reopened.shutdownNow();
		}
	}

}
