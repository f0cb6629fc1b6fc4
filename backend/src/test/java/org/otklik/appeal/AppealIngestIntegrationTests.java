package org.otklik.appeal;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.otklik.support.IntegrationTestSupport;
import reactor.core.publisher.Flux;

import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import static org.assertj.core.api.Assertions.assertThat;

class AppealIngestIntegrationTests extends IntegrationTestSupport {

	@Test
	void ingestStoresANewAppealWithItsSource() {
		String externalId = uniqueId();
		Map<String, Object> appeal = integrator().documentName("ingestAppeal")
			.variable("input", Map.of("channel", "TELEGRAM", "externalId", externalId, "url", "https://t.me/c/1/2",
					"text", "В Усть-Омчуге нет отопления в доме на Мира, 5", "authorName", "Анна К.",
					"authorProfileUrl", "https://t.me/anna", "municipality", "TENKINSKY", "category",
					"HOUSING_UTILITIES", "urgent", true, "reach", Map.of("views", 120, "likes", 4, "comments", 2)))
			.execute()
			.path("ingestAppeal.duplicate").entity(Boolean.class).isEqualTo(false)
			.path("ingestAppeal.errors").entityList(Object.class).hasSize(0)
			.path("ingestAppeal.appeal").entity(Map.class).get();
		assertThat(appeal).containsEntry("status", "NEW")
			.containsEntry("channel", "TELEGRAM")
			.containsEntry("externalId", externalId)
			.containsEntry("municipality", "TENKINSKY")
			.containsEntry("urgent", true)
			.containsEntry("version", 1);
		assertThat(appeal.get("author")).isEqualTo(Map.of("name", "Анна К.", "profileUrl", "https://t.me/anna"));
		assertThat(appeal.get("reach")).isEqualTo(Map.of("views", 120, "likes", 4, "comments", 2));
		assertThat((List<?>) appeal.get("history")).hasSize(1);
	}

	@Test
	void duplicateIngestReturnsExistingAppealAndChangesNothing() {
		String externalId = uniqueId();
		Map<String, Object> input = Map.of("channel", "VK", "externalId", externalId, "text", "Первый текст");
		String id = integrator().documentName("ingestAppeal").variable("input", input).execute()
			.path("ingestAppeal.appeal.id").entity(String.class).get();

		integrator().documentName("ingestAppeal")
			.variable("input", Map.of("channel", "VK", "externalId", externalId, "text", "Изменённый текст"))
			.execute()
			.path("ingestAppeal.duplicate").entity(Boolean.class).isEqualTo(true)
			.path("ingestAppeal.errors").entityList(Object.class).hasSize(0)
			.path("ingestAppeal.appeal.id").entity(String.class).isEqualTo(id)
			.path("ingestAppeal.appeal.text").entity(String.class).isEqualTo("Первый текст")
			.path("ingestAppeal.appeal.version").entity(Integer.class).isEqualTo(1);
	}

	@Test
	void sameExternalIdOnAnotherChannelIsAnotherAppeal() {
		String externalId = uniqueId();
		String first = ingest("Текст", Map.of("externalId", externalId, "channel", "VK"));
		String second = ingest("Текст", Map.of("externalId", externalId, "channel", "OK"));
		assertThat(first).isNotEqualTo(second);
	}

	@Test
	void fiftyConcurrentRepeatsCreateExactlyOneAppeal() {
		String externalId = uniqueId();
		String document = """
				mutation($input: IngestAppealInput!) {
				  ingestAppeal(input: $input) { duplicate errors { code } appeal { id } }
				}""";
		List<Map> payloads = Flux.range(0, 50)
			.flatMap(i -> client(this.tokens.integrator("test-integrator")).document(document)
				.variable("input", Map.of("channel", "MAX", "externalId", externalId, "text", "Гонка " + i))
				.retrieve("ingestAppeal")
				.toEntity(Map.class), 50)
			.collectList()
			.block(Duration.ofSeconds(60));

		assertThat(payloads).hasSize(50);
		assertThat(payloads).allSatisfy(p -> assertThat((List<?>) p.get("errors")).isEmpty());
		assertThat(payloads.stream().map(p -> ((Map<?, ?>) p.get("appeal")).get("id")).distinct()).hasSize(1);
		assertThat(payloads.stream().filter(p -> Boolean.FALSE.equals(p.get("duplicate")))).hasSize(1);
		Long stored = this.mongo.count(Query.query(Criteria.where("externalId").is(externalId)), Appeal.class)
			.block(Duration.ofSeconds(10));
		assertThat(stored).isEqualTo(1);
	}

	@Test
	void invalidInputComesBackAsUserErrorsAndStoresNothing() {
		String externalId = uniqueId();
		List<Map> errors = integrator().documentName("ingestAppeal")
			.variable("input", Map.of("channel", "VK", "externalId", externalId, "text", "   ", "url",
					"javascript:alert(1)", "reach", Map.of("views", -1)))
			.execute()
			.path("ingestAppeal.appeal").valueIsNull()
			.path("ingestAppeal.errors").entityList(Map.class).get();
		assertThat(errors).extracting(e -> e.get("code")).containsExactlyInAnyOrder("REQUIRED", "INVALID", "INVALID");
		assertThat(errors).extracting(e -> e.get("field"))
			.contains(List.of("input", "text"), List.of("input", "url"), List.of("input", "reach"));
		Long stored = this.mongo.count(Query.query(Criteria.where("externalId").is(externalId)), Appeal.class)
			.block(Duration.ofSeconds(10));
		assertThat(stored).isZero();
	}

	@Test
	void tooLongTextIsRefused() {
		integrator().documentName("ingestAppeal")
			.variable("input", Map.of("channel", "VK", "externalId", uniqueId(), "text", "я".repeat(20_001)))
			.execute()
			.path("ingestAppeal.errors[0].code").entity(String.class).isEqualTo("TOO_LONG");
	}

	@Test
	void unknownEnumValueIsAClassifiedErrorNotA500() {
		integrator().document("mutation { ingestAppeal(input: {channel: FAX, externalId: \"x\", text: \"y\"}) { duplicate } }")
			.execute()
			.errors()
			.satisfy(errors -> assertThat(errors).isNotEmpty()
				.allSatisfy(e -> assertThat(e.getMessage()).doesNotContain("Exception").doesNotContain("at org.")));
	}

}
