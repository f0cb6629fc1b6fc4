package org.otklik.citizen;

import java.time.Duration;
import java.util.Map;

import org.otklik.appeal.AppealLifecycleIntegrationTestsAccess;

import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

/** Drives an appeal to a published final answer and the citizen's page, for tests in any package. */
public final class CitizenTestSupport {

	public static final String FINAL_TEXT = "Здравствуйте! Врач будет принимать в Ягодном с 15 декабря, запись по телефону 8 (41343) 2-20-00.";

	private CitizenTestSupport() {
	}

	/** Assigns the appeal to the agency, has its executor take it and answer finally, and the curator approve. */
	public static void answerFinally(HttpGraphQlTester curator, HttpGraphQlTester executor, String appealId, String agencyId) {
		AppealLifecycleIntegrationTestsAccess.ok(curator, "assignAppeal", Map.of("appealId", appealId, "agencyId", agencyId));
		AppealLifecycleIntegrationTestsAccess.ok(executor, "takeAppeal", Map.of("appealId", appealId));
		AppealLifecycleIntegrationTestsAccess.ok(executor, "submitAnswer",
				Map.of("appealId", appealId, "kind", "FINAL", "text", FINAL_TEXT));
		String answerId = AppealLifecycleIntegrationTestsAccess.lastAnswerId(curator, appealId);
		AppealLifecycleIntegrationTestsAccess.ok(curator, "approveAnswer", Map.of("appealId", appealId, "answerId", answerId));
	}

	/** The path of the appeal's page once its link was issued (by the event consumer, so awaited). */
	public static String linkPath(HttpGraphQlTester curator, String appealId) {
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (System.nanoTime() < deadline) {
			Map<?, ?> appeal = curator.document("query($id: ID!) { appeal(id: $id) { citizenLink { path } } }")
				.variable("id", appealId)
				.execute()
				.path("appeal")
				.entity(Map.class)
				.get();
			if (appeal.get("citizenLink") instanceof Map<?, ?> link) {
				return (String) link.get("path");
			}
			sleep();
		}
		throw new AssertionError("No citizen link was issued for " + appealId);
	}

	public static WebTestClient web(int port) {
		return WebTestClient.bindToServer().baseUrl("http://localhost:" + port).responseTimeout(Duration.ofSeconds(30)).build();
	}

	/** Posts the rating form as a browser would. */
	public static EntityExchangeResult<String> rate(int port, String path, int score, String comment) {
		return web(port).post()
			.uri(path + "/rating")
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.body(BodyInserters.fromFormData("score", Integer.toString(score)).with("comment", comment))
			.exchange()
			.expectBody(String.class)
			.returnResult();
	}

	/** A fresh appeal answered finally and rated 1: its open task's id (the appeal's). */
	public static String lowRatingTask(int port, HttpGraphQlTester curator, HttpGraphQlTester executor, String appealId,
			String agencyId) {
		answerFinally(curator, executor, appealId, agencyId);
		EntityExchangeResult<String> posted = rate(port, linkPath(curator, appealId), 1, "Не помогло");
		if (posted.getStatus().value() != 303) {
			throw new AssertionError("Rating refused: " + posted.getStatus() + " " + posted.getResponseBody());
		}
		return appealId;
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
