package org.otklik.citizen;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.otklik.appeal.AppealLifecycleIntegrationTestsAccess;
import org.otklik.citizen.internal.ClientLimiter;
import org.otklik.support.IntegrationTestSupport;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The citizen's page end to end: what it shows and hides, the rating's rules, refused and revoked links,
 * the rate limit, and the ratings in the figures and the curators' tasks.
 */
class CitizenPageIntegrationTests extends IntegrationTestSupport {

	static final String AUTHOR = "Иван Петров-Водкин";

	static final String PROFILE = "https://vk.com/id77777";

	static final String INTERIM = "Здравствуйте! Проверяем, ответим до пятницы.";

	@Autowired
	ClientLimiter limiter;

	@BeforeEach
	@org.junit.jupiter.api.AfterEach
	void freshLimits() {
		// Every test calls from 127.0.0.1: each starts, and leaves the next test class, a clean allowance.
		this.limiter.reset();
	}

	String answeredInterim(String text) {
		String id = ingest(text, Map.of("authorName", AUTHOR, "authorProfileUrl", PROFILE));
		AppealLifecycleIntegrationTestsAccess.ok(curator(), "assignAppeal", Map.of("appealId", id, "agencyId", agency(HEALTH).id()));
		AppealLifecycleIntegrationTestsAccess.ok(executor(HEALTH), "takeAppeal", Map.of("appealId", id));
		AppealLifecycleIntegrationTestsAccess.ok(executor(HEALTH), "submitAnswer",
				Map.of("appealId", id, "kind", "INTERIM", "text", INTERIM));
		return id;
	}

	EntityExchangeResult<String> get(String path) {
		return CitizenTestSupport.web(this.port).get().uri(path).exchange().expectBody(String.class).returnResult();
	}

	@Test
	void pageShowsPublishedAnswersAndNoPersonalData() {
		org.otklik.agency.Agency health = agency(HEALTH);
		this.agencies.save(new org.otklik.agency.Agency(health.id(), health.code(), health.name(), health.kind(),
				health.categories(), health.municipality(), health.active(), "+7 (4132) 62-00-01, приёмная")).block();
		String id = answeredInterim("Нет врача в Ягодном, Иван Петров-Водкин, ул. Ленина 5, тел. 89140000000");
		String path = CitizenTestSupport.linkPath(curator(), id);
		assertThat(path).matches("/c/[A-Za-z0-9_-]{22}");
		// A final answer waiting for review is not published: it must not show.
		String pending = "Здравствуйте! Черновик ответа, который ещё не проверен куратором.";
		AppealLifecycleIntegrationTestsAccess.ok(executor(HEALTH), "submitAnswer",
				Map.of("appealId", id, "kind", "FINAL", "text", pending));

		EntityExchangeResult<String> page = get(path);
		assertThat(page.getStatus().value()).isEqualTo(200);
		assertThat(page.getResponseHeaders().getFirst("Content-Security-Policy")).startsWith("default-src 'none'");
		assertThat(page.getResponseHeaders().getFirst("Referrer-Policy")).isEqualTo("same-origin");
		String html = page.getResponseBody();
		assertThat(html).contains(INTERIM, "МАГ-", "Другое · получено", "Ответ подготовлен и проходит проверку.",
				"Министерство здравоохранения", "по времени Магадана", "<a href=\"tel:+74132620001\">", "приёмная")
			.doesNotContain(pending, AUTHOR, "Петров", PROFILE, "vk.com/id", "Исполнитель " + HEALTH, "Куратор ЦУР",
					"ул. Ленина", "89140000000", "Asia/Magadan")
			// No rating before the final answer.
			.doesNotContain("Помог ли ответ?");
	}

	@Test
	void aRatingIsCountedOnceAndChangeableForSevenDays() {
		String id = ingest("Нет врача в Ягодном: оценка");
		CitizenTestSupport.answerFinally(curator(), executor(HEALTH), id, agency(HEALTH).id());
		String path = CitizenTestSupport.linkPath(curator(), id);
		String html = get(path).getResponseBody();
		assertThat(html).contains(CitizenTestSupport.FINAL_TEXT, "Помог ли ответ?", "Дан ответ.");
		int before = satisfaction().get("ratings");

		EntityExchangeResult<String> first = CitizenTestSupport.rate(this.port, path, 5, "Спасибо");
		assertThat(first.getStatus().value()).isEqualTo(303);
		assertThat(first.getResponseHeaders().getLocation()).hasToString(path + "?m=rated");
		EntityExchangeResult<String> second = CitizenTestSupport.rate(this.port, path, 2, "Передумал");
		assertThat(second.getStatus().value()).isEqualTo(303);
		assertThat(get(path + "?m=changed").getResponseBody()).contains("Оценка изменена", "Ваша оценка: 2 из 5.");

		// Counted once, with the changed score: 2 is not satisfied.
		Map<String, Integer> after = satisfaction();
		assertThat(after.get("ratings")).isEqualTo(before + 1);
		Map<String, Object> node = latestRating(this.tokens.head(HEALTH));
		assertThat(node).containsEntry("appealId", id).containsEntry("score", 2).containsEntry("comment", "Передумал");

		// Seven days later, the rating can no longer be changed.
		this.mongo.updateFirst(Query.query(Criteria.where("_id").is(id)),
				new Update().set("ratedAt", Instant.now().minus(Duration.ofDays(8))), CitizenRating.class).block();
		EntityExchangeResult<String> late = CitizenTestSupport.rate(this.port, path, 5, "");
		assertThat(late.getStatus().value()).isEqualTo(409);
		assertThat(late.getResponseBody()).contains("в течение 7 дней", "этот срок прошёл");
		assertThat(get(path).getResponseBody()).contains("Изменить оценку уже нельзя").doesNotContain("<form");

		// Bad input is refused in Russian.
		String other = ingest("Нет врача в Ягодном: плохой ввод");
		CitizenTestSupport.answerFinally(curator(), executor(HEALTH), other, agency(HEALTH).id());
		String otherPath = CitizenTestSupport.linkPath(curator(), other);
		EntityExchangeResult<String> bad = CitizenTestSupport.rate(this.port, otherPath, 7, "");
		assertThat(bad.getStatus().value()).isEqualTo(400);
		assertThat(bad.getResponseBody()).contains("Выберите оценку от 1 до 5.");
		EntityExchangeResult<String> tooLong = CitizenTestSupport.rate(this.port, otherPath, 4, "а".repeat(1001));
		assertThat(tooLong.getStatus().value()).isEqualTo(400);
		assertThat(tooLong.getResponseBody()).contains("Комментарий длиннее 1000 символов");
	}

	@Test
	void ratingBeforeTheFinalAnswerIsRefused() {
		String id = answeredInterim("Нет врача: рано оценивать");
		String path = CitizenTestSupport.linkPath(curator(), id);
		EntityExchangeResult<String> early = CitizenTestSupport.rate(this.port, path, 5, "");
		assertThat(early.getStatus().value()).isEqualTo(409);
		assertThat(early.getResponseBody()).contains("окончательный ответ");
	}

	@Test
	@SuppressWarnings("unchecked")
	void aLowRatingMakesATaskForCurators() {
		String id = CitizenTestSupport.lowRatingTask(this.port, curator(), executor(HEALTH), ingest("Нет врача: низкая оценка"),
				agency(HEALTH).id());
		assertThat(openTasks()).contains(id);
		// Not an automatic reopen: the appeal stays answered.
		assertThat(curator().document("query($id: ID!) { appeal(id: $id) { status } }").variable("id", id).execute()
			.path("appeal.status").entity(String.class).get()).isEqualTo("ANSWERED");

		Map<String, Object> closed = (Map<String, Object>) curator().document("""
				mutation($in: CloseRatingTaskInput!) { closeRatingTask(input: $in) {
				  task { id state closedBy note rating { score comment } } errors { code } } }""")
			.variable("in", Map.of("taskId", id, "note", "Связались с жителем"))
			.execute().path("closeRatingTask").entity(Map.class).get();
		assertThat((List<?>) closed.get("errors")).isEmpty();
		assertThat((Map<String, Object>) closed.get("task")).containsEntry("state", "CLOSED").containsEntry("closedBy", "Куратор ЦУР")
			.containsEntry("note", "Связались с жителем");
		assertThat(openTasks()).doesNotContain(id);
		List<String> again = curator().document("mutation($in: CloseRatingTaskInput!) { closeRatingTask(input: $in) { errors { code } } }")
			.variable("in", Map.of("taskId", id)).execute().path("closeRatingTask.errors[*].code").entityList(String.class).get();
		assertThat(again).containsExactly("ILLEGAL_TRANSITION");
	}

	@Test
	void guessedLinksAreRefusedAndRateLimited() {
		EntityExchangeResult<String> guess = get("/c/AAAAAAAAAAAAAAAAAAAAAA");
		assertThat(guess.getStatus().value()).isEqualTo(404);
		assertThat(guess.getResponseBody()).contains("Страница не найдена").doesNotContain("Whitelabel");
		assertThat(get("/c/x").getStatus().value()).isEqualTo(404);
		assertThat(CitizenTestSupport.rate(this.port, "/c/AAAAAAAAAAAAAAAAAAAAAB", 5, "").getStatus().value()).isEqualTo(404);
		// Ten misses a minute by default: the next guesses are refused even for a real link.
		for (int i = 0; i < 10; i++) {
			get("/c/guess" + i + "AAAAAAAAAAAAAAAA");
		}
		EntityExchangeResult<String> limited = get("/c/guessZZAAAAAAAAAAAAAAA");
		assertThat(limited.getStatus().value()).isEqualTo(429);
		assertThat(limited.getResponseHeaders().getFirst("Retry-After")).isNotBlank();
		assertThat(limited.getResponseBody()).contains("Слишком много запросов");
	}

	@Test
	void pageViewsAndRatingsAreRateLimitedPerClient() {
		String id = answeredInterim("Нет врача: лимит");
		String path = CitizenTestSupport.linkPath(curator(), id);
		for (int i = 0; i < 60; i++) {
			assertThat(get(path).getStatus().value()).as("view " + i).isEqualTo(200);
		}
		EntityExchangeResult<String> limited = get(path);
		assertThat(limited.getStatus().value()).isEqualTo(429);
		assertThat(limited.getResponseBody()).contains("Повторите через минуту");
		for (int i = 0; i < 10; i++) {
			assertThat(CitizenTestSupport.rate(this.port, path, 9, "").getStatus().value()).isEqualTo(400);
		}
		assertThat(CitizenTestSupport.rate(this.port, path, 5, "").getStatus().value()).isEqualTo(429);
	}

	@Test
	void aRevokedLinkIsRefusedAndANewOneWorks() {
		String id = answeredInterim("Нет врача: отзыв ссылки");
		String path = CitizenTestSupport.linkPath(curator(), id);
		assertThat(linkMutation(executor(HEALTH), "revokeCitizenLink", id)).isEqualTo("FORBIDDEN");
		assertThat(linkMutation(curator(), "revokeCitizenLink", id)).isNull();
		EntityExchangeResult<String> gone = get(path);
		assertThat(gone.getStatus().value()).isEqualTo(410);
		assertThat(gone.getResponseBody()).contains("Ссылка больше не действует").doesNotContain(INTERIM);
		assertThat(CitizenTestSupport.rate(this.port, path, 5, "").getStatus().value()).isEqualTo(410);
		assertThat(linkMutation(curator(), "revokeCitizenLink", id)).isEqualTo("ILLEGAL_TRANSITION");

		assertThat(linkMutation(curator(), "issueCitizenLink", id)).isNull();
		assertThat(linkMutation(curator(), "issueCitizenLink", id)).isEqualTo("NO_CHANGE");
		String fresh = CitizenTestSupport.linkPath(curator(), id);
		assertThat(fresh).isNotEqualTo(path);
		assertThat(get(fresh).getResponseBody()).contains(INTERIM);
		assertThat(get(path).getStatus().value()).isEqualTo(410);
	}

	@Test
	void onlyStaffOfTheAgencySeeTheLink() {
		String id = answeredInterim("Нет врача: кто видит ссылку");
		CitizenTestSupport.linkPath(curator(), id);
		for (var tester : List.of(head(HEALTH), executor(HEALTH))) {
			assertThat(tester.document("query($id: ID!) { appeal(id: $id) { citizenLink { path } } }").variable("id", id)
				.execute().path("appeal.citizenLink.path").entity(String.class).get()).startsWith("/c/");
		}
		integrator().document("query($id: ID!) { appeal(id: $id) { citizenLink { path } } }").variable("id", id)
			.execute().path("appeal.citizenLink").valueIsNull();
	}

	/** The error code of a link mutation, null when it succeeded, FORBIDDEN when refused outright. */
	String linkMutation(org.springframework.graphql.test.tester.HttpGraphQlTester tester, String name, String appealId) {
		String type = Character.toUpperCase(name.charAt(0)) + name.substring(1) + "Input";
		var response = tester.document("mutation($in: " + type + "!) { " + name + "(input: $in) { errors { code } } }")
			.variable("in", Map.of("appealId", appealId)).execute();
		try {
			List<String> codes = response.path(name + ".errors[*].code").entityList(String.class).get();
			return codes.isEmpty() ? null : codes.get(0);
		}
		catch (AssertionError ex) {
			return "FORBIDDEN";
		}
	}

	Map<String, Integer> satisfaction() {
		return curator().document("""
				query($a: ID!) { agencyStats(agencyId: $a, period: { kind: MONTH }) { satisfaction { ratings satisfied } } }""")
			.variable("a", agency(HEALTH).id()).execute().path("agencyStats.satisfaction")
			.entity(new org.springframework.core.ParameterizedTypeReference<Map<String, Integer>>() {
			}).get();
	}

	@SuppressWarnings("unchecked")
	Map<String, Object> latestRating(String token) {
		return as(token).document("""
				query($a: ID!) { agencyRatings(agencyId: $a, first: 1) { edges { node { appealId score comment agency { code } } } } }""")
			.variable("a", agency(HEALTH).id()).execute().path("agencyRatings.edges[0].node").entity(Map.class).get();
	}

	List<String> openTasks() {
		return curator().document("{ ratingTasks(first: 100) { edges { node { id state } } } }").execute()
			.path("ratingTasks.edges[*].node.id").entityList(String.class).get();
	}

}
