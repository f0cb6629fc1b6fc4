package org.otklik.appeal;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.otklik.region.RegionSettingsService;
import org.otklik.security.Caller;
import org.otklik.support.IntegrationTestSupport;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.otklik.appeal.AppealLifecycleIntegrationTests.answers;
import static org.otklik.appeal.AppealLifecycleIntegrationTests.castMap;
import static org.otklik.appeal.AppealLifecycleIntegrationTests.errors;
import static org.otklik.appeal.AppealLifecycleIntegrationTests.history;
import static org.otklik.appeal.AppealLifecycleIntegrationTests.ok;

/**
 * Review that protects citizens, over the real API: the region's settings (curators only), interim answers
 * held for review by score or by the «review all» switch, the curator's edit before approval, and internal
 * notes seen by staff only.
 */
class ReviewSettingsIntegrationTests extends IntegrationTestSupport {

	static final String APPEAL = "Третий день течёт вода в подъезде на Пролетарской, 5, затопило подвал";

	/** Specific, polite and on topic: the coach scores it well above the warning line. */
	static final String GOOD = "Здравствуйте! Спасибо, что написали. Бригада МУП «Водоканал» приедет завтра к 10:00 "
			+ "и устранит течь в подъезде на Пролетарской, 5, затем откачает воду из подвала.";

	/** Rude and says nothing: far below it. */
	static final String POOR = "Здравствуйте. Отстаньте, надоели. Ничего делать не будем до 1 января.";

	@Autowired
	RegionSettingsService settings;

	@AfterEach
	void defaultsAgain() {
		this.settings.reset(Caller.SYSTEM).block();
	}

	void store(Integer threshold, Boolean reviewAll) {
		Map<String, Object> input = new java.util.HashMap<>();
		input.put("interimReviewBelowScore", threshold);
		input.put("reviewAllInterimAnswers", reviewAll);
		curator().document("""
				mutation($in: UpdateRegionSettingsInput!) { updateRegionSettings(input: $in) {
				  settings { interimReviewBelowScore reviewAllInterimAnswers } errors { code } } }""")
			.variable("in", input)
			.execute()
			.path("updateRegionSettings.errors").entityList(Object.class).hasSize(0);
	}

	String heldByExecutor() {
		String id = ingest(APPEAL + " " + uniqueId());
		ok(curator(), "assignAppeal", Map.of("appealId", id, "agencyId", agency(TENKA).id()));
		ok(executor(TENKA), "takeAppeal", Map.of("appealId", id));
		return id;
	}

	static Map<String, Object> last(List<Map<String, Object>> list) {
		return list.get(list.size() - 1);
	}

	static int score(Map<String, Object> answer) {
		return ((Number) castMap(answer.get("quality")).get("score")).intValue();
	}

	@Test
	void anInterimAnswerBelowTheThresholdWaitsForTheCuratorAndIsPublishedOnlyWhenApproved() {
		store(70, false);
		String id = heldByExecutor();
		Map<String, Object> held = ok(executor(TENKA), "submitAnswer", Map.of("appealId", id, "kind", "INTERIM", "text", POOR));
		Map<String, Object> answer = last(answers(held));
		assertThat(score(answer)).isLessThan(70);
		assertThat(held).containsEntry("status", "ON_REVIEW");
		assertThat(held.get("firstRespondedAt")).as("the first-response clock still runs").isNull();
		assertThat(answer).containsEntry("review", "PENDING").containsEntry("kind", "INTERIM");
		assertThat(answer.get("delivery")).as("not on its way to the channel").isNull();
		assertThat(last(history(held))).containsEntry("type", "ANSWER_HELD").containsEntry("toStatus", "ON_REVIEW");
		// Nothing else may be answered meanwhile; the curator sees it in review.
		assertThat(errors(executor(TENKA), "submitAnswer", Map.of("appealId", id, "kind", "INTERIM", "text", GOOD)))
			.extracting(e -> e.get("code")).containsExactly("ILLEGAL_TRANSITION");

		Map<String, Object> approved = ok(curator(), "approveAnswer", Map.of("appealId", id, "answerId", answer.get("id")));
		assertThat(approved).containsEntry("status", "IN_PROGRESS");
		assertThat(approved.get("firstRespondedAt")).isNotNull();
		assertThat(approved.get("answeredAt")).as("an interim answer does not answer the appeal").isNull();
		Map<String, Object> published = last(answers(approved));
		assertThat(published).containsEntry("review", "APPROVED");
		assertThat(castMap(published.get("delivery"))).containsEntry("state", "MANUAL");
		assertThat(last(history(approved))).containsEntry("type", "INTERIM_ANSWERED").containsEntry("fromStatus", "ON_REVIEW");
	}

	@Test
	void anInterimAnswerAtOrAboveTheThresholdIsPublishedAtOnce() {
		store(70, false);
		String id = heldByExecutor();
		Map<String, Object> after = ok(executor(TENKA), "submitAnswer", Map.of("appealId", id, "kind", "INTERIM", "text", GOOD));
		Map<String, Object> answer = last(answers(after));
		assertThat(score(answer)).isGreaterThanOrEqualTo(70);
		assertThat(after).containsEntry("status", "IN_PROGRESS");
		assertThat(after.get("firstRespondedAt")).isNotNull();
		assertThat(answer).containsEntry("review", "NOT_REQUIRED");
		assertThat(castMap(answer.get("delivery"))).containsEntry("state", "MANUAL");
		assertThat(last(history(after))).containsEntry("type", "INTERIM_ANSWERED");
	}

	@Test
	void reviewingAllInterimAnswersHoldsEvenAGoodOne() {
		store(0, true);
		String id = heldByExecutor();
		Map<String, Object> after = ok(executor(TENKA), "submitAnswer", Map.of("appealId", id, "kind", "INTERIM", "text", GOOD));
		assertThat(after).containsEntry("status", "ON_REVIEW");
		assertThat(last(answers(after))).containsEntry("review", "PENDING");
		assertThat(last(history(after))).containsEntry("type", "ANSWER_HELD");
		// Returned, it goes back to work without counting as a returned final answer.
		Map<String, Object> returned = ok(curator(), "returnAnswer",
				Map.of("appealId", id, "answerId", last(answers(after)).get("id"), "comment", "Назовите дату"));
		assertThat(returned).containsEntry("status", "IN_PROGRESS");
		curator().document("query($id: ID!) { appeal(id: $id) { returnCount } }").variable("id", id).execute()
			.path("appeal.returnCount").entity(Integer.class).isEqualTo(0);
		assertThat(last(answers(returned))).containsEntry("review", "RETURNED");
		assertThat(returned.get("firstRespondedAt")).isNull();
	}

	@Test
	void theCuratorEditsBeforeApprovingAndBothVersionsAreKept() {
		String id = heldByExecutor();
		String written = "Здравствуйте! Течь устраним завтра.";
		Map<String, Object> submitted = ok(executor(TENKA), "submitAnswer", Map.of("appealId", id, "kind", "FINAL", "text", written));
		String answerId = (String) last(answers(submitted)).get("id");
		String edited = "Здравствуйте! Бригада устранит течь в подъезде на Пролетарской, 5 завтра к 12:00.";
		// The edit is checked like any answer: a blank one is refused.
		assertThat(errors(curator(), "approveAnswer", Map.of("appealId", id, "answerId", answerId, "text", "  ")))
			.extracting(e -> e.get("code")).containsExactly("REQUIRED");

		Map<String, Object> approved = ok(curator(), "approveAnswer",
				Map.of("appealId", id, "answerId", answerId, "text", "  " + edited + "\n"));
		Map<String, Object> answer = last(answers(approved));
		assertThat(answer).containsEntry("text", edited).containsEntry("originalText", written).containsEntry("review", "APPROVED");
		assertThat(castMap(answer.get("editedBy"))).containsEntry("id", "curator");
		assertThat(answer.get("editedAt")).isNotNull();
		assertThat(approved).containsEntry("status", "ANSWERED");
		Map<String, Object> entry = last(history(approved));
		assertThat(entry).containsEntry("type", "ANSWER_APPROVED")
			.containsEntry("reason", "Куратор исправил текст ответа перед одобрением");
		assertThat(castMap(entry.get("actor"))).containsEntry("id", "curator");
		// What goes to the citizen is the edited text (the typed event carries the answer the channels send).
		assertThat((String) answer.get("text")).isEqualTo(edited);
	}

	@Test
	void approvingWithTheSameTextIsNoEdit() {
		String id = heldByExecutor();
		String written = "Здравствуйте! Течь устраним завтра.";
		Map<String, Object> submitted = ok(executor(TENKA), "submitAnswer", Map.of("appealId", id, "kind", "FINAL", "text", written));
		Map<String, Object> approved = ok(curator(), "approveAnswer",
				Map.of("appealId", id, "answerId", last(answers(submitted)).get("id"), "text", written));
		assertThat(last(answers(approved))).containsEntry("text", written).containsEntry("originalText", null);
		assertThat(last(history(approved)).get("reason")).isNull();
	}

	@Test
	void onlyCuratorsReadAndChangeTheSettingsAndBadValuesAreRefused() {
		String read = "{ regionSettings { interimReviewBelowScore reviewAllInterimAnswers } }";
		// This suite's default (see IntegrationTestSupport) while nothing is stored.
		curator().document(read).execute().path("regionSettings.interimReviewBelowScore").entity(Integer.class).isEqualTo(0);
		store(55, null);
		curator().document(read).execute().path("regionSettings.interimReviewBelowScore").entity(Integer.class).isEqualTo(55)
			.path("regionSettings.reviewAllInterimAnswers").entity(Boolean.class).isEqualTo(false);
		curator().document("""
				mutation { updateRegionSettings(input: { interimReviewBelowScore: 150 }) { errors { code field } } }""")
			.execute().path("updateRegionSettings.errors[0].code").entity(String.class).isEqualTo("INVALID");
		for (HttpGraphQlTester other : List.of(executor(TENKA), head(TENKA), integrator())) {
			other.document(read).execute().errors()
				.satisfy(errors -> assertThat(errors).singleElement()
					.satisfies(e -> assertThat(e.getErrorType().toString()).isEqualTo("FORBIDDEN")));
			other.document("mutation { updateRegionSettings(input: { reviewAllInterimAnswers: true }) { errors { code } } }")
				.execute().errors()
				.satisfy(errors -> assertThat(errors).singleElement()
					.satisfies(e -> assertThat(e.getErrorType().toString()).isEqualTo("FORBIDDEN")));
		}
		curator().document(read).execute().path("regionSettings.reviewAllInterimAnswers").entity(Boolean.class).isEqualTo(false);
	}

	static final String NOTES = "query($id: ID!) { appeal(id: $id) { notes { text author { id } createdAt } } }";

	static final String ADD_NOTE = """
			mutation($in: AddAppealNoteInput!) { addAppealNote(input: $in) { note { id text } errors { code } } }""";

	@Test
	void notesAreForTheAgencysStaffAndCuratorsOnly() {
		String id = heldByExecutor();
		executor(TENKA).document(ADD_NOTE).variable("in", Map.of("appealId", id, "text", "Позвонила жителю, ждёт бригаду"))
			.execute().path("addAppealNote.errors").entityList(Object.class).hasSize(0)
			.path("addAppealNote.note.text").entity(String.class).isEqualTo("Позвонила жителю, ждёт бригаду");
		curator().document(ADD_NOTE).variable("in", Map.of("appealId", id, "text", "Проконтролировать до пятницы"))
			.execute().path("addAppealNote.errors").entityList(Object.class).hasSize(0);
		for (HttpGraphQlTester staff : List.of(executor(TENKA), head(TENKA), curator())) {
			staff.document(NOTES).variable("id", id).execute().path("appeal.notes[*].text").entityList(String.class)
				.containsExactly("Позвонила жителю, ждёт бригаду", "Проконтролировать до пятницы");
		}
		head(TENKA).document(NOTES).variable("id", id).execute().path("appeal.notes[0].author.id").entity(String.class)
			.isEqualTo("exec.tenka");
		// The integrator sent this appeal and may read it, but never its notes.
		integrator().document(NOTES).variable("id", id).execute().path("appeal.notes").entityList(Object.class).hasSize(0);
		integrator().document(ADD_NOTE).variable("in", Map.of("appealId", id, "text", "x")).execute().errors()
			.satisfy(errors -> assertThat(errors).singleElement()
				.satisfies(e -> assertThat(e.getErrorType().toString()).isEqualTo("FORBIDDEN")));
		// Another agency's executor learns nothing about the appeal.
		executor(MAGADAN).document(ADD_NOTE).variable("in", Map.of("appealId", id, "text", "Чужая заметка")).execute()
			.path("addAppealNote.errors[0].code").entity(String.class).isEqualTo("NOT_FOUND");
		executor(TENKA).document(ADD_NOTE).variable("in", Map.of("appealId", id, "text", "   ")).execute()
			.path("addAppealNote.errors[0].code").entity(String.class).isEqualTo("REQUIRED");
		curator().document(NOTES).variable("id", id).execute().path("appeal.notes").entityList(Object.class).hasSize(2);
	}

}
