package org.otklik.live;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

import com.mongodb.MongoException;
import org.otklik.appeal.AppealAccess;
import org.otklik.appeal.AppealAccess.Scope;
import org.otklik.appeal.AppealEventType;
import org.otklik.appeal.AppealRepository;
import org.otklik.graphql.ErrorDetail;
import org.otklik.graphql.OtklikException;
import org.otklik.security.Caller;
import org.otklik.security.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Service;

/**
 * Live appeal events for subscribers. One MongoDB change stream per process feeds an in-memory hub;
 * because every backend instance watches the database itself, an appeal changed through any instance
 * reaches subscribers of all of them. A subscriber that passes {@code after} first receives what it
 * missed (from the hub's window, or from the change stream history) and then live events, with no gap
 * and no duplicate.
 */
@Service
public class LiveService implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(LiveService.class);

	private static final Set<AppealEventType> ARRIVALS = Set.of(AppealEventType.RECEIVED, AppealEventType.ASSIGNED,
			AppealEventType.REDIRECTED, AppealEventType.REOPENED);

	private final AppealChangeStream changeStream;

	private final AppealRepository appeals;

	private final AppealAccess access;

	private final Clock clock;

	private final EventHub hub;

	private volatile Disposable main;

	public LiveService(AppealChangeStream changeStream, AppealRepository appeals, AppealAccess access, Clock clock,
			LiveProperties properties) {
		this.changeStream = changeStream;
		this.appeals = appeals;
		this.access = access;
		this.clock = clock;
		this.hub = new EventHub(properties.subscriberBuffer(), properties.replayWindow());
	}

	// ---------------------------------------------------------------- subscriptions

	/** New appeals, and appeals assigned, redirected or reopened into an agency (any agency if null). */
	public Flux<LiveEvent> appealReceived(Caller caller, String agencyId, String after) {
		return subscribe(caller, after, event -> {
			if (!ARRIVALS.contains(event.type())) {
				return false;
			}
			if (agencyId == null) {
				return true;
			}
			return event.type() != AppealEventType.RECEIVED && agencyId.equals(event.agencyId());
		});
	}

	/** Every change, optionally of one appeal or of one agency's appeals. */
	public Flux<LiveEvent> appealChanged(Caller caller, String appealId, String agencyId, String after) {
		return subscribe(caller, after, event -> (appealId == null || appealId.equals(event.appealId()))
				&& (agencyId == null || agencyId.equals(event.agencyId())));
	}

	/** SLA thresholds reached, optionally of one agency's appeals. */
	public Flux<LiveEvent> slaAlerted(Caller caller, String agencyId, String after) {
		return subscribe(caller, after, event -> (event.type() == AppealEventType.SLA_AT_RISK
				|| event.type() == AppealEventType.SLA_BREACHED) && event.detail() != null
				&& (agencyId == null || agencyId.equals(event.agencyId())));
	}

	private Flux<LiveEvent> subscribe(Caller caller, String after, Predicate<LiveEvent> wanted) {
		AppealAccess.requireAny(caller, Role.values());
		String afterKey = (after != null && !after.isBlank()) ? EventCursor.decode(after) : null;
		return this.access.scope(caller).flatMapMany(scope -> {
			Predicate<LiveEvent> filter = visibleIn(scope).and(wanted);
			return stream(afterKey, filter);
		});
	}

	/** What a scope may receive: the appeal as it is now and the event itself must both be in scope. */
	static Predicate<LiveEvent> visibleIn(Scope scope) {
		return event -> {
			if (event.appeal() == null || scope.isNothing()) {
				return false;
			}
			if (!scope.includes(event.appeal())) {
				return false;
			}
			return scope.agencyId() == null || scope.agencyId().equals(event.agencyId());
		};
	}

	Flux<LiveEvent> stream(String afterKey, Predicate<LiveEvent> filter) {
		return Flux.defer(() -> {
			EventHub.Registration registration = this.hub.register(filter);
			EventHub.Subscriber subscriber = registration.subscriber();
			Flux<LiveEvent> live = subscriber.flux();
			if (afterKey == null) {
				return live;
			}
			Long known = this.hub.sequenceOf(afterKey);
			if (known != null) {
				List<LiveEvent> missed = this.hub.range(known + 1, registration.firstLiveSequence());
				if (missed == null) {
					subscriber.cancel();
					return Flux.error(cursorExpired());
				}
				return Flux.fromIterable(missed).filter(filter).concatWith(live);
			}
			return fromHistory(afterKey, filter, registration).concatWith(live)
				.doFinally(signal -> subscriber.cancel());
		});
	}

	/**
	 * Replays the change stream after the cursor until it meets an event the hub already holds, then
	 * continues from the hub's window: the two sources are the same ordered stream, so the meeting point
	 * joins them without a gap or a duplicate.
	 */
	private Flux<LiveEvent> fromHistory(String afterKey, Predicate<LiveEvent> filter, EventHub.Registration registration) {
		AtomicLong meeting = new AtomicLong(-1);
		Flux<LiveEvent> history = this.changeStream.events(afterKey, false)
			.takeUntil(event -> {
				Long sequence = this.hub.sequenceOf(event.tokenKey());
				if (sequence != null) {
					meeting.set(sequence);
					return true;
				}
				return false;
			})
			.filter(event -> meeting.get() < 0)
			.concatMap(this::withSnapshot)
			.filter(filter)
			.onErrorMap(MongoException.class, ex -> cursorExpired());
		Flux<LiveEvent> bridge = Flux.defer(() -> {
			long from = meeting.get();
			if (from < 0) {
				return Flux.empty();
			}
			List<LiveEvent> window = this.hub.range(from, registration.firstLiveSequence());
			return (window != null) ? Flux.fromIterable(window).filter(filter) : Flux.error(cursorExpired());
		});
		return history.concatWith(bridge);
	}

	private static OtklikException cursorExpired() {
		return new OtklikException(ErrorDetail.INVALID_CURSOR,
				"Курсор устарел или неизвестен: загрузите список заново и подпишитесь без after");
	}

	private Mono<LiveEvent> withSnapshot(LiveEvent event) {
		return this.appeals.findById(event.appealId()).map(event::withAppeal).defaultIfEmpty(event);
	}

	int subscriberCount() {
		return this.hub.subscriberCount();
	}

	// ---------------------------------------------------------------- lifecycle

	@Override
	public void start() {
		// A minute of overlap: events from just before start fill the window; nothing is missed while
		// the cursor opens, whatever the clock skew between this host and the database.
		Instant startedAt = this.clock.instant();
		this.main = this.changeStream.eventsSince(startedAt.minus(Duration.ofMinutes(1)))
			.concatMap(this::withSnapshot)
			.subscribe(event -> this.hub.publish(event, !event.at().isBefore(startedAt)),
					ex -> log.error("The appeal change stream stopped", ex));
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
