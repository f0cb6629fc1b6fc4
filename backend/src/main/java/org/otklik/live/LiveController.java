package org.otklik.live;

import graphql.GraphQLContext;
import org.otklik.graphql.WebSocketSessions;
import org.otklik.security.CallerResolver;
import reactor.core.publisher.Flux;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.data.method.annotation.SubscriptionMapping;
import org.springframework.stereotype.Controller;

/** GraphQL subscriptions for live appeal events. */
@Controller
public class LiveController {

	private final LiveService live;

	private final CallerResolver callers;

	public LiveController(LiveService live, CallerResolver callers) {
		this.live = live;
		this.callers = callers;
	}

	@SubscriptionMapping
	Flux<LiveEvent> appealReceived(@Argument String agencyId, @Argument String after, GraphQLContext context) {
		return closeWhenTooSlow(this.callers.current()
			.flatMapMany(caller -> this.live.appealReceived(caller, agencyId, after)), context);
	}

	@SubscriptionMapping
	Flux<LiveEvent> appealChanged(@Argument String appealId, @Argument String agencyId, @Argument String after,
			GraphQLContext context) {
		return closeWhenTooSlow(this.callers.current()
			.flatMapMany(caller -> this.live.appealChanged(caller, appealId, agencyId, after)), context);
	}

	@SubscriptionMapping
	Flux<LiveEvent> slaAlerted(@Argument String agencyId, @Argument String after, GraphQLContext context) {
		return closeWhenTooSlow(this.callers.current()
			.flatMapMany(caller -> this.live.slaAlerted(caller, agencyId, after)), context);
	}

	/** The alert's state, from the announced key such as {@code FIRST_RESPONSE:AT_RISK}. */
	@SchemaMapping(typeName = "SlaAlert")
	String state(LiveEvent event) {
		return event.detail().substring(event.detail().indexOf(':') + 1);
	}

	/** The alert's clock. */
	@SchemaMapping(typeName = "SlaAlert")
	String clock(LiveEvent event) {
		return event.detail().substring(0, event.detail().indexOf(':'));
	}

	// A subscriber that cannot keep up has a full socket too, so an error message might never reach it:
	// the socket itself is closed with the reason.
	private static Flux<LiveEvent> closeWhenTooSlow(Flux<LiveEvent> events, GraphQLContext context) {
		return events.onErrorResume(SlowSubscriberException.class, ex -> {
			// Subscribed on its own: the subscription's own teardown must not cancel the close half-way,
			// which would drop the close frame and leave the client with a bare 1006.
			WebSocketSessions
				.close(context, WebSocketSessions.SLOW_SUBSCRIBER, "Slow subscriber: buffer overflow, resubscribe with after")
				.subscribe();
			return Flux.error(ex);
		});
	}

}
