package org.otklik.appeal;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.otklik.support.IntegrationTestSupport;

import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

class AppealLifecycleIntegrationTests extends IntegrationTestSupport {

	// ------------------------------------------------------------ legal transitions

	@Test
	void appealGoesThroughTheWholeLifecycle() {
		String id = ingest("Нет горячей воды в поликлинике №1");
		String health = agency(HEALTH).id();

		Map<String, Object> assigned = ok(curator(), "assignAppeal", Map.of("appealId", id, "agencyId", health));
		assertThat(assigned).containsEntry("status", "ASSIGNED").containsEntry("version", 2);
		assertThat(assigned.get("agency")).isEqualTo(Map.of("id", health, "code", HEALTH));

		Map<String, Object> taken = ok(executor(HEALTH), "takeAppeal", Map.of("appealId", id));
		assertThat(taken).containsEntry("status", "IN_PROGRESS");
		assertThat(((Map<?, ?>) taken.get("executor")).get("id")).isEqualTo("exec.minzdrav");

		Map<String, Object> interim = ok(executor(HEALTH), "submitAnswer",
				Map.of("appealId", id, "kind", "INTERIM", "text", "Здравствуйте! Разбираемся, ответим до 18:00."));
		assertThat(interim).containsEntry("status", "IN_PROGRESS");
		assertThat(interim.get("firstRespondedAt")).isNotNull();

		Map<String, Object> submitted = ok(executor(HEALTH), "submitAnswer",
				Map.of("appealId", id, "kind", "FINAL", "text", "Здравствуйте! Бойлер заменят 12 марта."));
		assertThat(submitted).containsEntry("status", "ON_REVIEW");
		String first = lastAnswerId(submitted);

		Map<String, Object> returned = ok(curator(), "returnAnswer",
				Map.of("appealId", id, "answerId", first, "comment", "Добавьте телефон"));
		assertThat(returned).containsEntry("status", "IN_PROGRESS");
		assertThat(answers(returned).get(1)).containsEntry("review", "RETURNED").containsEntry("reviewComment", "Добавьте телефон");

		String second = lastAnswerId(ok(executor(HEALTH), "submitAnswer", Map.of("appealId", id, "kind", "FINAL",
				"text", "Здравствуйте! Бойлер заменят 12 марта, телефон 8 (4132) 20-00-00.")));
		Map<String, Object> approved = ok(curator(), "approveAnswer", Map.of("appealId", id, "answerId", second));
		assertThat(approved).containsEntry("status", "ANSWERED");
		assertThat(approved.get("answeredAt")).isNotNull();

		Map<String, Object> closed = ok(curator(), "closeAppeal", Map.of("appealId", id));
		assertThat(closed).containsEntry("status", "CLOSED");
		assertThat(closed.get("closedAt")).isNotNull();

		Map<String, Object> reopened = ok(curator(), "reopenAppeal", Map.of("appealId", id, "reason", "Житель ответил: воды нет"));
		assertThat(reopened).containsEntry("status", "IN_PROGRESS");
		assertThat(reopened.get("closedAt")).isNull();
		assertThat(reopened.get("answeredAt")).isNull();

		List<Map<String, Object>> history = history(reopened);
		assertThat(history).extracting(h -> h.get("type"))
			.containsExactly("RECEIVED", "ASSIGNED", "TAKEN", "INTERIM_ANSWERED", "FINAL_SUBMITTED", "ANSWER_RETURNED",
					"FINAL_SUBMITTED", "ANSWER_APPROVED", "CLOSED", "REOPENED");
		assertThat(history.get(5)).containsEntry("reason", "Добавьте телефон");
		assertThat(history.get(9)).containsEntry("reason", "Житель ответил: воды нет");
		assertThat(reopened).containsEntry("version", 10);
	}

	@Test
	void redirectMovesTheAppealKeepsHistoryAndIsCounted() {
		String id = ingest("Яма на дороге в Усть-Омчуге");
		ok(curator(), "assignAppeal", Map.of("appealId", id, "agencyId", agency(HEALTH).id()));
		ok(executor(HEALTH), "takeAppeal", Map.of("appealId", id));

		Map<String, Object> redirected = ok(executor(HEALTH), "redirectAppeal",
				Map.of("appealId", id, "agencyId", agency(TENKA).id(), "reason", "Дороги — ведение администрации округа"));
		assertThat(redirected).containsEntry("status", "ASSIGNED").containsEntry("redirectCount", 1);
		assertThat(redirected.get("executor")).isNull();
		Map<String, Object> entry = history(redirected).get(3);
		assertThat(entry).containsEntry("type", "REDIRECTED").containsEntry("reason", "Дороги — ведение администрации округа");
		assertThat(entry.get("fromAgency")).isEqualTo(Map.of("code", HEALTH));
		assertThat(entry.get("toAgency")).isEqualTo(Map.of("code", TENKA));

		// The old agency no longer sees it; the new one does.
		executor(HEALTH).documentName("appeal").fragmentName("appealFields").variable("id", id).execute().path("appeal").valueIsNull();
		ok(executor(TENKA), "takeAppeal", Map.of("appealId", id));
	}

	@Test
	void redirectNeedsAReason() {
		String id = assignedTo(HEALTH);
		List<Map<String, Object>> errors = errors(curator(), "redirectAppeal",
				Map.of("appealId", id, "agencyId", agency(TENKA).id(), "reason", " "));
		assertThat(errors).singleElement().satisfies(e -> {
			assertThat(e).containsEntry("code", "REQUIRED");
			assertThat(e.get("field")).isEqualTo(List.of("input", "reason"));
		});
	}

	@Test
	void redirectToTheSameAgencyChangesNothing() {
		String id = assignedTo(HEALTH);
		assertThat(errors(curator(), "redirectAppeal", Map.of("appealId", id, "agencyId", agency(HEALTH).id(), "reason", "x")))
			.extracting(e -> e.get("code")).containsExactly("NO_CHANGE");
	}

	@Test
	void rejectedAppealCanBeReopenedIntoModeration() {
		String id = ingest("Продам гараж, недорого");
		Map<String, Object> rejected = ok(curator(), "rejectAppeal", Map.of("appealId", id, "reason", "Реклама"));
		assertThat(rejected).containsEntry("status", "REJECTED");
		assertThat(rejected.get("closedAt")).isNotNull();
		Map<String, Object> reopened = ok(curator(), "reopenAppeal", Map.of("appealId", id, "reason", "Ошибочно отклонено"));
		assertThat(reopened).containsEntry("status", "NEW");
		assertThat(reopened.get("agency")).isNull();
	}

	@Test
	void returnNeedsAComment() {
		String id = onReview();
		String answerId = lastAnswerId(appeal(id));
		assertThat(errors(curator(), "returnAnswer", Map.of("appealId", id, "answerId", answerId, "comment", "")))
			.extracting(e -> e.get("code")).containsExactly("REQUIRED");
	}

	@Test
	void someoneElsesTakeIsExplained() {
		String id = assignedTo(HEALTH);
		ok(as(this.tokens.user("exec.other", "Пётр", HEALTH, org.otklik.security.Role.EXECUTOR)), "takeAppeal",
				Map.of("appealId", id));
		List<Map<String, Object>> errors = errors(executor(HEALTH), "takeAppeal", Map.of("appealId", id));
		assertThat(errors).singleElement().satisfies(e -> {
			assertThat(e).containsEntry("code", "TAKEN_BY_OTHER");
			assertThat((String) e.get("message")).contains("Пётр");
		});
	}

	@Test
	void retakingOwnAppealIsHarmless() {
		String id = inProgress();
		Map<String, Object> again = ok(executor(HEALTH), "takeAppeal", Map.of("appealId", id));
		assertThat(again).containsEntry("version", 3);
	}

	@Test
	void resubmittingTheSameClientAnswerIdAddsOneAnswer() {
		String id = inProgress();
		Map<String, Object> input = Map.of("appealId", id, "kind", "INTERIM", "text", "Здравствуйте! Выезжаем.",
				"clientAnswerId", "offline-" + uniqueId());
		ok(executor(HEALTH), "submitAnswer", input);
		Map<String, Object> again = ok(executor(HEALTH), "submitAnswer", input);
		assertThat(answers(again)).hasSize(1);
	}

	@Test
	void staleExpectedVersionIsRefused() {
		String id = assignedTo(HEALTH);
		List<Map<String, Object>> errors = errors(executor(HEALTH), "takeAppeal", Map.of("appealId", id, "expectedVersion", 1));
		assertThat(errors).extracting(e -> e.get("code")).containsExactly("STALE_VERSION");
		ok(executor(HEALTH), "takeAppeal", Map.of("appealId", id, "expectedVersion", 2));
	}

	@Test
	void unknownAppealIsNotFound() {
		assertThat(errors(curator(), "closeAppeal", Map.of("appealId", "000000000000000000000000")))
			.extracting(e -> e.get("code")).containsExactly("NOT_FOUND");
		assertThat(errors(curator(), "closeAppeal", Map.of("appealId", "not-an-id")))
			.extracting(e -> e.get("code")).containsExactly("NOT_FOUND");
	}

	@Test
	void submitAnswerReturnsTheAnswerItCreated() {
		String id = inProgress();
		String clientId = "offline-" + uniqueId();
		String document = "mutation($in: SubmitAnswerInput!) { submitAnswer(input: $in) { errors { code } "
				+ "answer { id kind text } appeal { answers { id } } } }";
		Map<String, Object> input = Map.of("appealId", id, "kind", "INTERIM", "text", "Здравствуйте! Выезжаем сегодня.",
				"clientAnswerId", clientId);
		Map<String, Object> first = executor(HEALTH).document(document).variable("in", input).execute()
			.path("submitAnswer").entity(MAP).get();
		@SuppressWarnings("unchecked")
		Map<String, Object> answer = (Map<String, Object>) first.get("answer");
		assertThat(answer).containsEntry("kind", "INTERIM").containsEntry("text", "Здравствуйте! Выезжаем сегодня.");
		assertThat(answers(castMap(first.get("appeal")))).extracting(a -> a.get("id")).containsExactly(answer.get("id"));
		// A retry from the offline queue names the same answer.
		Map<String, Object> again = executor(HEALTH).document(document).variable("in", input).execute()
			.path("submitAnswer").entity(MAP).get();
		assertThat(castMap(again.get("answer"))).containsEntry("id", answer.get("id"));
	}

	@Test
	void viewerCanShowsExactlyWhatEachCallerMayDoNow() {
		String id = assignedTo(HEALTH);
		String document = "query($id: ID!) { appeal(id: $id) { viewerCan { assign reject redirect take answer approve "
				+ "return close reopen pause resume extend } } }";
		Map<String, Object> executorCan = castMap(executor(HEALTH).document(document).variable("id", id).execute()
			.path("appeal.viewerCan").entity(MAP).get());
		assertThat(trueKeys(executorCan)).containsExactlyInAnyOrder("redirect", "take", "answer", "pause");
		Map<String, Object> curatorCan = castMap(curator().document(document).variable("id", id).execute()
			.path("appeal.viewerCan").entity(MAP).get());
		assertThat(trueKeys(curatorCan)).containsExactlyInAnyOrder("reject", "redirect", "pause");
		Map<String, Object> headCan = castMap(head(HEALTH).document(document).variable("id", id).execute()
			.path("appeal.viewerCan").entity(MAP).get());
		// The head may answer any of the agency's appeals (and reassign or take them over: not asked here).
		assertThat(trueKeys(headCan)).containsExactly("answer");

		// What it offers, the server accepts; what it withholds, the server refuses.
		ok(executor(HEALTH), "takeAppeal", Map.of("appealId", id));
		assertThat(errors(curator(), "closeAppeal", Map.of("appealId", id))).extracting(e -> e.get("code"))
			.containsExactly("ILLEGAL_TRANSITION");
		Map<String, Object> afterTake = castMap(executor(HEALTH).document(document).variable("id", id).execute()
			.path("appeal.viewerCan").entity(MAP).get());
		assertThat(trueKeys(afterTake)).containsExactlyInAnyOrder("redirect", "answer", "pause");
	}

	@Test
	void limitsArePublishedAndEnforced() {
		Map<String, Object> limits = curator().document("{ limits { appealText answerText reason pageSize } }").execute()
			.path("limits").entity(MAP).get();
		assertThat(limits).containsEntry("answerText", 10_000).containsEntry("reason", 2_000).containsEntry("pageSize", 100);
		String id = inProgress();
		assertThat(errors(executor(HEALTH), "submitAnswer", Map.of("appealId", id, "kind", "FINAL", "text",
				"а".repeat((Integer) limits.get("answerText") + 1)))).extracting(e -> e.get("code")).containsExactly("TOO_LONG");
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> castMap(Object value) {
		return (Map<String, Object>) value;
	}

	static List<String> trueKeys(Map<String, Object> can) {
		return can.entrySet().stream().filter(e -> Boolean.TRUE.equals(e.getValue())).map(Map.Entry::getKey).toList();
	}

	// ------------------------------------------------------------ every illegal transition

	static final Map<String, Set<String>> LEGAL = Map.of(
			"rejectAppeal", Set.of("NEW", "ASSIGNED"),
			"assignAppeal", Set.of("NEW"),
			"redirectAppeal", Set.of("ASSIGNED", "IN_PROGRESS"),
			"takeAppeal", Set.of("ASSIGNED", "IN_PROGRESS"),
			"submitAnswer", Set.of("ASSIGNED", "IN_PROGRESS"),
			"approveAnswer", Set.of("ON_REVIEW"),
			"returnAnswer", Set.of("ON_REVIEW"),
			"closeAppeal", Set.of("ANSWERED"),
			"reopenAppeal", Set.of("ANSWERED", "CLOSED", "REJECTED"));

	static Stream<Arguments> illegalTransitions() {
		List<String> statuses = List.of("NEW", "ASSIGNED", "IN_PROGRESS", "ON_REVIEW", "ANSWERED", "CLOSED", "REJECTED");
		return LEGAL.entrySet().stream()
			.flatMap(rule -> statuses.stream().filter(s -> !rule.getValue().contains(s)).map(s -> Arguments.of(rule.getKey(), s)));
	}

	@ParameterizedTest(name = "{0} from {1} is refused")
	@MethodSource("illegalTransitions")
	void illegalTransitionIsRefusedWithItsCode(String mutation, String status) {
		String id = inStatus(status);
		Map<String, Object> before = appeal(id);
		boolean executorOperation = mutation.equals("takeAppeal") || mutation.equals("submitAnswer");
		HttpGraphQlTester actor = executorOperation ? executor(HEALTH) : curator();
		Map<String, Object> input = switch (mutation) {
			case "rejectAppeal", "reopenAppeal" -> Map.of("appealId", id, "reason", "причина");
			case "assignAppeal" -> Map.of("appealId", id, "agencyId", agency(TENKA).id());
			case "redirectAppeal" -> Map.of("appealId", id, "agencyId", agency(TENKA).id(), "reason", "причина");
			case "submitAnswer" -> Map.of("appealId", id, "kind", "FINAL", "text", "Ответ");
			case "approveAnswer" -> Map.of("appealId", id, "answerId", "any");
			case "returnAnswer" -> Map.of("appealId", id, "answerId", "any", "comment", "исправьте");
			default -> Map.of("appealId", id);
		};
		List<Map<String, Object>> errors = errors(actor, mutation, input);
		// Executors cannot see appeals that are not in their agency at all.
		String expected = (executorOperation && (status.equals("NEW") || status.equals("REJECTED"))) ? "NOT_FOUND"
				: "ILLEGAL_TRANSITION";
		assertThat(errors).extracting(e -> e.get("code")).containsExactly(expected);
		assertThat(appeal(id)).containsEntry("version", before.get("version")).containsEntry("status", status);
	}

	// ------------------------------------------------------------ fixtures

	String inStatus(String status) {
		return switch (status) {
			case "NEW" -> ingest("Новое обращение " + uniqueId());
			case "ASSIGNED" -> assignedTo(HEALTH);
			case "IN_PROGRESS" -> inProgress();
			case "ON_REVIEW" -> onReview();
			case "ANSWERED" -> answered();
			case "CLOSED" -> {
				String id = answered();
				ok(curator(), "closeAppeal", Map.of("appealId", id));
				yield id;
			}
			case "REJECTED" -> {
				String id = ingest("Спам " + uniqueId());
				ok(curator(), "rejectAppeal", Map.of("appealId", id, "reason", "Спам"));
				yield id;
			}
			default -> throw new IllegalArgumentException(status);
		};
	}

	String assignedTo(String code) {
		String id = ingest("Обращение " + uniqueId());
		ok(curator(), "assignAppeal", Map.of("appealId", id, "agencyId", agency(code).id()));
		return id;
	}

	String inProgress() {
		String id = assignedTo(HEALTH);
		ok(executor(HEALTH), "takeAppeal", Map.of("appealId", id));
		return id;
	}

	String onReview() {
		String id = inProgress();
		ok(executor(HEALTH), "submitAnswer", Map.of("appealId", id, "kind", "FINAL", "text", "Ответ"));
		return id;
	}

	String answered() {
		String id = onReview();
		ok(curator(), "approveAnswer", Map.of("appealId", id, "answerId", lastAnswerId(appeal(id))));
		return id;
	}

	Map<String, Object> appeal(String id) {
		return curator().documentName("appeal").fragmentName("appealFields").variable("id", id).execute().path("appeal").entity(MAP).get();
	}

	static final org.springframework.core.ParameterizedTypeReference<Map<String, Object>> MAP = new org.springframework.core.ParameterizedTypeReference<>() {
	};

	static final org.springframework.core.ParameterizedTypeReference<List<Map<String, Object>>> LIST = new org.springframework.core.ParameterizedTypeReference<>() {
	};

	static Map<String, Object> ok(HttpGraphQlTester tester, String mutation, Map<String, Object> input) {
		var response = tester.documentName(mutation).fragmentName("appealFields").variable("input", input).execute();
		assertThat(response.path(mutation + ".errors").entity(LIST).get()).as(mutation + " errors").isEmpty();
		return response.path(mutation + ".appeal").entity(MAP).get();
	}

	static List<Map<String, Object>> errors(HttpGraphQlTester tester, String mutation, Map<String, Object> input) {
		return tester.documentName(mutation).fragmentName("appealFields").variable("input", input).execute().path(mutation + ".errors").entity(LIST).get();
	}

	@SuppressWarnings("unchecked")
	static List<Map<String, Object>> history(Map<String, Object> appeal) {
		return (List<Map<String, Object>>) appeal.get("history");
	}

	@SuppressWarnings("unchecked")
	static List<Map<String, Object>> answers(Map<String, Object> appeal) {
		return (List<Map<String, Object>>) appeal.get("answers");
	}

	static String lastAnswerId(Map<String, Object> appeal) {
		List<Map<String, Object>> answers = answers(appeal);
		return (String) answers.get(answers.size() - 1).get("id");
	}

}
