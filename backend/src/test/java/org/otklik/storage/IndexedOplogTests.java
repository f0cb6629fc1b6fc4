package org.otklik.storage;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import com.mongodb.client.model.changestream.ChangeStreamDocument;
import com.mongodb.reactivestreams.client.MongoCollection;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A change stream on the embedded server reads the oplog entries after its position, not the whole oplog:
 * counted through {@link IndexedOplog}, the entries a new event costs stay the same as the oplog grows, and
 * resuming from a token still yields exactly the events after it; entries of other collections are passed
 * over without being looked up.
 */
class IndexedOplogTests {

	private static final Duration GUARD = EmbeddedChangeStreams.GUARD;

	private EmbeddedChangeStreams embedded;

	private AwaitingMemoryBackend backend;

	private MongoCollection<Document> appeals;

	@BeforeEach
	void start() {
		this.embedded = new EmbeddedChangeStreams();
		this.backend = this.embedded.backend;
		this.appeals = this.embedded.appeals;
		this.embedded.insert(new Document("n", -1));
	}

	@AfterEach
	void stop() {
		this.embedded.close();
	}

	@Test
	void anEventCostsTheSameEntriesHoweverLongTheOplog() throws Exception {
		IndexedOplog oplog = this.backend.indexedOplog();
		BlockingQueue<ChangeStreamDocument<Document>> events = new LinkedBlockingQueue<>();
		var subscription = Flux.from(this.appeals.watch().maxAwaitTime(10, TimeUnit.MINUTES)).subscribe(events::add);
		try {
			this.embedded.awaitHeld(1);
			int n = 0;
			List<Long> costs = new ArrayList<>();
			for (int round = 0; round < 3; round++) {
				// The oplog grows by 300 appeal entries a round; the stream reads them all, each once.
				for (int i = 0; i < 300; i++, n++) {
					insert(n);
				}
				for (int i = n - 300; i < n; i++) {
					assertThat(next(events).getFullDocument().getInteger("n")).isEqualTo(i);
				}
				// And by 300 entries of another collection, which this stream reads once and passes over.
				for (int i = 0; i < 300; i++) {
					this.embedded.insertElsewhere(new Document("n", i));
				}
				long before = oplog.entriesExamined();
				insert(n);
				assertThat(next(events).getFullDocument().getInteger("n")).isEqualTo(n++);
				costs.add(oplog.entriesExamined() - before);
			}
			assertThat(oplog.size()).isGreaterThan(1800);
			// The whole oplog each time would be 601, 1201, 1801 entries; from the last event on, 301 each.
			// Usually the cursor has already passed the 300 foreign entries (cost of a few), but its getMore
			// may still be passing over them when `before` is read (once 11), so the bound is the
			// from-the-last-event cost, which a scan of the whole oplog exceeds in every round.
			assertThat(costs).allSatisfy(cost -> assertThat(cost).isLessThanOrEqualTo(310));
			assertThat(events).isEmpty();
		}
		finally {
			subscription.dispose();
		}
	}

	@Test
	void entriesOfOtherCollectionsAreNotLookedUp() throws Exception {
		IndexedOplog oplog = this.backend.indexedOplog();
		BlockingQueue<ChangeStreamDocument<Document>> events = new LinkedBlockingQueue<>();
		var subscription = Flux.from(this.appeals.watch().maxAwaitTime(10, TimeUnit.MINUTES)).subscribe(events::add);
		try {
			this.embedded.awaitHeld(1);
			long before = oplog.entriesExamined();
			// Intake writes many more entries elsewhere (work items, audit records) than appeals.
			for (int i = 0; i < 300; i++) {
				this.embedded.insertElsewhere(new Document("n", i));
			}
			insert(1);
			insert(2);
			assertThat(next(events).getFullDocument().getInteger("n")).isEqualTo(1);
			assertThat(next(events).getFullDocument().getInteger("n")).isEqualTo(2);
			// The two appeal entries, each perhaps read again by a following getMore from its position; none of the 300.
			assertThat(oplog.entriesExamined() - before).isLessThanOrEqualTo(6);
			assertThat(events).isEmpty();
		}
		finally {
			subscription.dispose();
		}
	}

	@Test
	void resumingFromATokenYieldsExactlyTheEventsAfterIt() {
		BlockingQueue<ChangeStreamDocument<Document>> events = new LinkedBlockingQueue<>();
		var subscription = Flux.from(this.appeals.watch()).subscribe(events::add);
		List<ChangeStreamDocument<Document>> seen = new ArrayList<>();
		try {
			this.embedded.awaitHeld(1);
			for (int i = 0; i < 10; i++) {
				insert(i);
			}
			for (int i = 0; i < 10; i++) {
				seen.add(next(events));
			}
		}
		finally {
			subscription.dispose();
		}
		List<Integer> resumed = Flux.from(this.appeals.watch().resumeAfter(seen.get(3).getResumeToken()))
			.take(6)
			.map(change -> change.getFullDocument().getInteger("n"))
			.collectList()
			.block(GUARD);
		assertThat(resumed).containsExactly(4, 5, 6, 7, 8, 9);
	}

	private void insert(int n) {
		this.embedded.insert(new Document("n", n));
	}

	private static ChangeStreamDocument<Document> next(BlockingQueue<ChangeStreamDocument<Document>> events) {
		try {
			ChangeStreamDocument<Document> event = events.poll(GUARD.toSeconds(), TimeUnit.SECONDS);
			assertThat(event).as("an event").isNotNull();
			return event;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
