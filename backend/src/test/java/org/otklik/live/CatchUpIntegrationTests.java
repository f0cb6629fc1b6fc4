package org.otklik.live;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;

import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Exact catch-up: with a replay window of three events, a subscriber resuming from an old cursor while
 * appeals keep changing reads the history and joins the live events with no gap and no duplicate. And
 * events reach any number of subscribers without the appeal being read back.
 */
@TestPropertySource(properties = "otklik.events.replay-window=3")
class CatchUpIntegrationTests extends LiveTestSupport {

	/**
	 * {@code find} commands that read appeals back by id, as a fan-out that re-read each changed appeal
	 * would. Scans by other fields (the SLA alert check's periodic query for due alerts) are not a
	 * read-back and may run at any moment of a test on a slow machine.
	 */
	static final List<String> APPEAL_FINDS = new CopyOnWriteArrayList<>();

	@TestConfiguration
	static class CountFinds {

		@Bean
		MongoClientSettingsBuilderCustomizer countAppealFinds() {
			return settings -> settings.addCommandListener(new CommandListener() {
				@Override
				public void commandStarted(CommandStartedEvent event) {
					if (event.getCommandName().equals("find") && "appeals".equals(event.getCommand().getString("find").getValue())
							&& event.getCommand().getDocument("filter", new org.bson.BsonDocument()).containsKey("_id")) {
						APPEAL_FINDS.add(event.getCommand().toJson());
					}
				}
			});
		}

	}

	/** Events of appeals whose text carries the marker (known before the appeal exists, unlike its id). */
	reactor.core.publisher.Flux<Map> marked(String marker, String arguments) {
		String document = "subscription { appealChanged" + (arguments.isEmpty() ? "" : "(" + arguments + ")")
				+ " { cursor type appeal { id text } } }";
		return webSocket(webSocketUrl(), this.tokens.curator()).document(document)
			.retrieveSubscription("appealChanged").toEntity(Map.class)
			.filter(e -> ((String) ((Map<?, ?>) e.get("appeal")).get("text")).contains(marker));
	}

	@Test
	void aCursorOlderThanTheWindowCatchesUpExactlyWhileChangesContinue() throws Exception {
		String marker = "[catch-up " + uniqueId() + "]";
		List<Map> truth = new CopyOnWriteArrayList<>();
		int before = this.live.subscriberCount();
		Disposable all = marked(marker, "").subscribe(truth::add);
		awaitSubscribers(this.live, before + 1);

		for (int i = 0; i < 10; i++) {
			ingest(marker + " история " + i);
		}
		awaitSize(truth, 10);
		String old = (String) truth.get(1).get("cursor");

		// More appeals arrive while the late subscriber connects and reads its history, and after it has
		// registered for live events, so that history and live events overlap in time.
		CompletableFuture<Void> more = CompletableFuture.runAsync(() -> {
			for (int i = 0; i < 10; i++) {
				ingest(marker + " продолжение " + i);
			}
		});
		int registered = this.live.subscriberCount();
		List<Map> resumed = new CopyOnWriteArrayList<>();
		Disposable late = marked(marker, "after: \"" + old + "\"").subscribe(resumed::add);
		awaitSubscribers(this.live, registered + 1);
		for (int i = 0; i < 10; i++) {
			ingest(marker + " после подписки " + i);
		}
		more.get(60, TimeUnit.SECONDS);
		awaitSize(truth, 30);
		awaitSize(resumed, 28);
		Thread.sleep(300);
		all.dispose();
		late.dispose();

		List<Object> expected = new ArrayList<>();
		truth.subList(2, truth.size()).forEach(e -> expected.add(e.get("cursor")));
		assertThat(resumed).extracting(e -> e.get("cursor")).containsExactlyElementsOf(expected);
	}

	@Test
	void eventsReachManySubscribersWithoutTheAppealBeingReadBack() throws Exception {
		int before = this.live.subscriberCount();
		List<CompletableFuture<List<Map>>> subscribers = new ArrayList<>();
		String marker = "[no-reads " + uniqueId() + "]";
		for (int i = 0; i < 8; i++) {
			subscribers.add(marked(marker, "").take(5).collectList().toFuture());
		}
		awaitSubscribers(this.live, before + 8);
		APPEAL_FINDS.clear();
		for (int i = 0; i < 5; i++) {
			ingest(marker + " без повторного чтения " + i);
		}
		for (CompletableFuture<List<Map>> subscriber : subscribers) {
			assertThat(subscriber.get(30, TimeUnit.SECONDS)).hasSize(5);
		}
		// Five appeals, eight subscribers, forty deliveries: not one read of an appeal.
		assertThat(APPEAL_FINDS).isEmpty();
	}

	static void awaitSize(List<?> list, int size) {
		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		while (list.size() < size && System.nanoTime() < deadline) {
			sleep(20);
		}
		assertThat(list).hasSizeGreaterThanOrEqualTo(size);
	}

}
