package org.otklik.storage;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import com.mongodb.MongoCommandException;
import com.mongodb.client.model.changestream.ChangeStreamDocument;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import com.mongodb.reactivestreams.client.MongoCollection;
import de.bwaldvogel.mongo.MongoServer;
import org.bson.BsonDocument;
import org.bson.BsonTimestamp;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Trimming the embedded oplog: entries older than the window and passed by every reader go, a reader that is
 * behind keeps the entries after its position, and a stream asked to resume from inside the trimmed history is
 * refused with MongoDB's {@code ChangeStreamHistoryLost} (code 286) instead of starting after a gap, also after
 * the store is reopened.
 */
class OplogTrimTests {

	private static final Duration GUARD = EmbeddedChangeStreams.GUARD;

	/** A clock a day ahead: every entry written now is older than the window. */
	private static final Clock TOMORROW = Clock.offset(Clock.systemUTC(), Duration.ofDays(1));

	private EmbeddedChangeStreams embedded;

	private MongoCollection<Document> appeals;

	@TempDir
	Path dir;

	@BeforeEach
	void start() {
		this.embedded = new EmbeddedChangeStreams();
		this.appeals = this.embedded.appeals;
	}

	@AfterEach
	void stop() {
		this.embedded.close();
	}

	@Test
	void entriesBeforeTheHorizonGoAndResumingFromThemIsRefused() {
		List<BsonDocument> tokens = insertAndWatch(this.appeals, 10);
		IndexedOplog oplog = this.embedded.backend.indexedOplog();
		assertThat(oplog.size()).isEqualTo(10);

		int removed = oplog.trim(position(tokens.get(6)), Duration.ZERO);

		assertThat(removed).isEqualTo(6);
		assertThat(oplog.size()).isEqualTo(4);
		assertThat(resumeAfter(this.appeals, tokens.get(6), 3)).containsExactly(7, 8, 9);
		// The newest entry trimmed is 5: after it nothing is missing.
		assertThat(resumeAfter(this.appeals, tokens.get(5), 4)).containsExactly(6, 7, 8, 9);
		assertHistoryLost(() -> resumeAfter(this.appeals, tokens.get(2), 1));
		assertHistoryLost(() -> Flux.from(this.appeals.watch()
			.startAtOperationTime(new BsonTimestamp(position(tokens.get(3))))).next().block(GUARD));
		// Later writes come after the trimmed part, as usual.
		insert(this.appeals, 10);
		assertThat(resumeAfter(this.appeals, tokens.get(9), 1)).containsExactly(10);
	}

	@Test
	void aReaderBehindKeepsTheEntriesAfterItsPosition() {
		List<BsonDocument> tokens = insertAndWatch(this.appeals, 10);
		IndexedOplog oplog = this.embedded.backend.indexedOplog();
		OplogTrimmer trimmer = trimmer(this.embedded.backend, () -> Mono.just(position(tokens.get(3))),
				() -> Mono.just(position(tokens.get(8))));

		assertThat(trimmer.trimNow().block(GUARD)).isEqualTo(3);

		assertThat(oplog.size()).isEqualTo(7);
		assertThat(resumeAfter(this.appeals, tokens.get(3), 6)).containsExactly(4, 5, 6, 7, 8, 9);
	}

	@Test
	void aReaderThatCannotTellKeepsEverything() {
		insertAndWatch(this.appeals, 5);
		OplogTrimmer trimmer = trimmer(this.embedded.backend, () -> Mono.error(new IllegalStateException("down")));

		assertThatThrownBy(() -> trimmer.trimNow().block(GUARD)).hasMessageContaining("down");

		assertThat(this.embedded.backend.indexedOplog().size()).isEqualTo(5);
	}

	@Test
	void withoutReadersOnlyTheWindowCounts() {
		insertAndWatch(this.appeals, 5);
		OplogProperties today = new OplogProperties(null, null);
		StaticListableBeanFactory none = new StaticListableBeanFactory();
		OplogTrimmer now = new OplogTrimmer(this.embedded.backend, none.getBeanProvider(OplogReaders.class), today,
				Clock.systemUTC());
		// Younger than the window (an hour by default): kept.
		assertThat(now.trimNow().block(GUARD)).isZero();
		OplogTrimmer later = new OplogTrimmer(this.embedded.backend, none.getBeanProvider(OplogReaders.class), today,
				TOMORROW);
		assertThat(later.trimNow().block(GUARD)).isEqualTo(5);
		assertThat(this.embedded.backend.indexedOplog().size()).isZero();
	}

	@Test
	void theFileRemembersWhatWasTrimmed() {
		Path file = this.dir.resolve("otklik.mv");
		List<BsonDocument> tokens;
		MongoServer server = new MongoServer(DurableH2Backend.open(file));
		server.enableOplog();
		try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + server.bind().getPort())) {
			MongoCollection<Document> appeals = client.getDatabase("otklik").getCollection("appeals");
			tokens = insertAndWatch(appeals, 6);
		}
		finally {
			server.shutdownNow();
		}
		DurableH2Backend backend = DurableH2Backend.open(file);
		MongoServer reopened = new MongoServer(backend);
		reopened.enableOplog();
		try {
			assertThat(backend.trimOplog(position(tokens.get(3)), Duration.ZERO)).isEqualTo(3);
		}
		finally {
			reopened.shutdownNow();
		}
		MongoServer third = new MongoServer(DurableH2Backend.open(file));
		third.enableOplog();
		try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + third.bind().getPort())) {
			MongoCollection<Document> appeals = client.getDatabase("otklik").getCollection("appeals");
			assertThat(resumeAfter(appeals, tokens.get(3), 2)).containsExactly(4, 5);
			assertHistoryLost(() -> resumeAfter(appeals, tokens.get(1), 1));
		}
		finally {
			third.shutdownNow();
		}
	}

	// ---------------------------------------------------------------- helpers

	private static OplogTrimmer trimmer(OplogTrimming oplog, OplogReaders... readers) {
		StaticListableBeanFactory beans = new StaticListableBeanFactory();
		for (int i = 0; i < readers.length; i++) {
			beans.addBean("reader" + i, readers[i]);
		}
		ObjectProvider<OplogReaders> provider = beans.getBeanProvider(OplogReaders.class);
		return new OplogTrimmer(oplog, provider, new OplogProperties(null, null), TOMORROW);
	}

	/** Inserts n appeals numbered from 0, then reads their events from the oplog's start; returns their tokens. */
	private static List<BsonDocument> insertAndWatch(MongoCollection<Document> appeals, int n) {
		for (int i = 0; i < n; i++) {
			insert(appeals, i);
		}
		return Flux.from(appeals.watch().startAtOperationTime(new BsonTimestamp(1, 0)))
			.take(n)
			.map(ChangeStreamDocument::getResumeToken)
			.collectList()
			.block(GUARD);
	}

	private static void insert(MongoCollection<Document> appeals, int n) {
		Mono.from(appeals.insertOne(new Document("n", n))).block(GUARD);
	}

	private static List<Integer> resumeAfter(MongoCollection<Document> appeals, BsonDocument token, int count) {
		return Flux.from(appeals.watch().resumeAfter(token))
			.filter(change -> change.getFullDocument() != null && change.getFullDocument().containsKey("n"))
			.take(count)
			.map(change -> change.getFullDocument().getInteger("n"))
			.collectList()
			.block(GUARD);
	}

	private static long position(BsonDocument token) {
		return Long.parseUnsignedLong(token.getString("_data").getValue(), 16);
	}

	private static void assertHistoryLost(Runnable resume) {
		assertThatThrownBy(resume::run).satisfies(failure -> assertThat(Stream.iterate(failure, t -> t != null,
				Throwable::getCause).filter(MongoCommandException.class::isInstance).map(MongoCommandException.class::cast)
			.findFirst()).hasValueSatisfying(error -> assertThat(error.getErrorCode())
				.isEqualTo(IndexedOplog.CHANGE_STREAM_HISTORY_LOST)));
	}

}
