package org.otklik.webhook;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Which URLs may be webhooks, and how long a failed delivery waits. */
class WebhookRulesTests {

	@Test
	void onlyHttpsUnlessPlainHttpToThisMachineIsAllowed() {
		assertThat(WebhookService.urlProblem("https://example.ru/otklik", false)).isNull();
		assertThat(WebhookService.urlProblem("HTTPS://example.ru:8443/a?b=c", false)).isNull();
		assertThat(WebhookService.urlProblem("http://example.ru/otklik", false)).contains("HTTPS");
		assertThat(WebhookService.urlProblem("http://localhost:8080/hook", false)).contains("HTTPS");
		assertThat(WebhookService.urlProblem("http://localhost:8080/hook", true)).isNull();
		assertThat(WebhookService.urlProblem("http://127.0.0.1:8080/hook", true)).isNull();
		assertThat(WebhookService.urlProblem("http://[::1]:8080/hook", true)).isNull();
		// The setting opens this machine only, never another host.
		assertThat(WebhookService.urlProblem("http://example.ru/hook", true)).contains("HTTPS");
		assertThat(WebhookService.urlProblem("http://localhost.example.ru/hook", true)).contains("HTTPS");
		assertThat(WebhookService.urlProblem("https://user:secret@example.ru/", false)).contains("логин");
		assertThat(WebhookService.urlProblem("https:///path-only", false)).isNotNull();
		assertThat(WebhookService.urlProblem("example.ru/otklik", false)).isNotNull();
	}

	@Test
	void backoffDoublesFromTheFirstFailureUpToTheCap() {
		WebhookProperties properties = new WebhookProperties(null, Duration.ofSeconds(10), Duration.ofHours(1), null, null,
				null, false, 0);
		assertThat(properties.backoff(1)).isEqualTo(Duration.ofSeconds(10));
		assertThat(properties.backoff(2)).isEqualTo(Duration.ofSeconds(20));
		assertThat(properties.backoff(5)).isEqualTo(Duration.ofSeconds(160));
		assertThat(properties.backoff(10)).isEqualTo(Duration.ofHours(1));
		assertThat(properties.backoff(1000)).isEqualTo(Duration.ofHours(1));
		// The defaults: a day of retries, at most an hour apart.
		WebhookProperties defaults = new WebhookProperties(null, null, null, null, null, null, false, 0);
		assertThat(defaults.retryWindow()).isEqualTo(Duration.ofDays(1));
		assertThat(defaults.maxBackoff()).isEqualTo(Duration.ofHours(1));
	}

}
