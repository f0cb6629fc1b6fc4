package org.otklik.appeal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.otklik.OtklikApplication;
import org.otklik.appeal.AppealInputs.IngestAppealInput;
import org.otklik.appeal.internal.AppealNumberBackfill;
import org.otklik.appeal.internal.AppealNumberProperties;
import org.otklik.appeal.internal.AppealNumbers;
import org.otklik.security.Caller;
import org.otklik.security.Role;
import org.otklik.support.IntegrationTestSupport;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.graphql.client.HttpGraphQlClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Appeal numbers over the real driver and the embedded server: drawn at intake from blocks of one counter, unique
 * under concurrent intake on one instance and on two, the same on a repeated ingest, searchable with or
 * without the prefix, and given to older appeals by the startup backfill in the order they arrived.
 */
class AppealNumberIntegrationTests extends IntegrationTestSupport {

	static final Pattern SHAPE = Pattern.compile("^МАГ-\\d{4}-\\d{6,}$");

	static final String INGEST = "mutation($in: IngestAppealInput!) { ingestAppeal(input: $in) "
			+ "{ duplicate errors { code } appeal { id number } } }";

	static final Caller INTEGRATOR = new Caller("test-integrator", "Интегратор", Set.of(Role.INTEGRATOR), null,
			"test-integrator");

	@Autowired
	AppealNumberBackfill backfill;

	@Autowired
	AppealService appeals;

	@Autowired
	de.bwaldvogel.mongo.MongoServer embeddedServer;

	@Test
	void anIngestedAppealHasANumberAndARepeatGetsTheSameOne() {
		String externalId = uniqueId();
		Map<String, Object> input = Map.of("channel", "VK", "externalId", externalId, "text", "Нет света на Пролетарской");
		Map<String, Object> first = ingestAs(input);
		Map<String, Object> again = ingestAs(input);
		String number = (String) castMap(first.get("appeal")).get("number");
		assertThat(number).matches(SHAPE);
		assertThat(again).containsEntry("duplicate", true);
		assertThat(castMap(again.get("appeal"))).containsEntry("number", number);
	}

	@Test
	void fiftyConcurrentIngestsGetFiftyDifferentNumbers() {
		HttpGraphQlClient client = client(this.tokens.integrator("test-integrator"));
		List<String> numbers = Flux.range(0, 50)
			.flatMap(i -> client.document(INGEST)
				.variable("in", Map.of("channel", "TELEGRAM", "externalId", uniqueId(), "text", "Параллельное обращение " + i))
				.retrieve("ingestAppeal.appeal.number")
				.toEntity(String.class), 50)
			.collectList()
			.block(Duration.ofSeconds(60));
		assertThat(numbers).hasSize(50).allMatch(n -> SHAPE.matcher(n).matches()).doesNotHaveDuplicates();
	}

	@Test
	void twoInstancesOnOneDatabaseNeverHandOutTheSameNumber() {
		try (ConfigurableApplicationContext second = new SpringApplicationBuilder(OtklikApplication.class).run(
				"--server.port=0", "--spring.mongodb.uri=mongodb://127.0.0.1:" + this.embeddedServer.getLocalAddress().getPort()
						+ "/otklik",
				"--otklik.storage.seed-demo=false", "--otklik.security.embedded-issuer-uri=http://localhost/idp-test")) {
			AppealService other = second.getBean(AppealService.class);
			List<String> numbers = Flux.range(0, 60)
				.flatMap(i -> Mono.defer(() -> ((i % 2 == 0) ? this.appeals : other).ingest(INTEGRATOR,
						new IngestAppealInput(Channel.OK, uniqueId(), null, "Обращение с двух экземпляров " + i, null, null,
								null, null, null, null, null)))
					.subscribeOn(Schedulers.parallel()), 30)
				.map(payload -> payload.appeal().number())
				.collectList()
				.block(Duration.ofSeconds(60));
			assertThat(numbers).hasSize(60).allMatch(n -> SHAPE.matcher(n).matches()).doesNotHaveDuplicates();
		}
	}

	@Test
	void anInstanceReservesNumbersInBlocksOneCounterWritePerBlock() {
		String prefix = "Б" + Long.toString(System.nanoTime() % 100_000);
		AppealNumbers numbers = new AppealNumbers(this.mongo, new AppealNumberProperties(prefix, null, 0, 5));
		List<String> drawn = Flux.range(0, 12)
			.flatMap(i -> numbers.next(Instant.parse("2026-06-01T00:00:00Z")).subscribeOn(Schedulers.parallel()), 12)
			.collectList()
			.block(Duration.ofSeconds(30));
		assertThat(drawn).hasSize(12).doesNotHaveDuplicates();
		assertThat(drawn.stream().sorted().toList()).startsWith(prefix + "-2026-000001").endsWith(prefix + "-2026-000012");
		// Three blocks of five reserved: the counter holds the last number reserved, 15, not 12.
		assertThat(counter(prefix, 2026)).isEqualTo(15L);
	}

	@Test
	void blocksOfTwoInstancesNeverOverlap() {
		String prefix = "В" + Long.toString(System.nanoTime() % 100_000);
		AppealNumberProperties properties = new AppealNumberProperties(prefix, null, 0, 5);
		AppealNumbers one = new AppealNumbers(this.mongo, properties);
		AppealNumbers other = new AppealNumbers(this.mongo, properties);
		List<String> drawn = Flux.range(0, 23)
			.flatMap(i -> ((i % 2 == 0) ? one : other).next(Instant.parse("2026-06-01T00:00:00Z"))
				.subscribeOn(Schedulers.parallel()), 23)
			.collectList()
			.block(Duration.ofSeconds(30));
		assertThat(drawn).hasSize(23).doesNotHaveDuplicates();
		// Whole blocks, and at most one partly used block per instance: its rest is the gap a stop leaves.
		long reserved = counter(prefix, 2026);
		assertThat(reserved % 5).isZero();
		assertThat(reserved).isBetween(25L, 30L);
	}

	@Test
	void aNumberIsFoundInFullInAnyCaseAndWithoutItsPrefix() {
		String id = ingest("Обращение, которое ищут по номеру " + uniqueId());
		String number = (String) curator().document("query($id: ID!) { appeal(id: $id) { number } }").variable("id", id)
			.execute().path("appeal.number").entity(String.class).get();
		String[] parts = number.split("-");
		String counter = String.valueOf(Long.parseLong(parts[2]));
		for (String typed : List.of(number, number.toLowerCase(), parts[1] + "-" + parts[2], parts[1] + "-" + counter, counter,
				" " + number + " ")) {
			assertThat(idsFound(typed)).as(typed).contains(id);
		}
		assertThat(idsFound(parts[1] + "-" + counter + "9")).as("another counter").doesNotContain(id);
		assertThat(idsFound("не номер")).isEmpty();
	}

	@Test
	void theBackfillNumbersOlderAppealsInTheOrderTheyArrived() {
		String older = ingest("Старое обращение " + uniqueId());
		String newer = ingest("Обращение новее " + uniqueId());
		// As they were before numbers existed, the newer one first in the collection's natural order.
		unsetNumber(newer, Instant.parse("2025-03-02T00:00:00Z"));
		unsetNumber(older, Instant.parse("2025-03-01T00:00:00Z"));

		assertThat(this.backfill.backfill().block(Duration.ofSeconds(30))).isGreaterThanOrEqualTo(2L);
		String olderNumber = numberOf(older);
		String newerNumber = numberOf(newer);
		assertThat(olderNumber).startsWith("МАГ-2025-");
		assertThat(newerNumber).startsWith("МАГ-2025-");
		assertThat(olderNumber.compareTo(newerNumber)).isNegative();
		// Run again, nothing changes.
		assertThat(this.backfill.backfill().block(Duration.ofSeconds(30))).isZero();
		assertThat(numberOf(older)).isEqualTo(olderNumber);
	}

	@Test
	void theYearIsTheRegionsAtIntake() {
		String id = ingest("Обращение в новогоднюю ночь " + uniqueId());
		// 31 December 2025, 14:00 UTC is already 1 January 2026 in Magadan (UTC+11).
		unsetNumber(id, Instant.parse("2025-12-31T14:00:00Z"));
		this.backfill.backfill().block(Duration.ofSeconds(30));
		assertThat(numberOf(id)).startsWith("МАГ-2026-");
	}

	// ------------------------------------------------------------ helpers

	long counter(String prefix, int year) {
		Document counter = this.mongo.getCollection("counters")
			.flatMap(c -> Mono.from(c.find(new Document("_id", "appeal-number:" + prefix + ":" + year)).first()))
			.block(Duration.ofSeconds(10));
		return ((Number) counter.get("seq")).longValue();
	}

	Map<String, Object> ingestAs(Map<String, Object> input) {
		return integrator().document(INGEST).variable("in", input).execute().path("ingestAppeal").entity(MAP).get();
	}

	List<String> idsFound(String typed) {
		List<String> ids = new ArrayList<>();
		curator().document("query($f: AppealFilter) { appeals(filter: $f, first: 100) { edges { node { id } } } }")
			.variable("f", Map.of("number", typed))
			.execute()
			.path("appeals.edges[*].node.id")
			.entityList(String.class)
			.get()
			.forEach(ids::add);
		return ids;
	}

	String numberOf(String id) {
		return curator().document("query($id: ID!) { appeal(id: $id) { number } }").variable("id", id).execute()
			.path("appeal.number").entity(String.class).get();
	}

	void unsetNumber(String id, Instant receivedAt) {
		this.mongo.getCollection("appeals")
			.flatMap(c -> Mono.from(c.updateOne(new Document("_id", new ObjectId(id)),
					new Document("$unset", new Document("number", "")).append("$set",
							new Document("receivedAt", java.util.Date.from(receivedAt))))))
			.block(Duration.ofSeconds(10));
	}

	static final org.springframework.core.ParameterizedTypeReference<Map<String, Object>> MAP = new org.springframework.core.ParameterizedTypeReference<>() {
	};

	@SuppressWarnings("unchecked")
	static Map<String, Object> castMap(Object value) {
		return (Map<String, Object>) value;
	}

}
