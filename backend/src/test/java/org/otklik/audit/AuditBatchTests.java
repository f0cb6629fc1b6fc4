package org.otklik.audit;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.otklik.appeal.AppealEvent;
import org.otklik.appeal.TestEvents;
import org.otklik.support.MutableClock;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.CompoundIndexDefinition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The audit trail records a batch of changes with one insert: entries of events recorded before (a batch
 * repeated after a crash) are refused by the unique event id while the rest are stored, and any other
 * failure fails the batch, so that its events are retried.
 */
class AuditBatchTests {

	static final Instant START = Instant.parse("2026-12-06T00:00:00Z");

	MongoServer server;

	MongoClient client;

	ReactiveMongoTemplate mongo;

	AuditService audit;

	final List<AppealEvent> events = IntStream.rangeClosed(1, 5).mapToObj(n -> TestEvents.received(START, n)).toList();

	@BeforeEach
	void setUp() {
		this.server = new MongoServer(new MemoryBackend());
		this.client = MongoClients.create("mongodb://127.0.0.1:" + this.server.bind().getPort()
				+ "/?serverSelectionTimeoutMS=3000");
		this.mongo = new ReactiveMongoTemplate(this.client, "otklik");
		this.mongo.indexOps(AuditEntry.class)
			.createIndex(new CompoundIndexDefinition(new Document("eventId", 1)).named("eventId").unique().sparse())
			.block(Duration.ofSeconds(10));
		this.audit = new AuditService(this.mongo, new MutableClock(START));
	}

	@AfterEach
	void tearDown() {
		this.client.close();
		this.server.shutdownNow();
	}

	@Test
	void aRepeatedBatchStoresOnlyTheEntriesNotYetRecorded() {
		this.audit.recordChange(this.events.get(1)).block(Duration.ofSeconds(10));
		this.audit.recordChanges(this.events.subList(0, 3)).block(Duration.ofSeconds(10));
		this.audit.recordChanges(this.events).block(Duration.ofSeconds(10));

		List<String> recorded = this.mongo.findAll(AuditEntry.class).map(AuditEntry::eventId).collectList()
			.block(Duration.ofSeconds(10));
		assertThat(recorded).containsExactlyInAnyOrderElementsOf(this.events.stream().map(AppealEvent::id).toList());
	}

	@Test
	void aFailureOtherThanARepeatFailsTheBatch() {
		this.server.shutdownNow();
		assertThatThrownBy(() -> this.audit.recordChanges(this.events).block(Duration.ofSeconds(60)))
			.isNotNull();
	}

}
