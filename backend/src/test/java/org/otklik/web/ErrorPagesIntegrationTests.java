package org.otklik.web;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.otklik.support.IntegrationTestSupport;

import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/** An unknown URL answers 404 in Russian, as a page for browsers and as JSON for programs, never Boot's Whitelabel page. */
class ErrorPagesIntegrationTests extends IntegrationTestSupport {

	@Test
	void unknownPageIsARussianHtmlPage() {
		String page = http().get().uri("/no-such-page").accept(MediaType.TEXT_HTML).exchange()
			.expectStatus().isNotFound()
			.expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
			.expectBody(String.class).returnResult().getResponseBody();
		assertThat(page).contains("Страница не найдена", "href=\"/\"").doesNotContain("Whitelabel");
	}

	@Test
	void unknownUrlIsRussianJsonForPrograms() {
		http().get().uri("/no-such-api").accept(MediaType.APPLICATION_JSON).exchange()
			.expectStatus().isNotFound()
			.expectBody()
			.jsonPath("$.status").isEqualTo(404)
			.jsonPath("$.path").isEqualTo("/no-such-api")
			.jsonPath("$.message").value(message -> assertThat((String) message).startsWith("Страница не найдена"));
	}

	private WebTestClient http() {
		return WebTestClient.bindToServer().baseUrl("http://localhost:" + this.port).responseTimeout(Duration.ofSeconds(30)).build();
	}

}
