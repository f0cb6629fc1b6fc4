package org.otklik.appeal.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;

import com.mongodb.MongoException;
import org.otklik.appeal.AppealEvent;
import org.otklik.appeal.AppealEventCursor;
import org.otklik.appeal.AppealEventStream;
import org.otklik.graphql.ErrorDetail;
import org.otklik.graphql.OtklikException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Service;

/**
 * The process's event stream: one change stream feeds the {@link EventHub}; a subscriber resuming from a
 * cursor older than the hub's window reads the change stream's history up to the hub's boundary and then
 * continues live. Positions are totally ordered, so the join is exact (see ADR 0006).
 */
@Service
public class AppealEventStreamService implements AppealEventStream, SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(AppealEventStreamService.class);

	/** How far back the main stream starts, so nothing written while its cursor opens is missed. */
	private static final Duration OVERLAP = Duration.ofMinutes(1);

	private final AppealChangeFeed feed;

	private final Clock clock;

	private final EventStreamProperties properties;

	/** When this process's stream begins: events from before it are for catch-up only. */
	private final Instant startedAt;

	private final EventHub hub;

	private volatile Disposable main;

	public AppealEventStreamService(AppealChangeFeed feed, Clock clock, EventStreamProperties properties,
			AppealMetrics metrics) {
		this.feed = feed;
		this.clock = clock;
		this.properties = properties;
		this.startedAt = clock.instant();
		this.hub = new EventHub(properties.replayWindow(), AppealEventCursor.before(this.startedAt.minus(OVERLAP)),
				this.startedAt, metrics);
	}

	@Override
	public Flux<AppealEvent> events(AppealEventCursor after, Predicate<AppealEvent> filter, int buffer) {
		return Flux.defer(() -> {
			EventHub.Registration registration = this.hub.register(filter, buffer, after);
			EventHub.Subscriber subscriber = registration.subscriber();
			if (registration.replay() != null) {
				return Flux.fromIterable(registration.replay()).concatWith(subscriber.flux());
			}
			AppealEventCursor boundary = registration.boundary();
			Flux<AppealEvent> history = this.feed.after(after)
				// The first event at or past the boundary ends the history; events past it come live.
				.takeUntil(event -> !event.cursor().isBefore(boundary))
				.filter(event -> !event.cursor().isAfter(boundary))
				.filter(filter)
				.onErrorMap(MongoException.class, ex -> cursorExpired());
			return history.concatWith(subscriber.flux()).doFinally(signal -> subscriber.cancel());
		});
	}

	@Override
	public @Nullable AppealEventCursor newest() {
		return this.hub.newest();
	}

	@Override
	public int subscriberCount() {
		return this.hub.subscriberCount();
	}

	static OtklikException cursorExpired() {
		return new OtklikException(ErrorDetail.CURSOR_EXPIRED,
				"Курсор устарел: события после него больше не хранятся. Загрузите список заново и подпишитесь без after");
	}

	// ---------------------------------------------------------------- lifecycle

	@Override
	public void start() {
		this.feed.enablePostImages().block(Duration.ofSeconds(30));
		this.main = this.feed.since(this.startedAt.minus(OVERLAP))
			.subscribe(this.hub::publish, ex -> log.error("The appeal change stream stopped", ex));
	}

	/** Before the web server opens its port, so that no subscriber comes before the stream. */
	@Override
	public int getPhase() {
		return 0;
	}

	@Override
	public void stop() {
		Disposable running = this.main;
		if (running != null) {
			running.dispose();
		}
		this.main = null;
	}

	@Override
	public boolean isRunning() {
		return this.main != null && !this.main.isDisposed();
	}

}
