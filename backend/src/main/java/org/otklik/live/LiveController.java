package org.otklik.live;

import org.jspecify.annotations.Nullable;
import graphql.GraphQLContext;
import org.otklik.appeal.AppealEvent;
import org.otklik.appeal.SlowSubscriberException;
import org.otklik.graphql.SharedSubscriptions;
import org.otklik.graphql.WebSocketSessions;
import org.otklik.sla.SlaClockKind;
import org.otklik.sla.SlaState;
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
	Flux<AppealEvent> appealReceived(@Argument @Nullable String agencyId, @Argument @Nullable String after, GraphQLContext context) {
		return closeWhenTooSlow(this.callers.current()
			.flatMapMany(caller -> this.live.appealReceived(caller, agencyId, after)), context);
	}

	@SubscriptionMapping
	Flux<AppealEvent> appealChanged(@Argument @Nullable String appealId, @Argument @Nullable String agencyId, @Argument @Nullable String after,
			GraphQLContext context) {
		return closeWhenTooSlow(this.callers.current()
			.flatMapMany(caller -> this.live.appealChanged(caller, appealId, agencyId, after)), context);
	}

	@SubscriptionMapping
	Flux<AppealEvent> slaAlerted(@Argument @Nullable String agencyId, @Argument @Nullable String after, GraphQLContext context) {
		return closeWhenTooSlow(this.callers.current()
			.flatMapMany(caller -> this.live.slaAlerted(caller, agencyId, after)), context);
	}

	@SchemaMapping(typeName = "AppealEvent")
	String cursor(AppealEvent event) {
		return event.cursor().encode();
	}

	@SchemaMapping(typeName = "SlaAlert", field = "cursor")
	String alertCursor(AppealEvent event) {
		return event.cursor().encode();
	}

	@SchemaMapping(typeName = "SlaAlert")
	SlaState state(AppealEvent event) {
		return (event instanceof AppealEvent.SlaBreached) ? SlaState.BREACHED : SlaState.AT_RISK;
	}

	@SchemaMapping(typeName = "SlaAlert")
	SlaClockKind clock(AppealEvent event) {
		if (event instanceof AppealEvent.SlaAtRisk atRisk) {
			return atRisk.clock();
		}
		return ((AppealEvent.SlaBreached) event).clock();
	}

	// A subscriber that cannot keep up has a full socket too, so an error message might never reach it:
	// the socket itself is closed with the reason.
	private static Flux<AppealEvent> closeWhenTooSlow(Flux<AppealEvent> events, GraphQLContext context) {
		return SharedSubscriptions.reportPositions(events, event -> event.cursor().position(), context).onErrorResume(SlowSubscriberException.class, ex -> {
			// Subscribed on its own: the subscription's own teardown must not cancel the close half-way,
			// which would drop the close frame and leave the client with a bare 1006.
			WebSocketSessions
				.close(context, WebSocketSessions.SLOW_SUBSCRIBER, "Slow subscriber: buffer overflow, resubscribe with after")
				.subscribe();
			return Flux.error(ex);
		});
	}

}
