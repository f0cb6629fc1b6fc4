package org.otklik.appeal;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.otklik.security.Role;
import org.otklik.support.IntegrationTestSupport;
import reactor.core.Disposable;
import reactor.core.publisher.Sinks;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.otklik.appeal.AppealLifecycleIntegrationTests.MAP;
import static org.otklik.appeal.AppealLifecycleIntegrationTests.errors;
import static org.otklik.appeal.AppealLifecycleIntegrationTests.history;
import static org.otklik.appeal.AppealLifecycleIntegrationTests.ok;

/**
 * Nothing stuck: reassigning within the agency for every role, the head's take-over, the holder rule on
 * answers, and the history entry, event and colleague list that go with them, over the real API.
 */
class AppealReassignIntegrationTests extends IntegrationTestSupport {

	static final String COLLEAGUE_ID = "exec2.minzdrav";

	@Autowired
	AppealEventStream events;

	HttpGraphQlTester colleague() {
		return as(this.tokens.user(COLLEAGUE_ID, "Ирина Соколова", HEALTH, Role.EXECUTOR));
	}

	@BeforeEach
	void staffHaveSignedIn() {
		// Signing in (the PWA's `me`) is what puts staff into the directory.
		for (HttpGraphQlTester member : List.of(executor(HEALTH), colleague(), head(HEALTH), executor(TENKA))) {
			member.document("{ me { id } }").execute().path("me.id").hasValue();
		}
	}

	String heldByExecutor() {
		String id = ingest("Не работает лифт в поликлинике " + uniqueId());
		ok(curator(), "assignAppeal", Map.of("appealId", id, "agencyId", agency(HEALTH).id()));
		ok(executor(HEALTH), "takeAppeal", Map.of("appealId", id));
		return id;
	}

	@Test
	void theHolderHandsOverToAColleagueWithACommentAndTheHistoryAndEventSaySo() {
		String id = heldByExecutor();
		Sinks.One<AppealEvent> seen = Sinks.one();
		Disposable subscription = this.events
			.events(null, e -> e.appeal().id().equals(id) && e instanceof AppealEvent.AppealReassigned, 16)
			.subscribe(seen::tryEmitValue);
		try {
			Map<String, Object> after = ok(executor(HEALTH), "reassignAppeal",
					Map.of("appealId", id, "executorId", COLLEAGUE_ID, "comment", "Ухожу в отпуск, фото у жителя запрошено"));
			assertThat(castMap(after.get("executor"))).containsEntry("id", COLLEAGUE_ID).containsEntry("name", "Ирина Соколова");
			Map<String, Object> entry = history(after).get(history(after).size() - 1);
			assertThat(entry).containsEntry("type", "REASSIGNED")
				.containsEntry("reason", "Ухожу в отпуск, фото у жителя запрошено")
				.containsEntry("fromStatus", "IN_PROGRESS")
				.containsEntry("toStatus", "IN_PROGRESS");
			assertThat(castMap(entry.get("actor"))).containsEntry("id", "exec.minzdrav");
			assertThat(castMap(entry.get("fromExecutor"))).containsEntry("id", "exec.minzdrav");
			assertThat(castMap(entry.get("toExecutor"))).containsEntry("id", COLLEAGUE_ID);

			AppealEvent.AppealReassigned event = (AppealEvent.AppealReassigned) seen.asMono().block(Duration.ofSeconds(30));
			assertThat(event.from().id()).isEqualTo("exec.minzdrav");
			assertThat(event.to().id()).isEqualTo(COLLEAGUE_ID);
			assertThat(event.comment()).isEqualTo("Ухожу в отпуск, фото у жителя запрошено");
			assertThat(event.meta().actor().id()).isEqualTo("exec.minzdrav");
		}
		finally {
			subscription.dispose();
		}

		// Now only the new holder answers; the previous one is told who holds it.
		List<Map<String, Object>> refused = errors(executor(HEALTH), "submitAnswer",
				Map.of("appealId", id, "kind", "INTERIM", "text", "Здравствуйте! Лифт починят завтра."));
		assertThat(refused).singleElement().satisfies(e -> {
			assertThat(e).containsEntry("code", "NOT_HOLDER");
			assertThat((String) e.get("message")).contains("Ирина Соколова");
		});
		ok(colleague(), "submitAnswer", Map.of("appealId", id, "kind", "INTERIM", "text", "Здравствуйте! Лифт починят завтра."));
	}

	@Test
	void anExecutorMustSayWhyTheyHandOver() {
		String id = heldByExecutor();
		assertThat(errors(executor(HEALTH), "reassignAppeal", Map.of("appealId", id, "executorId", COLLEAGUE_ID)))
			.singleElement().satisfies(e -> {
				assertThat(e).containsEntry("code", "REQUIRED");
				assertThat(e.get("field")).isEqualTo(List.of("input", "comment"));
			});
	}

	@Test
	void anExecutorWhoDoesNotHoldItCannotAnswerOrHandItOn() {
		String id = heldByExecutor();
		assertThat(errors(colleague(), "submitAnswer", Map.of("appealId", id, "kind", "FINAL", "text", "Здравствуйте! Готово.")))
			.extracting(e -> e.get("code")).containsExactly("NOT_HOLDER");
		assertThat(errors(colleague(), "reassignAppeal",
				Map.of("appealId", id, "executorId", COLLEAGUE_ID, "comment", "Заберу себе")))
			.extracting(e -> e.get("code")).containsExactly("NOT_HOLDER");
	}

	@Test
	void anotherAgencysExecutorCannotSeeOrReassignIt() {
		String id = heldByExecutor();
		// Not even its existence: the appeal is outside their scope.
		assertThat(errors(executor(TENKA), "reassignAppeal",
				Map.of("appealId", id, "executorId", COLLEAGUE_ID, "comment", "Передаю")))
			.extracting(e -> e.get("code")).containsExactly("NOT_FOUND");
	}

	@Test
	void theHeadReassignsWithoutACommentAndNotOutsideTheAgency() {
		String id = heldByExecutor();
		Map<String, Object> after = ok(head(HEALTH), "reassignAppeal", Map.of("appealId", id, "executorId", COLLEAGUE_ID));
		assertThat(castMap(after.get("executor"))).containsEntry("id", COLLEAGUE_ID);
		// An executor of another agency is not a colleague here; an unknown id is nobody's.
		assertThat(errors(head(HEALTH), "reassignAppeal", Map.of("appealId", id, "executorId", "exec.tenka")))
			.singleElement().satisfies(e -> {
				assertThat(e).containsEntry("code", "NOT_FOUND");
				assertThat(e.get("field")).isEqualTo(List.of("input", "executorId"));
			});
		assertThat(errors(head(HEALTH), "reassignAppeal", Map.of("appealId", id, "executorId", "nobody")))
			.extracting(e -> e.get("code")).containsExactly("NOT_FOUND");
		assertThat(errors(head(HEALTH), "reassignAppeal", Map.of("appealId", id, "executorId", COLLEAGUE_ID)))
			.extracting(e -> e.get("code")).containsExactly("NO_CHANGE");
	}

	@Test
	void theCuratorReassignsAnAppealNobodyHoldsAndItGoesIntoWork() {
		String id = ingest("Нет талонов к терапевту " + uniqueId());
		ok(curator(), "assignAppeal", Map.of("appealId", id, "agencyId", agency(HEALTH).id()));
		Map<String, Object> after = ok(curator(), "reassignAppeal", Map.of("appealId", id, "executorId", COLLEAGUE_ID));
		assertThat(after).containsEntry("status", "IN_PROGRESS");
		Map<String, Object> entry = history(after).get(history(after).size() - 1);
		assertThat(entry.get("fromExecutor")).isNull();
		assertThat(castMap(entry.get("toExecutor"))).containsEntry("id", COLLEAGUE_ID);
	}

	@Test
	void theHeadTakesOverAndMayAnswer() {
		String id = heldByExecutor();
		Map<String, Object> after = ok(head(HEALTH), "takeOverAppeal", Map.of("appealId", id, "comment", "Исполнитель заболел"));
		assertThat(castMap(after.get("executor"))).containsEntry("id", "head.minzdrav");
		Map<String, Object> entry = history(after).get(history(after).size() - 1);
		assertThat(entry).containsEntry("type", "REASSIGNED").containsEntry("reason", "Исполнитель заболел");
		assertThat(castMap(entry.get("fromExecutor"))).containsEntry("id", "exec.minzdrav");
		assertThat(castMap(entry.get("toExecutor"))).containsEntry("id", "head.minzdrav");
		assertThat(errors(head(HEALTH), "takeOverAppeal", Map.of("appealId", id))).extracting(e -> e.get("code"))
			.containsExactly("NO_CHANGE");
		assertThat(errors(executor(HEALTH), "submitAnswer", Map.of("appealId", id, "kind", "INTERIM", "text", "Здравствуйте!")))
			.extracting(e -> e.get("code")).containsExactly("NOT_HOLDER");
		ok(head(HEALTH), "submitAnswer", Map.of("appealId", id, "kind", "INTERIM", "text", "Здравствуйте! Разберёмся сегодня."));
	}

	@Test
	void onlyTheHeadTakesOver() {
		String id = heldByExecutor();
		// Curators reassign rather than take over: the role itself is refused, before the appeal is read.
		curator().documentName("takeOverAppeal").fragmentName("appealFields").variable("input", Map.of("appealId", id))
			.execute().errors().satisfy(errors -> assertThat(errors).singleElement()
				.satisfies(e -> assertThat(e.getErrorType().toString()).isEqualTo("FORBIDDEN")));
		assertThat(errors(head(TENKA), "takeOverAppeal", Map.of("appealId", id))).extracting(e -> e.get("code"))
			.containsExactly("NOT_FOUND");
	}

	@Test
	void executorsAndIntegratorsAreRefusedByRole() {
		String id = heldByExecutor();
		// takeOverAppeal is the head's; reassignAppeal is not an integrator's at all.
		executor(HEALTH).documentName("takeOverAppeal").fragmentName("appealFields").variable("input", Map.of("appealId", id))
			.execute().errors().satisfy(errors -> assertThat(errors).singleElement()
				.satisfies(e -> assertThat(e.getErrorType().toString()).isEqualTo("FORBIDDEN")));
		integrator().documentName("reassignAppeal").fragmentName("appealFields")
			.variable("input", Map.of("appealId", id, "executorId", COLLEAGUE_ID, "comment", "x"))
			.execute().errors().satisfy(errors -> assertThat(errors).singleElement()
				.satisfies(e -> assertThat(e.getErrorType().toString()).isEqualTo("FORBIDDEN")));
	}

	@Test
	void viewerCanOffersTheNewActionsByRole() {
		String id = heldByExecutor();
		String document = "query($id: ID!) { appeal(id: $id) { viewerCan { answer reassign takeOver } } }";
		assertThat(can(executor(HEALTH), document, id)).containsEntry("answer", true).containsEntry("reassign", true)
			.containsEntry("takeOver", false);
		assertThat(can(colleague(), document, id)).containsEntry("answer", false).containsEntry("reassign", false)
			.containsEntry("takeOver", false);
		assertThat(can(head(HEALTH), document, id)).containsEntry("answer", true).containsEntry("reassign", true)
			.containsEntry("takeOver", true);
		assertThat(can(curator(), document, id)).containsEntry("answer", false).containsEntry("reassign", true)
			.containsEntry("takeOver", false);
	}

	@Test
	void theColleaguePickerListsTheAgencysExecutorsToItsOwnStaffAndCurators() {
		String health = agency(HEALTH).id();
		String document = "query($a: ID!) { agencyExecutors(agencyId: $a) { edges { node { id name } } } }";
		List<Object> ids = executor(HEALTH).document(document).variable("a", health).execute()
			.path("agencyExecutors.edges[*].node.id").entityList(Object.class).get();
		assertThat(ids).contains("exec.minzdrav", COLLEAGUE_ID).doesNotContain("head.minzdrav", "exec.tenka");
		assertThat(curator().document(document).variable("a", health).execute()
			.path("agencyExecutors.edges[*].node.id").entityList(Object.class).get()).contains(COLLEAGUE_ID);
		// Another agency's staff see nobody; integrators may not ask.
		executor(TENKA).document(document).variable("a", health).execute().path("agencyExecutors.edges").entityList(Object.class)
			.hasSize(0);
		integrator().document(document).variable("a", health).execute().errors()
			.satisfy(errors -> assertThat(errors).isNotEmpty());
	}

	Map<String, Object> can(HttpGraphQlTester tester, String document, String id) {
		return tester.document(document).variable("id", id).execute().path("appeal.viewerCan").entity(MAP).get();
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> castMap(Object value) {
		return (Map<String, Object>) value;
	}

}
