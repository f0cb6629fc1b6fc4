package org.otklik.appeal.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.otklik.appeal.Appeal;
import org.otklik.appeal.AppealEvent;
import org.otklik.appeal.AppealEventCursor;
import org.otklik.appeal.AppealStatus;
import org.otklik.appeal.Channel;
import org.otklik.appeal.Reach;
import org.otklik.graphql.ErrorDetail;
import org.otklik.graphql.OtklikException;
import org.otklik.region.Category;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The join of history and live events, with the database's change stream replaced by sinks the test
 * drives, so that every interleaving the real stream can produce is played deliberately.
 */
class AppealEventStreamServiceTests {

	static final Instant START = Instant.parse("2026-12-01T00:00:00Z");

	/** The process's main stream. */
	Sinks.Many<AppealEvent> main;

	/** What the database's history returns for the next resumed stream. */
	Sinks.Many<AppealEvent> history;

	AppealEventCursor resumedFrom;

	AppealEventStreamService service;

	@BeforeEach
	void setUp() {
		this.main = Sinks.many().unicast().onBackpressureBuffer();
		this.history = Sinks.many().unicast().onBackpressureBuffer();
		AppealChangeFeed feed = new AppealChangeFeed(null, null) {
			@Override
			public Mono<Void> enablePostImages() {
				return Mono.empty();
			}

			@Override
			public Flux<AppealEvent> since(Instant startAt) {
				return AppealEventStreamServiceTests.this.main.asFlux();
			}

			@Override
			public Flux<AppealEvent> after(AppealEventCursor cursor) {
				AppealEventStreamServiceTests.this.resumedFrom = cursor;
				return AppealEventStreamServiceTests.this.history.asFlux();
			}
		};
		this.service = new AppealEventStreamService(feed, Clock.fixed(START, ZoneOffset.UTC),
				new EventStreamProperties(2, 0, null, null, null, null, 0, null),
				new AppealMetrics(new io.micrometer.core.instrument.simple.SimpleMeterRegistry()));
		this.service.start();
	}

	@AfterEach
	void tearDown() {
		this.service.stop();
	}

	@Test
	void historyAndLiveJoinWithoutDuplicateWhenTheHistoryIsSlowerThanTheLiveStream() {
		for (int i = 1; i <= 5; i++) {
			publish(i);
		}
		// The window holds e4 and e5 only: a cursor at e1 must read the history.
		List<Long> received = new CopyOnWriteArrayList<>();
		Disposable subscriber = this.service.events(event(1).cursor(), e -> true, 100)
			.subscribe(e -> received.add(e.cursor().position()));
		assertThat(this.resumedFrom).isEqualTo(event(1).cursor());

		// A new event arrives live before the history has even started...
		publish(6);
		// ...and the history, being the same ordered stream, contains it as well, and e7 after it.
		for (int i = 2; i <= 7; i++) {
			this.history.tryEmitNext(event(i));
		}
		publish(7);
		publish(8);

		assertThat(received).containsExactly(pos(2), pos(3), pos(4), pos(5), pos(6), pos(7), pos(8));
		subscriber.dispose();
	}

	@Test
	void aCursorInTheWindowReplaysFromMemory() {
		for (int i = 1; i <= 5; i++) {
			publish(i);
		}
		List<Long> received = new CopyOnWriteArrayList<>();
		Disposable subscriber = this.service.events(event(4).cursor(), e -> true, 100)
			.subscribe(e -> received.add(e.cursor().position()));
		publish(6);
		assertThat(this.resumedFrom).isNull();
		assertThat(received).containsExactly(pos(5), pos(6));
		subscriber.dispose();
	}

	@Test
	void aCursorAheadOfThisInstanceSkipsWhatTheClientHasSeen() {
		publish(1);
		List<Long> received = new CopyOnWriteArrayList<>();
		// The client saw e3 on a faster instance; this one has published only e1.
		Disposable subscriber = this.service.events(event(3).cursor(), e -> true, 100)
			.subscribe(e -> received.add(e.cursor().position()));
		publish(2);
		publish(3);
		publish(4);
		assertThat(received).containsExactly(pos(4));
		subscriber.dispose();
	}

	@Test
	void aRepeatedEventOfAReconnectedMainStreamIsDeliveredOnce() {
		List<Long> received = new CopyOnWriteArrayList<>();
		Disposable subscriber = this.service.events(null, e -> true, 100)
			.subscribe(e -> received.add(e.cursor().position()));
		publish(1);
		publish(2);
		publish(2);
		publish(3);
		assertThat(received).containsExactly(pos(1), pos(2), pos(3));
		subscriber.dispose();
	}

	@Test
	void aSlowSubscriberIsCutOffAndTheOthersGoOn() {
		List<Throwable> errors = new CopyOnWriteArrayList<>();
		List<Long> fast = new CopyOnWriteArrayList<>();
		// Requests nothing: its small buffer overflows long before the twentieth event.
		reactor.core.publisher.BaseSubscriber<AppealEvent> slow = new reactor.core.publisher.BaseSubscriber<>() {
			@Override
			protected void hookOnSubscribe(org.reactivestreams.Subscription subscription) {
			}

			@Override
			protected void hookOnError(Throwable throwable) {
				errors.add(throwable);
			}
		};
		this.service.events(null, e -> true, 4).subscribe(slow);
		Disposable other = this.service.events(null, e -> true, 100).subscribe(e -> fast.add(e.cursor().position()));
		for (int i = 1; i <= 20; i++) {
			publish(i);
		}
		assertThat(fast).hasSize(20);
		// Cut off: it no longer counts as a subscriber, and once it reads, it learns why after what it had.
		assertThat(this.service.subscriberCount()).isEqualTo(1);
		slow.request(Long.MAX_VALUE);
		assertThat(errors).singleElement().isInstanceOf(org.otklik.appeal.SlowSubscriberException.class);
		other.dispose();
	}

	@Test
	void aCursorTheDatabaseNoLongerKnowsIsExpired() {
		for (int i = 1; i <= 5; i++) {
			publish(i);
		}
		List<Throwable> errors = new CopyOnWriteArrayList<>();
		this.service.events(event(1).cursor(), e -> true, 100).subscribe(e -> {
		}, errors::add);
		this.history.tryEmitError(new com.mongodb.MongoCommandException(new org.bson.BsonDocument("ok",
				new org.bson.BsonInt32(0)).append("code", new org.bson.BsonInt32(286)), null));
		assertThat(errors).singleElement()
			.satisfies(ex -> assertThat(((OtklikException) ex).detail()).isEqualTo(ErrorDetail.CURSOR_EXPIRED));
	}

	// ------------------------------------------------------------ fixtures

	void publish(int n) {
		assertThat(this.main.tryEmitNext(event(n)).isSuccess()).isTrue();
	}

	static long pos(int n) {
		return ((START.getEpochSecond() + 10) << 32) + n;
	}

	static AppealEvent event(int n) {
		Instant at = START.plus(Duration.ofSeconds(10 + n));
		Appeal appeal = new Appeal("65f00000000000000000000" + (n % 10), n, AppealStatus.NEW, Channel.VK, "e-" + n, null,
				null, "Текст " + n, null, null, Category.OTHER, false, Reach.NONE, null, null, List.of(), List.of(), 0, 0,
				at, null, null, null, null, List.of(), "test", null, null);
		return new AppealEvent.AppealReceived(new AppealEvent.Meta(new AppealEventCursor(pos(n), "t" + n), at, null, appeal));
	}

}
