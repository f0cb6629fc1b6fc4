package org.otklik;

import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.otklik.appeal.AppealEvent;
import org.otklik.appeal.AppealEventStream;
import org.otklik.live.LiveService;
import org.otklik.security.Caller;
import org.otklik.support.IntegrationTestSupport;
import org.reactivestreams.Subscription;
import reactor.core.Disposable;
import reactor.core.publisher.BaseSubscriber;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /actuator/prometheus} is for curators only, and after a few requests it shows the domain meters with
 * the right counts: appeals ingested by channel (a duplicate not counted), GraphQL latency by root field,
 * quality-check latency, live subscribers, events delivered, and a slow subscriber cut off.
 */
class MonitoringIntegrationTests extends IntegrationTestSupport {

	@Autowired
	AppealEventStream stream;

	@Autowired
	LiveService live;

	@Test
	void metricsNeedACuratorsToken() {
		http().get().uri("/actuator/prometheus").exchange().expectStatus().isUnauthorized();
		http().get().uri("/actuator/prometheus").header("Authorization", "Bearer " + this.tokens.executor(HEALTH))
			.exchange().expectStatus().isForbidden();
		http().get().uri("/actuator/prometheus").header("Authorization", "Bearer " + this.tokens.integrator("test-integrator"))
			.exchange().expectStatus().isForbidden();
		assertThat(scrape()).contains("otklik_live_subscribers");
	}

	@Test
	void domainMetricsCountWhatHappened() {
		String before = scrape();
		String vk = uniqueId();
		ingest("Нет света в подъезде", Map.of("externalId", vk));
		ingest("Яма на дороге у школы");
		// A repeat of (channel, externalId) stores nothing and is not counted.
		integrator().documentName("ingestAppeal").variable("input", Map.of("channel", "VK", "externalId", vk,
				"text", "Нет света в подъезде")).execute().path("ingestAppeal.duplicate").entity(Boolean.class).isEqualTo(true);
		ingest("Не приходит пенсия", Map.of("channel", "TELEGRAM"));
		curator().document("{ checkAnswerQuality(text: \"Здравствуйте! Свет включат завтра до 18:00.\") { score } }")
			.execute().path("checkAnswerQuality.score").hasValue();

		String after = scrape();
		assertThat(delta(before, after, "otklik_appeals_ingested_total", "channel=\"VK\"")).isEqualTo(2);
		assertThat(delta(before, after, "otklik_appeals_ingested_total", "channel=\"TELEGRAM\"")).isEqualTo(1);
		assertThat(delta(before, after, "otklik_quality_check_seconds_count", "")).isEqualTo(1);
		// The scrape runs while the last request's observation may still be closing: at least the three before it.
		assertThat(delta(before, after, "graphql_request_seconds_count", "graphql_root_field=\"ingestAppeal\""))
			.isGreaterThanOrEqualTo(4);
	}

	@Test
	void liveSubscribersDeliveriesAndSlowSubscribersAreCounted() {
		String before = scrape();
		double subscribers = gauge(before, "otklik_live_subscribers");
		// The gauge counts subscriptions to live events, not the durable consumers that also read the stream
		// (and re-register on their own): two of them here, one of which ends below.
		Disposable listener = this.live.appealChanged(Caller.SYSTEM, null, null, null).subscribe();
		Disposable leaving = this.live.appealChanged(Caller.SYSTEM, null, null, null).subscribe();
		// Requests nothing: its one-event buffer overflows at the second event.
		BaseSubscriber<AppealEvent> stuck = new BaseSubscriber<>() {
			@Override
			protected void hookOnSubscribe(Subscription subscription) {
			}
		};
		this.stream.events(null, event -> true, 1).subscribe(stuck);
		try {
			await(() -> gauge(scrape(), "otklik_live_subscribers") == subscribers + 2, "two live subscribers counted");
			leaving.dispose();
			await(() -> gauge(scrape(), "otklik_live_subscribers") == subscribers + 1, "the one that left no longer counted");
			ingest("Сломан лифт");
			ingest("Не вывозят мусор");
			ingest("Нет горячей воды");
			await(() -> delta(before, scrape(), "otklik_live_slow_disconnects_total", "") == 1, "the stuck subscriber was cut off");
			await(() -> delta(before, scrape(), "otklik_live_events_delivered_total", "") >= 4,
					"three events reached the listener and one the stuck subscriber's buffer");
			String after = scrape();
			assertThat(delta(before, after, "otklik_live_events_dropped_total", "")).isGreaterThanOrEqualTo(1);
		}
		finally {
			listener.dispose();
			leaving.dispose();
			stuck.dispose();
		}
	}

	private WebTestClient http() {
		return WebTestClient.bindToServer().baseUrl("http://localhost:" + this.port).responseTimeout(Duration.ofSeconds(30)).build();
	}

	private String scrape() {
		return http().get().uri("/actuator/prometheus").accept(MediaType.TEXT_PLAIN)
			.header("Authorization", "Bearer " + this.tokens.curator())
			.exchange()
			.expectStatus().isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
	}

	private static double gauge(String scrape, String name) {
		return sum(scrape, name, "");
	}

	private static long delta(String before, String after, String name, String label) {
		return Math.round(sum(after, name, label) - sum(before, name, label));
	}

	/** Sums the samples of one metric whose labels contain {@code label} (a Prometheus text scrape). */
	private static double sum(String scrape, String name, String label) {
		Pattern sample = Pattern.compile("^" + Pattern.quote(name) + "(\\{[^}]*\\})?\\s+(\\S+)", Pattern.MULTILINE);
		Matcher matcher = sample.matcher(scrape);
		double total = 0;
		while (matcher.find()) {
			String labels = (matcher.group(1) != null) ? matcher.group(1) : "";
			if (labels.contains(label)) {
				total += Double.parseDouble(matcher.group(2));
			}
		}
		return total;
	}

}
