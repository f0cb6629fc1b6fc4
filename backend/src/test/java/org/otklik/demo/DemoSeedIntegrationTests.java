package org.otklik.demo;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.otklik.OtklikApplication;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The first start cannot leave a half-loaded demo: an interrupted load (some appeals, no marker) is completed
 * on the next start with exactly the full region, health says LOADING until then, and OTKLIK_RESET_DEMO starts
 * over. Each start is a real application on one H2 file, as a person running the jar twice would have.
 */
class DemoSeedIntegrationTests {

	@TempDir
	Path data;

	@Test
	void anInterruptedSeedIsCompletedOnTheNextStartWithExactlyTheFullRegion() {
		try (ConfigurableApplicationContext first = start("--otklik.storage.seed-demo=false")) {
			// What a Ctrl-C in the middle of the first start left: agencies, 100 appeals, no marker.
			DemoSeeder seeder = first.getBean(DemoSeeder.class);
			assertThat(seeder.load(100).block(Duration.ofMinutes(1))).isEqualTo(100);
			assertThat(count(first, "appeals")).isEqualTo(100);
			assertThat(count(first, DemoSeeder.MARKER_COLLECTION)).isZero();
		}
		try (ConfigurableApplicationContext second = start()) {
			awaitHealthy(second);
			assertThat(count(second, "appeals")).isEqualTo(DemoSeeder.APPEALS);
			assertThat(count(second, "agencies")).isEqualTo(DemoAgencies.all().size());
			assertThat(count(second, DemoSeeder.MARKER_COLLECTION)).isEqualTo(1);
			// Every demo appeal once: the completion matched the first 100 by (channel, externalId).
			List<String> externalIds = new ArrayList<>();
			mongo(second).findAll(Document.class, "appeals").map(d -> d.getString("externalId")).doOnNext(externalIds::add)
				.blockLast(Duration.ofSeconds(30));
			assertThat(externalIds).doesNotHaveDuplicates().hasSize(DemoSeeder.APPEALS);
		}
		try (ConfigurableApplicationContext third = start()) {
			// Complete: nothing is loaded again.
			awaitHealthy(third);
			assertThat(count(third, "appeals")).isEqualTo(DemoSeeder.APPEALS);
			mongo(third).save(new Document("note", "made after the demo"), "scratch").block(Duration.ofSeconds(10));
		}
		try (ConfigurableApplicationContext reset = start("--otklik.storage.reset-demo=true")) {
			awaitHealthy(reset);
			assertThat(count(reset, "scratch")).isZero();
			assertThat(count(reset, "appeals")).isEqualTo(DemoSeeder.APPEALS);
			assertThat(count(reset, DemoSeeder.MARKER_COLLECTION)).isEqualTo(1);
		}
	}

	@Test
	void healthIsLoadingUntilTheDemoRegionIsComplete() {
		try (ConfigurableApplicationContext app = start("--otklik.storage.seed-demo=false")) {
			DemoSeeder seeder = app.getBean(DemoSeeder.class);
			DemoDataHealthIndicator indicator = app.getBean(DemoDataHealthIndicator.class);
			assertThat(indicator.health().getStatus().getCode()).isEqualTo("UP");
			// A seeder that is switched on reports LOADING from its first moment until the marker is written.
			DemoSeeder on = new DemoSeeder(mongo(app), app.getBean(org.otklik.agency.AgencyService.class),
					new org.otklik.storage.StorageProperties(null, true, false), emptyProvider(), java.time.Clock.systemUTC(),
					app.getBean(org.otklik.appeal.AppealService.class), app.getBean(org.otklik.quality.QualityService.class),
					app.getBean(org.otklik.runtime.HeapTrim.class));
			DemoDataHealthIndicator loading = new DemoDataHealthIndicator(on);
			assertThat(loading.health().getStatus()).isEqualTo(DemoDataHealthIndicator.LOADING);
			assertThat(http(app).get().uri("/actuator/health").exchangeToMono(r -> reactor.core.publisher.Mono.just(r.statusCode().value()))
				.block(Duration.ofSeconds(10))).isEqualTo(200);
			on.run(null);
			long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
			while (on.state() == DemoSeeder.State.LOADING && System.nanoTime() < deadline) {
				sleep();
			}
			assertThat(loading.health().getStatus().getCode()).isEqualTo("UP");
			assertThat(seeder.state()).isEqualTo(DemoSeeder.State.OFF);
		}
	}

	private ConfigurableApplicationContext start(String... extra) {
		List<String> args = new ArrayList<>(List.of("--server.port=0", "--otklik.storage.embedded.backend=h2",
				"--otklik.storage.embedded.path=" + this.data.resolve("otklik.mv"),
				"--otklik.channels.secret-key=" + java.util.Base64.getEncoder().encodeToString(new byte[32]),
				"--otklik.security.embedded-issuer-uri=http://localhost/idp-test",
				"--otklik.channels.vk-api-url=http://127.0.0.1:9", "--otklik.channels.telegram-api-url=http://127.0.0.1:9",
				"--otklik.channels.max-api-url=http://127.0.0.1:9", "--otklik.channels.ok-api-url=http://127.0.0.1:9"));
		args.addAll(List.of(extra));
		return new SpringApplicationBuilder(OtklikApplication.class).run(args.toArray(String[]::new));
	}

	private static ReactiveMongoTemplate mongo(ConfigurableApplicationContext app) {
		return app.getBean(ReactiveMongoTemplate.class);
	}

	private static long count(ConfigurableApplicationContext app, String collection) {
		return mongo(app).count(new Query(), collection).block(Duration.ofSeconds(30));
	}

	private static WebClient http(ConfigurableApplicationContext app) {
		String port = app.getEnvironment().getProperty("local.server.port");
		return WebClient.create("http://localhost:" + port);
	}

	/** Polls /actuator/health until it answers 200; while the demo loads it answers 503 with LOADING. */
	private static void awaitHealthy(ConfigurableApplicationContext app) {
		long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
		while (true) {
			String body = http(app).get().uri("/actuator/health/readiness")
				.exchangeToMono(r -> r.bodyToMono(String.class).map(b -> r.statusCode().value() + " " + b))
				.block(Duration.ofSeconds(10));
			if (body.startsWith("200")) {
				assertThat(body).contains("\"UP\"");
				return;
			}
			assertThat(body).startsWith("503").contains("LOADING");
			assertThat(System.nanoTime()).as("demo region loaded in time").isLessThan(deadline);
			sleep();
		}
	}

	private static org.springframework.beans.factory.ObjectProvider<org.otklik.storage.EmbeddedMongoConfiguration.EmbeddedMongoMarker> emptyProvider() {
		return new org.springframework.beans.factory.support.StaticListableBeanFactory()
			.getBeanProvider(org.otklik.storage.EmbeddedMongoConfiguration.EmbeddedMongoMarker.class);
	}

	private static void sleep() {
		try {
			Thread.sleep(100);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError(ex);
		}
	}

}
