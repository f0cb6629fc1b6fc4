package org.otklik.support;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.otklik.agency.Agency;
import org.otklik.agency.AgencyKind;
import org.otklik.agency.AgencyService;
import org.otklik.region.Category;
import org.otklik.region.Municipality;
import org.otklik.security.IdentityKeys;
import org.otklik.security.SecurityProperties;
import org.otklik.security.TestTokens;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.graphql.client.HttpGraphQlClient;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Runs the whole application on a random port against the embedded MongoDB server (memory backend),
 * reached through the real driver over TCP, and gives tests one GraphQL tester per role.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
		"otklik.storage.embedded.backend=memory", "otklik.storage.seed-demo=false",
		"otklik.security.embedded-issuer-uri=http://localhost/idp-test",
		// Tests drive the API far faster than any integrator may; the limit has tests of its own.
		"otklik.graphql.rate-limit.enabled=false",
		// The region's default holds interim answers the coach scores under 70; the suites answer with short
		// texts to test other things, so none is held by score here. ReviewSettingsIntegrationTests stores the
		// real settings through the API and tests the holding.
		"otklik.region.review.interim-review-below-score=0",
		// Never the real channel hosts: a closed local port unless a test starts a fake server.
		"otklik.channels.vk-api-url=http://127.0.0.1:9", "otklik.channels.telegram-api-url=http://127.0.0.1:9",
		"otklik.channels.max-api-url=http://127.0.0.1:9", "otklik.channels.ok-api-url=http://127.0.0.1:9" })
public abstract class IntegrationTestSupport {

	public static final String HEALTH = "MINZDRAV";

	public static final String TENKA = "TENKA";

	public static final String MAGADAN = "MAGADAN";

	@LocalServerPort
	protected int port;

	@Autowired
	protected IdentityKeys keys;

	@Autowired
	protected SecurityProperties security;

	@Autowired
	protected AgencyService agencies;

	@Autowired
	protected ReactiveMongoTemplate mongo;

	protected TestTokens tokens;

	private HttpGraphQlTester base;

	@BeforeEach
	void setUpSupport() {
		this.tokens = new TestTokens(this.keys, this.security);
		this.base = HttpGraphQlTester.create(WebTestClient.bindToServer()
			.baseUrl(graphQlUrl())
			.responseTimeout(Duration.ofSeconds(30))
			.build());
		agency(HEALTH, "Министерство здравоохранения", AgencyKind.MINISTRY, List.of(Category.HEALTHCARE), null);
		agency(TENKA, "Администрация Тенькинского округа", AgencyKind.MUNICIPALITY,
				List.of(Category.HOUSING_UTILITIES, Category.ROADS_TRANSPORT), Municipality.TENKINSKY);
		agency(MAGADAN, "Мэрия города Магадана", AgencyKind.MUNICIPALITY, List.of(Category.HOUSING_UTILITIES),
				Municipality.MAGADAN);
	}

	protected String graphQlUrl() {
		return "http://localhost:" + this.port + "/graphql";
	}

	protected String webSocketUrl() {
		return "ws://localhost:" + this.port + "/graphql";
	}

	/** Finds or creates an agency by code, so tests in one context share fixtures safely. */
	protected Agency agency(String code, String name, AgencyKind kind, List<Category> categories,
			Municipality municipality) {
		return this.agencies.byCode(code)
			.switchIfEmpty(this.agencies.save(new Agency(null, code, name, kind, categories, municipality, true)))
			.block(Duration.ofSeconds(10));
	}

	protected Agency agency(String code) {
		return this.agencies.byCode(code).block(Duration.ofSeconds(10));
	}

	protected HttpGraphQlTester as(String token) {
		return this.base.mutate().header("Authorization", "Bearer " + token).build();
	}

	protected HttpGraphQlTester curator() {
		return as(this.tokens.curator());
	}

	protected HttpGraphQlTester integrator() {
		return as(this.tokens.integrator("test-integrator"));
	}

	protected HttpGraphQlTester executor(String agencyCode) {
		return as(this.tokens.executor(agencyCode));
	}

	protected HttpGraphQlTester head(String agencyCode) {
		return as(this.tokens.head(agencyCode));
	}

	/** A non-blocking client, for tests that fire many requests at once. */
	protected HttpGraphQlClient client(String token) {
		return HttpGraphQlClient.builder(WebClient.builder().baseUrl(graphQlUrl()))
			.header("Authorization", "Bearer " + token)
			.build();
	}

	/** Waits for something that happens asynchronously (a consumer, a delivery), up to a minute. */
	public static void await(java.util.function.BooleanSupplier condition, String what) {
		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("Timed out waiting for " + what);
			}
			try {
				Thread.sleep(50);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new AssertionError(ex);
			}
		}
	}

	protected static String uniqueId() {
		return UUID.randomUUID().toString();
	}

	/** Ingests an appeal as the test integrator and returns its id. */
	protected String ingest(String text) {
		return ingest(text, Map.of());
	}

	protected String ingest(String text, Map<String, Object> extra) {
		Map<String, Object> input = new java.util.HashMap<>(Map.of("channel", "VK", "externalId", uniqueId(), "text", text));
		input.putAll(extra);
		return integrator().documentName("ingestAppeal")
			.variable("input", input)
			.execute()
			.path("ingestAppeal.errors")
			.entityList(Object.class)
			.hasSize(0)
			.path("ingestAppeal.appeal.id")
			.entity(String.class)
			.get();
	}

}
