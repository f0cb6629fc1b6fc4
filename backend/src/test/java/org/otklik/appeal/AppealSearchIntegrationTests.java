package org.otklik.appeal;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.otklik.support.IntegrationTestSupport;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

class AppealSearchIntegrationTests extends IntegrationTestSupport {

	static final ParameterizedTypeReference<List<Map<String, Object>>> EDGES = new ParameterizedTypeReference<>() {
	};

	@Test
	void russianWordFormsMatch() {
		String marker = "маркер" + Math.abs(uniqueId().hashCode());
		String heating = ingest("Третий день нет отопления в доме, " + marker);
		ingest("Не вывозят мусор со двора, " + marker);

		assertThat(ids(curator(), Map.of("text", "отопление " + marker))).containsExactly(heating);
		assertThat(ids(curator(), Map.of("text", "Отоплением " + marker))).containsExactly(heating);
		assertThat(ids(curator(), Map.of("text", "газ " + marker))).isEmpty();
	}

	@Test
	void filtersCombine() {
		String marker = "фильтр" + Math.abs(uniqueId().hashCode());
		String urgentTenka = ingest("Авария " + marker, Map.of("channel", "TELEGRAM", "urgent", true,
				"municipality", "TENKINSKY", "category", "ENERGY"));
		ingest("Не срочно " + marker, Map.of("channel", "TELEGRAM", "urgent", false, "municipality", "TENKINSKY",
				"category", "ENERGY"));
		ingest("Другой канал " + marker, Map.of("channel", "OK", "urgent", true, "municipality", "TENKINSKY",
				"category", "ENERGY"));
		ingest("Другой округ " + marker, Map.of("channel", "TELEGRAM", "urgent", true, "municipality", "OLSKY",
				"category", "ENERGY"));

		assertThat(ids(curator(), Map.of("text", marker, "urgent", true, "channel", "TELEGRAM", "municipality",
				"TENKINSKY", "category", "ENERGY", "statuses", List.of("NEW")))).containsExactly(urgentTenka);
		assertThat(ids(curator(), Map.of("text", marker, "statuses", List.of("CLOSED")))).isEmpty();
		assertThat(ids(curator(), Map.of("text", marker, "receivedTo", "2000-01-01T00:00:00Z"))).isEmpty();
		assertThat(ids(curator(), Map.of("text", marker, "receivedFrom", "2000-01-01T00:00:00+11:00"))).hasSize(4);
	}

	@Test
	void agencyFilterAndScope() {
		String marker = "ведомство" + Math.abs(uniqueId().hashCode());
		String health = ingest("Поликлиника " + marker);
		String tenka = ingest("Дорога " + marker);
		AppealLifecycleIntegrationTests.ok(curator(), "assignAppeal", Map.of("appealId", health, "agencyId", agency(HEALTH).id()));
		AppealLifecycleIntegrationTests.ok(curator(), "assignAppeal", Map.of("appealId", tenka, "agencyId", agency(TENKA).id()));

		assertThat(ids(curator(), Map.of("text", marker, "agencyId", agency(HEALTH).id()))).containsExactly(health);
		assertThat(ids(executor(HEALTH), Map.of("text", marker))).containsExactly(health);
		assertThat(ids(head(TENKA), Map.of("text", marker))).containsExactly(tenka);
		// Asking for another agency's appeals yields nothing, not an error that would confirm they exist.
		assertThat(ids(executor(HEALTH), Map.of("text", marker, "agencyId", agency(TENKA).id()))).isEmpty();
	}

	@Test
	void pagesNeitherSkipNorRepeatWhileAppealsArrive() {
		String marker = "страница" + Math.abs(uniqueId().hashCode());
		Set<String> created = new HashSet<>();
		for (int i = 0; i < 23; i++) {
			created.add(ingest("Обращение номер " + i + " " + marker));
		}
		for (String order : List.of("RECEIVED_DESC", "RECEIVED_ASC")) {
			List<String> seen = new ArrayList<>();
			String after = null;
			int pages = 0;
			do {
				var response = curator().documentName("appeals")
					.variable("filter", Map.of("text", marker))
					.variable("orderBy", order)
					.variable("first", 5)
					.variable("after", after)
					.execute();
				List<Map<String, Object>> edges = response.path("appeals.edges").entity(EDGES).get();
				edges.forEach(e -> seen.add((String) ((Map<?, ?>) e.get("node")).get("id")));
				boolean more = response.path("appeals.pageInfo.hasNextPage").entity(Boolean.class).get();
				after = more ? response.path("appeals.pageInfo.endCursor").entity(String.class).get() : null;
				if (pages++ == 1) {
					// New appeals arriving meanwhile must not shift the pages.
					ingest("Поздний " + marker + " " + order);
				}
			}
			while (after != null);
			assertThat(seen).doesNotHaveDuplicates();
			assertThat(seen).containsAll(created);
		}
	}

	@Test
	void slaStatesSplitOpenAppealsAsTheFiguresDo() {
		String marker = "срок" + Math.abs(uniqueId().hashCode());
		String overdue = ingest("Просрочено " + marker);
		String atRisk = ingest("На исходе " + marker);
		String onTrack = ingest("В срок " + marker);
		String answeredLate = ingest("Отвечено поздно " + marker);
		Instant past = Instant.now().minus(2, ChronoUnit.HOURS);
		set(overdue, Update.update("sla.firstResponseDueAt", past));
		// Announced at risk and past due: overdue wins, an appeal is in one state only.
		set(overdue, new Update().push("sla.announced", "FIRST_RESPONSE:AT_RISK"));
		set(atRisk, new Update().push("sla.announced", "FIRST_RESPONSE:AT_RISK"));
		set(answeredLate, Update.update("sla.firstResponseDueAt", past).set("status", "ANSWERED")
			.set("firstRespondedAt", Instant.now()).set("answeredAt", Instant.now()));

		assertThat(ids(curator(), Map.of("text", marker, "slaStates", List.of("OVERDUE")))).containsExactly(overdue);
		assertThat(ids(curator(), Map.of("text", marker, "slaStates", List.of("AT_RISK")))).containsExactly(atRisk);
		assertThat(ids(curator(), Map.of("text", marker, "slaStates", List.of("ON_TRACK")))).containsExactly(onTrack);
		assertThat(ids(curator(), Map.of("text", marker, "slaStates", List.of("OVERDUE", "AT_RISK"))))
			.containsExactlyInAnyOrder(overdue, atRisk);
		assertThat(ids(curator(), Map.of("text", marker))).hasSize(4);
	}

	@Test
	void answeredPeriodFindsWhatTheAnsweredFigureCounts() {
		String marker = "отвечено" + Math.abs(uniqueId().hashCode());
		String answered = ingest("Ответ дан " + marker);
		ingest("Ответа нет " + marker);
		set(answered, Update.update("status", "ANSWERED").set("answeredAt", Instant.parse("2026-03-10T02:00:00Z")));

		assertThat(ids(curator(), Map.of("text", marker, "answeredFrom", "2026-03-10T00:00:00+11:00", "answeredTo",
				"2026-03-11T00:00:00+11:00"))).containsExactly(answered);
		assertThat(ids(curator(), Map.of("text", marker, "answeredFrom", "2026-03-11T00:00:00+11:00"))).isEmpty();
	}

	@Test
	void authorSearchIsForThoseWhoSeePersonalData() {
		String marker = "автор" + Math.abs(uniqueId().hashCode());
		String ivanova = ingest("Яма во дворе " + marker, Map.of("authorName", "Мария Иванова"));
		ingest("Яма на дороге " + marker, Map.of("authorName", "Пётр Сидоров"));
		AppealLifecycleIntegrationTests.ok(curator(), "assignAppeal", Map.of("appealId", ivanova, "agencyId", agency(HEALTH).id()));

		assertThat(ids(curator(), Map.of("text", marker, "author", "иванов"))).containsExactly(ivanova);
		assertThat(ids(curator(), Map.of("text", marker, "author", "(.*"))).isEmpty();
		assertThat(ids(executor(HEALTH), Map.of("text", marker, "author", "ИВАНОВА"))).containsExactly(ivanova);
		head(HEALTH).documentName("appeals").variable("filter", Map.of("author", "Иванова")).execute().errors()
			.satisfy(errors -> assertThat(errors).singleElement()
				.satisfies(e -> assertThat(e.getExtensions()).containsEntry("errorDetail", "FORBIDDEN")));
	}

	private void set(String id, Update update) {
		this.mongo.updateFirst(Query.query(Criteria.where("_id").is(new org.bson.types.ObjectId(id))), update, Appeal.class)
			.block();
	}

	@Test
	void pageLargerThanTheLimitIsRefused() {
		curator().documentName("appeals").variable("first", 101).execute().errors().satisfy(errors -> {
			assertThat(errors).singleElement().satisfies(e -> {
				assertThat(e.getErrorType().toString()).isEqualTo("BAD_REQUEST");
				assertThat(e.getExtensions()).containsEntry("errorDetail", "INVALID_ARGUMENT");
			});
		});
	}

	@Test
	void garbageCursorIsAClassifiedError() {
		curator().documentName("appeals").variable("after", "%%%not-a-cursor").execute().errors().satisfy(errors ->
			assertThat(errors).singleElement().satisfies(e ->
				assertThat(e.getExtensions()).containsEntry("errorDetail", "INVALID_CURSOR")));
	}

	List<String> ids(HttpGraphQlTester tester, Map<String, Object> filter) {
		return tester.documentName("appeals").variable("filter", filter).variable("first", 100).execute()
			.path("appeals.edges").entity(EDGES).get()
			.stream().map(e -> (String) ((Map<?, ?>) e.get("node")).get("id")).toList();
	}

}
