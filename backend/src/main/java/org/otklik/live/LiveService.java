package org.otklik.live;

import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import org.otklik.appeal.AppealAccess;
import org.otklik.appeal.AppealAccess.Scope;
import org.otklik.appeal.AppealEvent;
import org.otklik.appeal.AppealEventCursor;
import org.otklik.appeal.AppealEventStream;
import org.otklik.appeal.AppealEventType;
import org.otklik.graphql.SharedSubscriptions;
import org.otklik.graphql.SubscriptionSource;
import org.otklik.security.Caller;
import org.otklik.security.Role;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.publisher.Flux;

import org.springframework.stereotype.Service;

/**
 * Live appeal events for GraphQL subscribers: the appeal event stream, filtered to what each caller may
 * see and asked for. Catch-up after a cursor and the bounded per-subscriber buffers are the stream's.
 */
@Service
public class LiveService implements SubscriptionSource {

	private static final Set<AppealEventType> ARRIVALS = Set.of(AppealEventType.RECEIVED, AppealEventType.ASSIGNED,
			AppealEventType.REDIRECTED, AppealEventType.REOPENED);

	private final AppealEventStream stream;

	private final AppealAccess access;

	private final LiveProperties properties;

	private final SharedSubscriptions shared;

	/**
	 * This service's own registrations on the stream. The stream's count also holds the durable consumers
	 * (webhooks, push, channels), which drop out and re-register on their own (a buffer overflow under a
	 * burst, a lost connection): counting them made the gauge wrong and tests that wait for their
	 * subscription to register flaky.
	 */
	private final AtomicInteger registered = new AtomicInteger();

	public LiveService(AppealEventStream stream, AppealAccess access, LiveProperties properties,
			SharedSubscriptions shared, MeterRegistry registry) {
		this.shared = shared;
		Gauge.builder("otklik.live.subscribers", this, LiveService::subscriberCount)
			.description("Open GraphQL subscriptions on this instance")
			.register(registry);
		this.stream = stream;
		this.access = access;
		this.properties = properties;
	}

	/** New appeals, and appeals assigned, redirected or reopened into an agency (any agency if null). */
	public Flux<AppealEvent> appealReceived(Caller caller, String agencyId, String after) {
		return subscribe(caller, after, event -> ARRIVALS.contains(event.type()) && (agencyId == null
				|| (event.type() != AppealEventType.RECEIVED && agencyId.equals(event.agencyId()))));
	}

	/** Every change, optionally of one appeal or of one agency's appeals. */
	public Flux<AppealEvent> appealChanged(Caller caller, String appealId, String agencyId, String after) {
		return subscribe(caller, after, event -> (appealId == null || appealId.equals(event.appeal().id()))
				&& (agencyId == null || agencyId.equals(event.agencyId())));
	}

	/** SLA thresholds reached, optionally of one agency's appeals. */
	public Flux<AppealEvent> slaAlerted(Caller caller, String agencyId, String after) {
		return subscribe(caller, after,
				event -> (event instanceof AppealEvent.SlaAtRisk || event instanceof AppealEvent.SlaBreached)
						&& (agencyId == null || agencyId.equals(event.agencyId())));
	}

	/**
	 * Subscribers connected to this instance: the executions registered on the stream (one per execution,
	 * shared or not) and the subscribers who joined a shared one.
	 */
	public int subscriberCount() {
		return this.registered.get() + this.shared.joiners();
	}

	@Override
	public long now() {
		AppealEventCursor newest = this.stream.newest();
		return (newest != null) ? newest.position() : 0;
	}

	@Override
	public int buffer() {
		return this.properties.subscriberBuffer();
	}

	private Flux<AppealEvent> subscribe(Caller caller, String after, Predicate<AppealEvent> wanted) {
		caller.requireAny(Role.values());
		AppealEventCursor cursor = (after != null && !after.isBlank()) ? AppealEventCursor.decode(after) : null;
		return this.access.scope(caller)
			.flatMapMany(scope -> this.stream.events(cursor, visibleIn(scope).and(wanted),
					this.properties.subscriberBuffer())
				// Counted once registered on the stream (events registers as it is subscribed), so that a test
				// or the gauge can tell that every later event reaches the subscriber.
				.doOnSubscribe(s -> this.registered.incrementAndGet())
				.doFinally(signal -> this.registered.decrementAndGet()));
	}

	/** What a scope may receive: the appeal as the change left it must be in scope. */
	static Predicate<AppealEvent> visibleIn(Scope scope) {
		return event -> !scope.isNothing() && scope.includes(event.appeal());
	}

}
