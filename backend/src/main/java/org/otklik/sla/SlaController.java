package org.otklik.sla;

import org.jspecify.annotations.Nullable;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.otklik.graphql.UserError;
import org.otklik.graphql.UserErrorCode;
import org.otklik.security.Caller;
import org.otklik.security.CallerResolver;
import org.otklik.security.Role;
import reactor.core.publisher.Mono;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;

/** GraphQL entry points of the SLA feature: forecasts, policies and the production calendar; the rules are in {@link SlaService}. */
@Controller
public class SlaController {

	private final SlaService sla;

	private final CallerResolver callers;

	public SlaController(SlaService sla, CallerResolver callers) {
		this.sla = sla;
		this.callers = callers;
	}

	@QueryMapping
	Mono<SlaForecast> slaForecast(@Argument String channel, @Argument @Nullable Boolean urgent, @Argument @Nullable String category,
			@Argument @Nullable Instant receivedAt) {
		return this.callers.current().flatMap(caller -> this.sla.forecast(caller, channel, urgent, category, receivedAt));
	}

	@QueryMapping
	Mono<List<SlaPolicy>> slaPolicies() {
		return this.callers.current().flatMap(this.sla::policies);
	}

	@QueryMapping
	Mono<CalendarYearInfo> calendarYear(@Argument int year) {
		return this.callers.current().map(caller -> this.sla.calendarYear(caller, year));
	}

	@MutationMapping
	Mono<SlaService.UpsertSlaPolicyPayload> upsertSlaPolicy(@Argument SlaService.UpsertSlaPolicyInput input) {
		return this.callers.current().flatMap(caller -> this.sla.upsertPolicy(caller, input));
	}

	@MutationMapping
	Mono<SlaService.LoadCalendarYearPayload> loadCalendarYear(@Argument SlaService.LoadCalendarYearInput input) {
		return this.callers.current().flatMap(caller -> this.sla.loadCalendarYear(caller, input));
	}

	@SchemaMapping(typeName = "AppealSla")
	String timeZone(AppealSla sla) {
		return sla.zone().getId();
	}

	@SchemaMapping(typeName = "SlaForecast", field = "timeZone")
	String forecastTimeZone(SlaForecast forecast) {
		return forecast.zone().getId();
	}

	@SchemaMapping(typeName = "SlaClock")
	Long businessTimeLeftSeconds(SlaClock clock) {
		return (clock.timeLeft() != null) ? clock.timeLeft().toSeconds() : null;
	}

	@SchemaMapping(typeName = "SlaClock")
	String businessTimeLeft(SlaClock clock) {
		return (clock.timeLeft() != null) ? clock.timeLeftText() : null;
	}

	@SchemaMapping(typeName = "SlaClock")
	long pausedSeconds(SlaClock clock) {
		return (clock.pausedTotal() != null) ? clock.pausedTotal().toSeconds() : 0;
	}

}
