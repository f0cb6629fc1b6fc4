package org.otklik.appeal;

import java.util.Map;

import org.springframework.graphql.test.tester.HttpGraphQlTester;

/** Lets tests in other packages drive appeal mutations with the lifecycle tests' assertions. */
public final class AppealLifecycleIntegrationTestsAccess {

	private AppealLifecycleIntegrationTestsAccess() {
	}

	public static Map<String, Object> ok(HttpGraphQlTester tester, String mutation, Map<String, Object> input) {
		return AppealLifecycleIntegrationTests.ok(tester, mutation, input);
	}

	/** The id of the newest answer of an appeal, read as the given caller. */
	public static String lastAnswerId(HttpGraphQlTester tester, String appealId) {
		Map<String, Object> appeal = tester.documentName("appeal").fragmentName("appealFields").variable("id", appealId).execute().path("appeal")
			.entity(AppealLifecycleIntegrationTests.MAP).get();
		return AppealLifecycleIntegrationTests.lastAnswerId(appeal);
	}

}
