package org.otklik.storage;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import com.mongodb.client.model.changestream.ChangeStreamDocument;
import com.mongodb.reactivestreams.client.MongoCollection;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A change stream with nothing new waits on the embedded server instead of asking again and again, and a
 * write wakes it. Counts commands; the only durations are generous guards against a hang.
 */
class AwaitDataTests {

	/** Longer than any test may take: a stream that only the timer woke would fail the guard below. */
	private static final Duration MAX_AWAIT = Duration.ofMinutes(10);

	private static final Duration GUARD = EmbeddedChangeStreams.GUARD;

	private EmbeddedChangeStreams embedded;

	private AwaitingMemoryBackend backend;

	private MongoCollection<Document> appeals;

	@BeforeEach
	void start() {
		this.embedded = new EmbeddedChangeStreams();
		this.backend = this.embedded.backend;
		this.appeals = this.embedded.appeals;
		this.embedded.insert(new Document("text", "before"));
	}

	@AfterEach
	void stop() {
		this.embedded.close();
	}

	@Test
	void anIdleChangeStreamWaitsInsteadOfAskingAgain() throws Exception {
		AwaitData awaitData = this.backend.awaitData();
		var subscription = Flux.from(this.appeals.watch().maxAwaitTime(MAX_AWAIT.toMillis(), TimeUnit.MILLISECONDS))
			.subscribe();
		try {
			this.embedded.awaitHeld(1);
			long asked = awaitData.changeStreamGetMores();
			// Without the wait the driver asks again at once, thousands of times a second.
			Thread.sleep(500);
			assertThat(awaitData.changeStreamGetMores()).isEqualTo(asked);
			assertThat(awaitData.heldReplies()).isEqualTo(1);
		}
		finally {
			subscription.dispose();
		}
	}

	@Test
	void aWriteWakesAWaitingChangeStreamWithItsEvent() throws Exception {
		Sinks.One<ChangeStreamDocument<Document>> first = Sinks.one();
		var subscription = Flux.from(this.appeals.watch().maxAwaitTime(MAX_AWAIT.toMillis(), TimeUnit.MILLISECONDS))
			.subscribe(first::tryEmitValue);
		try {
			this.embedded.awaitHeld(1);
			this.embedded.insert(new Document("text", "after"));
			ChangeStreamDocument<Document> change = first.asMono().block(GUARD);
			assertThat(change.getFullDocument().getString("text")).isEqualTo("after");
		}
		finally {
			subscription.dispose();
		}
	}

	@Test
	void otherCursorsAreNotHeld() {
		Flux.range(0, 5).concatMap(i -> Mono.from(this.appeals.insertOne(new Document("n", i)))).blockLast(GUARD);
		long held = this.backend.awaitData().heldReplies();
		assertThat(Flux.from(this.appeals.find().batchSize(2)).count().block(GUARD)).isEqualTo(6);
		assertThat(this.backend.awaitData().heldReplies()).isEqualTo(held);
	}

}
