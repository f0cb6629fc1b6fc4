package org.otklik.sla;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The SLA policies are read from the database once for all requests that find the cache empty at the same
 * time (ingest asks for them on its request path), and a change of a policy is seen by the next request.
 */
class SlaPolicyStoreCacheTests {

	MongoServer server;

	MongoClient client;

	/** Counts the reads of the whole collection; holds each read until the gate opens. */
	GatedTemplate mongo;

	SlaPolicyStore store;

	@BeforeEach
	void setUp() {
		this.server = new MongoServer(new MemoryBackend());
		this.client = MongoClients.create("mongodb://127.0.0.1:" + this.server.bind().getPort()
				+ "/?serverSelectionTimeoutMS=3000");
		this.mongo = new GatedTemplate(this.client);
		this.store = new SlaPolicyStore(this.mongo);
		this.store.afterPropertiesSet();
		this.mongo.reads.set(0);
	}

	@AfterEach
	void tearDown() {
		this.client.close();
		this.server.shutdownNow();
	}

	@Test
	void concurrentRequestsShareOneReadOfThePolicies() {
		this.mongo.gate = Sinks.one();
		List<Mono<SlaPolicyMatcher>> requests = java.util.stream.IntStream.range(0, 16).mapToObj(i -> this.store.matcher()).toList();
		Mono<List<SlaPolicyMatcher>> all = Flux.merge(requests).collectList().cache();
		all.subscribe();
		this.mongo.gate.tryEmitValue(true);

		List<SlaPolicyMatcher> matchers = all.block(Duration.ofSeconds(10));
		assertThat(matchers).hasSize(16).allSatisfy(m -> assertThat(m.policies()).isNotEmpty());
		assertThat(this.mongo.reads).hasValue(1);
		// Cached now: no further read.
		this.store.matcher().block(Duration.ofSeconds(10));
		assertThat(this.mongo.reads).hasValue(1);
	}

	@Test
	void aSavedPolicyIsSeenByTheNextRequest() {
		SlaPolicyMatcher before = this.store.matcher().block(Duration.ofSeconds(10));
		SlaPolicy first = before.policies().get(0);
		SlaPolicy copy = new SlaPolicy("COPY-" + first.code(), first.name(), first.channelGroup(), first.urgent(),
				first.category(), first.priority(), first.firstResponse(), first.finalAnswer(), first.calendar(),
				first.extension());
		this.store.save(copy).block(Duration.ofSeconds(10));

		assertThat(this.store.matcher().block(Duration.ofSeconds(10)).policies()).extracting(SlaPolicy::code)
			.contains(copy.code());
		this.store.delete(copy.code()).block(Duration.ofSeconds(10));
		assertThat(this.store.matcher().block(Duration.ofSeconds(10)).policies()).extracting(SlaPolicy::code)
			.doesNotContain(copy.code());
	}

	@Test
	void aFailedReadIsNotKept() {
		this.mongo.failNext = true;
		assertThat(this.store.matcher().onErrorResume(ex -> Mono.empty()).block(Duration.ofSeconds(10))).isNull();
		assertThat(this.store.matcher().block(Duration.ofSeconds(10)).policies()).isNotEmpty();
		assertThat(this.mongo.reads).hasValue(2);
	}

	static final class GatedTemplate extends ReactiveMongoTemplate {

		final AtomicInteger reads = new AtomicInteger();

		volatile Sinks.One<Boolean> gate;

		volatile boolean failNext;

		GatedTemplate(MongoClient client) {
			super(client, "otklik");
		}

		@Override
		public <T> Flux<T> findAll(Class<T> entityClass, String collectionName) {
			return Flux.defer(() -> {
				this.reads.incrementAndGet();
				if (this.failNext) {
					this.failNext = false;
					return Flux.error(new IllegalStateException("the database is away"));
				}
				Sinks.One<Boolean> waitFor = this.gate;
				Flux<T> read = super.findAll(entityClass, collectionName);
				return (waitFor != null) ? waitFor.asMono().thenMany(read) : read;
			});
		}

	}

}
