package org.otklik.web;

import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.otklik.support.IntegrationTestSupport;

import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /graphiql} is the GraphiQL page bundled with the PWA, not Boot's CDN page: every script and style
 * it loads comes from this server, so it works on a network without internet access.
 */
class GraphiQlIntegrationTests extends IntegrationTestSupport {

	@Test
	void graphiQlIsServedFromTheAppsOwnAssets() {
		String page = http().get().uri("/graphiql").accept(MediaType.TEXT_HTML).exchange()
			.expectStatus().isOk()
			.expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
			.expectBody(String.class).returnResult().getResponseBody();
		assertThat(page).contains("id=\"graphiql\"").doesNotContain("unpkg.com", "jsdelivr", "esm.sh", "cdn");
		List<String> assets = new java.util.ArrayList<>();
		Matcher matcher = Pattern.compile("(?:src|href)=\"(/[^\"]+\\.(?:js|css))\"").matcher(page);
		while (matcher.find()) {
			assets.add(matcher.group(1));
		}
		assertThat(assets).anyMatch(path -> path.startsWith("/assets/graphiql-") && path.endsWith(".js"));
		for (String asset : assets) {
			http().get().uri(asset).exchange().expectStatus().isOk();
		}
	}

	private WebTestClient http() {
		return WebTestClient.bindToServer().baseUrl("http://localhost:" + this.port).responseTimeout(Duration.ofSeconds(30)).build();
	}

}
