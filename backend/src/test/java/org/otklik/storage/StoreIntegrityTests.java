package org.otklik.storage;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import com.mongodb.MongoWriteException;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import com.mongodb.reactivestreams.client.MongoCollection;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.KeyValue;
import org.bson.Document;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.core.io.support.SpringFactoriesLoader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The startup check of the embedded store, on stores damaged on purpose through H2's MVStore API the way a
 * commit between a document and its index entries leaves them: ghosts and lost index entries are rebuilt,
 * two documents with one (channel, externalId) stop the start with a message naming them.
 */
class StoreIntegrityTests {

	private static final String DATA = "databases.otklik.appeals";

	private static final String ID_INDEX = "otklik.appeals._index__id_";

	private static final String KEY_INDEX = "otklik.appeals._index_channel_1_externalId_1";

	@TempDir
	Path dir;

	@Test
	void aHealthyStoreNeedsNoRepair() {
		Path file = storeWithAppeals("e1", "e2", "e3");
		try (MVStore store = MVStore.open(file.toString())) {
			// The map names the damaging tests rely on.
			assertThat(store.getMapNames()).contains(DATA, ID_INDEX, KEY_INDEX);
		}
		assertThat(check(file).clean()).isTrue();
		new MongoServer(DurableH2Backend.open(file)).shutdownNow();
	}

	@Test
	void ghostsAndLostKeyEntriesAreRebuiltFromTheDocuments() {
		Path file = storeWithAppeals("e1", "e2", "e3");
		damage(file, store -> {
			// e1 becomes a ghost (listed, never found by id); e2 loses its (channel, externalId) entry.
			MVMap<KeyValue, Object> ids = store.openMap(ID_INDEX);
			MVMap<KeyValue, Object> keys = store.openMap(KEY_INDEX);
			MVMap<Object, de.bwaldvogel.mongo.bson.Document> data = store.openMap(DATA);
			Object e1 = positionOf(data, "e1");
			removeEntriesOf(ids, e1);
			removeEntriesOf(keys, positionOf(data, "e2"));
			// e3's document is gone but its index entries stay: they point at nothing.
			data.remove(positionOf(data, "e3"));
		});
		assertThat(check(file).repaired()).isEmpty();
		assertThat(check(file).unrepairable()).hasSize(2);

		MongoServer server = new MongoServer(DurableH2Backend.open(file));
		try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + server.bind().getPort())) {
			MongoCollection<Document> appeals = client.getDatabase("otklik").getCollection("appeals");
			Document e1 = Mono.from(appeals.find(Filters.eq("externalId", "e1"))).block();
			assertThat(Mono.from(appeals.find(Filters.eq("_id", e1.get("_id")))).block()).isNotNull();
			assertThat(Mono.from(appeals.find(Filters.and(Filters.eq("channel", "VK"), Filters.eq("externalId", "e2"))))
				.block()).isNotNull();
			// The unique index holds again for e2, and no longer remembers the vanished e3.
			assertThatThrownBy(() -> insert(appeals, "e2")).isInstanceOf(MongoWriteException.class)
				.hasMessageContaining("duplicate key");
			insert(appeals, "e3");
			assertThat(Flux.from(appeals.find()).collectList().block()).hasSize(3);
		}
		finally {
			server.shutdownNow();
		}
		assertThat(check(file).clean()).isTrue();
	}

	@Test
	void twoDocumentsWithOneKeyStopTheStartAndNameTheDocuments() {
		Path file = storeWithAppeals("e1", "e2");
		damage(file, store -> {
			MVMap<Object, de.bwaldvogel.mongo.bson.Document> data = store.openMap(DATA);
			MVMap<KeyValue, Object> ids = store.openMap(ID_INDEX);
			de.bwaldvogel.mongo.bson.Document twin = new de.bwaldvogel.mongo.bson.Document(data.get(positionOf(data, "e1")));
			twin.put("_id", "twin-of-e1");
			data.put("twin-of-e1", twin);
			ids.put(new KeyValue("twin-of-e1"), "twin-of-e1");
		});

		assertThatThrownBy(() -> DurableH2Backend.open(file)).isInstanceOf(DamagedStoreException.class)
			.hasMessageContaining("channel_1_externalId_1")
			.hasMessageContaining("twin-of-e1")
			.satisfies(ex -> {
				FailureAnalysis analysis = new DamagedStoreFailureAnalyzer().analyze(ex);
				assertThat(analysis.getDescription()).contains(file.toString()).contains("duplicate key");
				assertThat(analysis.getAction()).contains("backup");
			});
		// Boot finds the analyzer, so the refusal reads as a description and an action, not a stack trace.
		// (Boot's own analyzers need a bean factory to be built; only whether ours is listed matters here.)
		assertThat(SpringFactoriesLoader.forDefaultResourceLocation()
			.load(FailureAnalyzer.class, null, SpringFactoriesLoader.FailureHandler.handleMessage((message, failure) -> {
			})))
			.hasAtLeastOneElementOfType(DamagedStoreFailureAnalyzer.class);
		// Nothing was changed: the check refuses again, and the file still opens for inspection.
		assertThat(check(file).unrepairable()).singleElement().asString().contains("twin-of-e1");
	}

	private Path storeWithAppeals(String... externalIds) {
		Path file = this.dir.resolve("otklik.mv");
		MongoServer server = new MongoServer(DurableH2Backend.open(file));
		try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + server.bind().getPort())) {
			MongoCollection<Document> appeals = client.getDatabase("otklik").getCollection("appeals");
			Mono.from(appeals.createIndex(Indexes.ascending("channel", "externalId"), new IndexOptions().unique(true)))
				.block();
			for (String externalId : externalIds) {
				insert(appeals, externalId);
			}
		}
		finally {
			server.shutdownNow();
		}
		return file;
	}

	private static void insert(MongoCollection<Document> appeals, String externalId) {
		Mono.from(appeals.insertOne(new Document("channel", "VK").append("externalId", externalId))).block();
	}

	private static void damage(Path file, Consumer<MVStore> damage) {
		try (MVStore store = MVStore.open(file.toString())) {
			damage.accept(store);
			store.commit();
		}
	}

	/** Checks without repairing, on a store opened only for that. */
	private static StoreIntegrity.Report check(Path file) {
		try (MVStore store = new MVStore.Builder().fileName(file.toString()).autoCommitDisabled().open()) {
			de.bwaldvogel.mongo.backend.h2.H2Backend backend = new de.bwaldvogel.mongo.backend.h2.H2Backend(store);
			StoreIntegrity.Report report = new StoreIntegrity(store, backend).check(false);
			store.rollback();
			return report;
		}
	}

	private static void removeEntriesOf(MVMap<KeyValue, Object> index, Object position) {
		List<KeyValue> keys = new ArrayList<>();
		index.forEach((key, value) -> {
			if (value.equals(position)) {
				keys.add(key);
			}
		});
		assertThat(keys).hasSize(1);
		keys.forEach(index::remove);
	}

	private static Object positionOf(MVMap<Object, de.bwaldvogel.mongo.bson.Document> data, String externalId) {
		List<Object> found = new ArrayList<>();
		for (Map.Entry<Object, de.bwaldvogel.mongo.bson.Document> entry : data.entrySet()) {
			if (externalId.equals(entry.getValue().get("externalId"))) {
				found.add(entry.getKey());
			}
		}
		assertThat(found).hasSize(1);
		return found.get(0);
	}

}
