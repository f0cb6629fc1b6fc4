package org.otklik.appeal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.otklik.support.IntegrationTestSupport;

import org.springframework.core.ParameterizedTypeReference;

import static org.assertj.core.api.Assertions.assertThat;

class SlaIntegrationTests extends IntegrationTestSupport {

	static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() {
	};

	static final String SLA = """
			query($id: ID!) { appeal(id: $id) { id status receivedAt sla { paused timeZone
			  policy { code } pauses { from to reason }
			  firstResponse { kind state dueAt dueAtLocal businessTimeLeftSeconds businessTimeLeft elapsedPercent pausedSeconds atRiskAt breachAt metAt }
			  finalAnswer { kind state dueAt dueAtLocal businessTimeLeftSeconds pausedSeconds metAt } } } }""";

	Map<String, Object> sla(String id) {
		return curator().document(SLA).variable("id", id).execute().path("appeal.sla").entity(MAP).get();
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> clock(Map<String, Object> sla, String name) {
		return (Map<String, Object>) sla.get(name);
	}

	static Instant instant(Object value) {
		return Instant.parse((String) value);
	}

	@Test
	void socialMediaAppealGetsTheSocialPolicyAndTheForecastDeadlines() {
		String id = ingest("Не убран снег во дворе", Map.of("channel", "VK"));
		Map<String, Object> sla = sla(id);
		assertThat(((Map<?, ?>) sla.get("policy")).get("code")).isEqualTo("SOCIAL");
		assertThat(sla).containsEntry("timeZone", "Asia/Magadan").containsEntry("paused", false);
		String receivedAt = curator().document("query($id: ID!) { appeal(id: $id) { receivedAt } }").variable("id", id)
			.execute().path("appeal.receivedAt").entity(String.class).get();
		Map<String, Object> forecast = curator()
			.document("query($at: DateTime) { slaForecast(channel: VK, receivedAt: $at) { firstResponseDueAt finalAnswerDueAt policy { code } } }")
			.variable("at", receivedAt).execute().path("slaForecast").entity(MAP).get();
		assertThat(instant(clock(sla, "firstResponse").get("dueAt"))).isEqualTo(instant(forecast.get("firstResponseDueAt")));
		assertThat(instant(clock(sla, "finalAnswer").get("dueAt"))).isEqualTo(instant(forecast.get("finalAnswerDueAt")));
		assertThat(clock(sla, "firstResponse").get("state")).isIn("ON_TRACK", "AT_RISK");
	}

	@Test
	void urgentAppealsRunOnTheRoundTheClockCalendar() {
		String id = ingest("Нет света и отопления, в доме дети", Map.of("channel", "TELEGRAM", "urgent", true));
		Map<String, Object> sla = sla(id);
		assertThat(((Map<?, ?>) sla.get("policy")).get("code")).isEqualTo("URGENT");
		Instant received = instant(curator().document("query($id: ID!) { appeal(id: $id) { receivedAt } }")
			.variable("id", id).execute().path("appeal.receivedAt").entity(String.class).get());
		assertThat(instant(clock(sla, "firstResponse").get("dueAt"))).isEqualTo(received.plus(Duration.ofHours(1)));
		assertThat(instant(clock(sla, "finalAnswer").get("dueAt"))).isEqualTo(received.plus(Duration.ofHours(24)));
	}

	@Test
	void pauseStopsBothClocksAndResumeShiftsTheDeadlineByThePause() throws Exception {
		String id = ingest("Прорвало трубу", Map.of("channel", "TELEGRAM", "urgent", true));
		AppealLifecycleIntegrationTests.ok(curator(), "assignAppeal", Map.of("appealId", id, "agencyId", agency(HEALTH).id()));
		Instant dueBefore = instant(clock(sla(id), "firstResponse").get("dueAt"));

		var paused = executor(HEALTH).document("mutation($in: PauseAppealInput!) { pauseAppeal(input: $in) { errors { code } appeal { version } } }")
			.variable("in", Map.of("appealId", id, "reason", "Уточняем номер квартиры")).execute();
		paused.path("pauseAppeal.errors").entityList(Object.class).hasSize(0);
		assertThat(sla(id)).containsEntry("paused", true);
		// Pausing twice is refused.
		executor(HEALTH).document("mutation($in: PauseAppealInput!) { pauseAppeal(input: $in) { errors { code } } }")
			.variable("in", Map.of("appealId", id, "reason", "ещё раз")).execute()
			.path("pauseAppeal.errors[0].code").entity(String.class).isEqualTo("ILLEGAL_TRANSITION");
		Thread.sleep(1200);
		executor(HEALTH).document("mutation($in: ResumeAppealInput!) { resumeAppeal(input: $in) { errors { code } } }")
			.variable("in", Map.of("appealId", id)).execute()
			.path("resumeAppeal.errors").entityList(Object.class).hasSize(0);

		Map<String, Object> sla = sla(id);
		List<Map<String, Object>> pauses = (List<Map<String, Object>>) sla.get("pauses");
		assertThat(pauses).singleElement().satisfies(p -> assertThat(p).containsEntry("reason", "Уточняем номер квартиры"));
		Duration paused2 = Duration.between(instant(pauses.get(0).get("from")), instant(pauses.get(0).get("to")));
		assertThat(paused2).isGreaterThanOrEqualTo(Duration.ofMillis(1000));
		assertThat(instant(clock(sla, "firstResponse").get("dueAt"))).isEqualTo(dueBefore.plus(paused2));
		assertThat((Integer) clock(sla, "firstResponse").get("pausedSeconds")).isEqualTo((int) paused2.toSeconds());
		assertThat(sla).containsEntry("paused", false);
	}

	@Test
	void redirectKeepsTheClocks() {
		String id = ingest("Яма на дороге", Map.of("channel", "OK"));
		AppealLifecycleIntegrationTests.ok(curator(), "assignAppeal", Map.of("appealId", id, "agencyId", agency(HEALTH).id()));
		Map<String, Object> before = sla(id);
		AppealLifecycleIntegrationTests.ok(curator(), "redirectAppeal",
				Map.of("appealId", id, "agencyId", agency(TENKA).id(), "reason", "Дороги — округ"));
		Map<String, Object> after = sla(id);
		assertThat(clock(after, "firstResponse").get("dueAt")).isEqualTo(clock(before, "firstResponse").get("dueAt"));
		assertThat(clock(after, "finalAnswer").get("dueAt")).isEqualTo(clock(before, "finalAnswer").get("dueAt"));
	}

	@Test
	void answersMeetTheClocksAndAReopeningStartsANewFinalAnswerClock() {
		String id = ingest("Нет воды", Map.of("channel", "VK", "urgent", true));
		AppealLifecycleIntegrationTests.ok(curator(), "assignAppeal", Map.of("appealId", id, "agencyId", agency(HEALTH).id()));
		AppealLifecycleIntegrationTests.ok(executor(HEALTH), "takeAppeal", Map.of("appealId", id));
		AppealLifecycleIntegrationTests.ok(executor(HEALTH), "submitAnswer",
				Map.of("appealId", id, "kind", "INTERIM", "text", "Выехали"));
		assertThat(clock(sla(id), "firstResponse")).containsEntry("state", "MET");
		Map<String, Object> submitted = AppealLifecycleIntegrationTests.ok(executor(HEALTH), "submitAnswer",
				Map.of("appealId", id, "kind", "FINAL", "text", "Воду дали в 14:00"));
		AppealLifecycleIntegrationTests.ok(curator(), "approveAnswer",
				Map.of("appealId", id, "answerId", AppealLifecycleIntegrationTests.lastAnswerId(submitted)));
		Map<String, Object> answered = sla(id);
		assertThat(clock(answered, "finalAnswer")).containsEntry("state", "MET");
		Instant firstFinalDue = instant(clock(answered, "finalAnswer").get("dueAt"));

		AppealLifecycleIntegrationTests.ok(curator(), "reopenAppeal", Map.of("appealId", id, "reason", "Воды снова нет"));
		Map<String, Object> reopened = sla(id);
		assertThat(clock(reopened, "finalAnswer").get("state")).isIn("ON_TRACK", "AT_RISK");
		assertThat(clock(reopened, "finalAnswer").get("metAt")).isNull();
		assertThat(instant(clock(reopened, "finalAnswer").get("dueAt"))).isAfterOrEqualTo(firstFinalDue);
		assertThat(clock(reopened, "firstResponse")).containsEntry("state", "MET");
	}

	@Test
	void extensionIsAllowedOnceAndOnlyForFormalAppeals() {
		String formal = ingest("Прошу разъяснить порядок компенсации", Map.of("channel", "EMAIL"));
		AppealLifecycleIntegrationTests.ok(curator(), "assignAppeal", Map.of("appealId", formal, "agencyId", agency(HEALTH).id()));
		Instant due = instant(clock(sla(formal), "finalAnswer").get("dueAt"));
		String extend = "mutation($in: ExtendAppealDeadlineInput!) { extendAppealDeadline(input: $in) { errors { code } } }";
		curator().document(extend).variable("in", Map.of("appealId", formal, "reason", "Запрошены документы")).execute()
			.path("extendAppealDeadline.errors").entityList(Object.class).hasSize(0);
		assertThat(instant(clock(sla(formal), "finalAnswer").get("dueAt"))).isEqualTo(due.plus(Duration.ofDays(30)));
		curator().document(extend).variable("in", Map.of("appealId", formal, "reason", "ещё раз")).execute()
			.path("extendAppealDeadline.errors[0].code").entity(String.class).isEqualTo("ILLEGAL_TRANSITION");

		String social = ingest("Пост во ВКонтакте", Map.of("channel", "VK"));
		AppealLifecycleIntegrationTests.ok(curator(), "assignAppeal", Map.of("appealId", social, "agencyId", agency(HEALTH).id()));
		// The policy, not the status, forbids it.
		curator().document(extend).variable("in", Map.of("appealId", social, "reason", "нужно время")).execute()
			.path("extendAppealDeadline.errors[0].code").entity(String.class).isEqualTo("INVALID");
	}

	@Test
	void curatorsLoadANewCalendarYearAndItStopsBeingProvisional() {
		String info = "query { calendarYear(year: 2031) { year provisional } }";
		curator().document(info).execute().path("calendarYear.provisional").entity(Boolean.class).isEqualTo(true);
		String load = """
				mutation($in: LoadCalendarYearInput!) { loadCalendarYear(input: $in) { errors { code field message } year { year provisional days { date type } } } }""";
		curator().document(load).variable("in", Map.of("year", 2031, "source", "Постановление (тест)", "days",
				List.of(Map.of("date", "2031-01-01", "type", "DAY_OFF"), Map.of("date", "2030-05-05", "type", "DAY_OFF"))))
			.execute().path("loadCalendarYear.errors").entityList(Map.class).satisfies(errors ->
				assertThat(errors).isNotEmpty().allSatisfy(e -> assertThat(e.get("code")).isEqualTo("INVALID")));
		curator().document(load).variable("in", Map.of("year", 2031, "source", "Постановление (тест)", "days",
				List.of(Map.of("date", "2031-01-01", "type", "DAY_OFF"), Map.of("date", "2031-01-02", "type", "DAY_OFF"))))
			.execute().path("loadCalendarYear.errors").entityList(Object.class).hasSize(0);
		curator().document(info).execute().path("calendarYear.provisional").entity(Boolean.class).isEqualTo(false);
		// Another instance on the same database (its own registry) has the year in force after its refresh.
		org.otklik.sla.ProductionCalendarRegistry other = org.otklik.sla.ProductionCalendarRegistry.withBuiltInYears();
		assertThat(other.isProvisional(2031)).isTrue();
		org.otklik.sla.CalendarYearStore otherStore = new org.otklik.sla.CalendarYearStore(this.mongo, other,
				java.time.Duration.ofSeconds(10));
		assertThat(otherStore.refresh().block(java.time.Duration.ofSeconds(10))).isEqualTo(1);
		assertThat(other.isProvisional(2031)).isFalse();
		assertThat(otherStore.refresh().block(java.time.Duration.ofSeconds(10))).as("nothing new the second time").isZero();
		// Only curators load calendars.
		executor(HEALTH).document(load).variable("in", Map.of("year", 2032, "source", "x", "days", List.of())).execute()
			.errors().satisfy(errors -> assertThat(errors).singleElement()
				.satisfies(e -> assertThat(e.getErrorType().toString()).isEqualTo("FORBIDDEN")));
	}

	@Test
	void curatorsEditPolicies() {
		String upsert = """
				mutation($in: UpsertSlaPolicyInput!) { upsertSlaPolicy(input: $in) { errors { code message } policy { code name category firstResponse { amount unit label } } } }""";
		curator().document(upsert).variable("in", Map.of("code", "TEST_CULTURE", "name", "Культура (тест)", "category",
				"CULTURE", "channelGroup", "SOCIAL", "urgent", false, "calendar", "BUSINESS",
				"firstResponse", Map.of("amount", 4, "unit", "BUSINESS_HOURS"),
				"finalAnswer", Map.of("amount", 3, "unit", "WORKING_DAYS")))
			.execute().path("upsertSlaPolicy.errors").entityList(Object.class).hasSize(0)
			.path("upsertSlaPolicy.policy.firstResponse.amount").entity(Integer.class).isEqualTo(4);
		String id = ingest("Закрыли библиотеку", Map.of("channel", "VK", "category", "CULTURE"));
		assertThat(((Map<?, ?>) sla(id).get("policy")).get("code")).isEqualTo("TEST_CULTURE");
		curator().document(upsert).variable("in", Map.of("code", "BAD", "name", "x", "calendar", "BUSINESS",
				"firstResponse", Map.of("amount", 0, "unit", "BUSINESS_HOURS"),
				"finalAnswer", Map.of("amount", 3, "unit", "WORKING_DAYS")))
			.execute().path("upsertSlaPolicy.errors[0].code").entity(String.class).isEqualTo("INVALID");
	}

}
