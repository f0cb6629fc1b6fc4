package org.otklik.demo;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.otklik.OtklikApplication;
import reactor.core.publisher.Flux;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the first start stores for the demo region: every demo appeal once, each answer with the coach's report
 * of it, each appeal inserted already numbered
 * (no update per appeal after the insert), the numbers those the backfill gives (the counter's, in the order
 * the appeals were received); and a restart stores nothing again. Real application starts on one H2 file.
 */
class DemoSeedContentIntegrationTests {

	@TempDir
	Path data;

	@Test
	void theFirstStartInsertsTheRegionNumberedInArrivalOrderAndARestartAddsNothing() {
		long inserts;
		long counter;
		List<Document> stored;
		try (ConfigurableApplicationContext first = start()) {
			awaitHealthy(first);
			stored = appeals(first);
			assertThat(stored).hasSize(DemoSeeder.APPEALS);
			Set<String> externalIds = new HashSet<>();
			stored.forEach(appeal -> externalIds.add(appeal.getString("externalId")));
			assertThat(externalIds).hasSize(DemoSeeder.APPEALS).allMatch(id -> id.startsWith("demo-"));

			// Numbers in the order of arrival (received, then id), per year from the counter's first number on:
			// what AppealNumberBackfill gives appeals stored without one.
			List<Document> byArrival = new ArrayList<>(stored);
			byArrival.sort(Comparator.comparing((Document d) -> d.getDate("receivedAt").toInstant())
				.thenComparing(d -> d.get("_id").toString()));
			java.util.Map<String, Integer> perYear = new java.util.HashMap<>();
			for (Document appeal : byArrival) {
				String year = Instant.ofEpochMilli(appeal.getDate("receivedAt").getTime())
					.atZone(java.time.ZoneId.of("Asia/Magadan"))
					.getYear() + "";
				int next = perYear.merge(year, 1, Integer::sum);
				assertThat(appeal.getString("number")).isEqualTo("МАГ-" + year + "-" + String.format("%06d", next));
			}

			// Inserted with their numbers: every insert in the oplog carries the number already.
			List<Document> logged = appealInserts(first);
			assertThat(logged).hasSize(DemoSeeder.APPEALS);
			assertThat(logged).allMatch(entry -> ((Document) entry.get("o")).getString("number") != null);
			inserts = logged.size();

			// Each answer carries the coach's report of it, as a check of that answer on that appeal gives now.
			org.otklik.quality.QualityService quality = first.getBean(org.otklik.quality.QualityService.class);
			List<org.otklik.appeal.Appeal> mapped = mongo(first).findAll(org.otklik.appeal.Appeal.class, "appeals")
				.collectList()
				.block(Duration.ofSeconds(30));
			long answers = 0;
			for (org.otklik.appeal.Appeal appeal : mapped) {
				for (org.otklik.appeal.Answer answer : appeal.answers()) {
					assertThat(answer.quality()).isEqualTo(org.otklik.appeal.AnswerQuality
						.of(quality.check(answer.text(), appeal.text()), answer.text()));
					answers++;
				}
			}
			assertThat(answers).isGreaterThan(DemoSeeder.APPEALS / 2);
			counter = counterTotal(first);
		}
		try (ConfigurableApplicationContext restart = start()) {
			awaitHealthy(restart);
			assertThat(appeals(restart)).hasSize(DemoSeeder.APPEALS)
				.extracting(d -> d.getString("number"))
				.containsExactlyInAnyOrderElementsOf(stored.stream().map(d -> d.getString("number")).toList());
			assertThat(appealInserts(restart)).hasSize((int) inserts);
			assertThat(counterTotal(restart)).isEqualTo(counter);
			assertThat(mongo(restart).count(new org.springframework.data.mongodb.core.query.Query(),
					DemoSeeder.MARKER_COLLECTION).block(Duration.ofSeconds(10))).isEqualTo(1);
		}
	}

	private ConfigurableApplicationContext start() {
		return new SpringApplicationBuilder(OtklikApplication.class).run("--server.port=0",
				"--otklik.storage.embedded.backend=h2", "--otklik.storage.embedded.path=" + this.data.resolve("otklik.mv"),
				"--otklik.channels.secret-key=" + java.util.Base64.getEncoder().encodeToString(new byte[32]),
				"--otklik.security.embedded-issuer-uri=http://localhost/idp-test",
				"--otklik.channels.vk-api-url=http://127.0.0.1:9", "--otklik.channels.telegram-api-url=http://127.0.0.1:9",
				"--otklik.channels.max-api-url=http://127.0.0.1:9", "--otklik.channels.ok-api-url=http://127.0.0.1:9");
	}

	private static ReactiveMongoTemplate mongo(ConfigurableApplicationContext app) {
		return app.getBean(ReactiveMongoTemplate.class);
	}

	private static List<Document> appeals(ConfigurableApplicationContext app) {
		return mongo(app).findAll(Document.class, "appeals").collectList().block(Duration.ofSeconds(30));
	}

	/** The appeal inserts in the embedded server's oplog (only the seeding inserts appeals in these starts). */
	private static List<Document> appealInserts(ConfigurableApplicationContext app) {
		String namespace = mongo(app).getMongoDatabase().block(Duration.ofSeconds(10)).getName() + ".appeals";
		com.mongodb.reactivestreams.client.MongoClient client = app
			.getBean(com.mongodb.reactivestreams.client.MongoClient.class);
		return Flux.from(client.getDatabase("local").getCollection("oplog.rs")
			.find(new Document("op", "i").append("ns", namespace))).collectList().block(Duration.ofSeconds(30));
	}

	/** The sum of the appeal-number counters: numbers drawn so far. */
	private static long counterTotal(ConfigurableApplicationContext app) {
		return mongo(app).findAll(Document.class, "counters")
			.filter(c -> c.getString("_id").startsWith("appeal-number:"))
			.map(c -> ((Number) c.get("seq")).longValue())
			.reduce(0L, Long::sum)
			.block(Duration.ofSeconds(10));
	}

	/** Polls readiness until it answers 200; while the demo loads it answers 503 with LOADING. */
	private static void awaitHealthy(ConfigurableApplicationContext app) {
		WebClient http = WebClient.create("http://localhost:" + app.getEnvironment().getProperty("local.server.port"));
		long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
		while (true) {
			int status = http.get().uri("/actuator/health/readiness")
				.exchangeToMono(r -> reactor.core.publisher.Mono.just(r.statusCode().value()))
				.block(Duration.ofSeconds(10));
			if (status == 200) {
				return;
			}
			assertThat(System.nanoTime()).as("demo region loaded in time").isLessThan(deadline);
			try {
				Thread.sleep(100);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new AssertionError(ex);
			}
		}
	}

}
