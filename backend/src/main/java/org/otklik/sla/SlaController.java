package org.otklik.sla;

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

/** GraphQL entry points of the SLA feature: forecasts, policies and the production calendar. */
@Controller
public class SlaController {

	private final SlaEngine engine;

	private final SlaPolicyStore policies;

	private final CalendarYearStore years;

	private final CallerResolver callers;

	private final Clock clock;

	public SlaController(SlaEngine engine, SlaPolicyStore policies, CalendarYearStore years, CallerResolver callers,
			Clock clock) {
		this.engine = engine;
		this.policies = policies;
		this.years = years;
		this.callers = callers;
		this.clock = clock;
	}

	@QueryMapping
	Mono<SlaForecast> slaForecast(@Argument String channel, @Argument Boolean urgent, @Argument String category,
			@Argument Instant receivedAt) {
		return this.callers.current().doOnNext(SlaController::anyRole).then(this.policies.matcher()).map(matcher -> {
			SlaPolicy policy = matcher.require(channel, Boolean.TRUE.equals(urgent), (category != null) ? category : "OTHER");
			return this.engine.forecast(policy, (receivedAt != null) ? receivedAt : this.clock.instant(), null);
		});
	}

	@QueryMapping
	Mono<List<SlaPolicy>> slaPolicies() {
		return this.callers.current().doOnNext(SlaController::anyRole).then(this.policies.policies());
	}

	@QueryMapping
	Mono<CalendarYearInfo> calendarYear(@Argument int year) {
		return this.callers.current().doOnNext(SlaController::anyRole).map(caller -> this.engine.calendars().info(year));
	}

	@MutationMapping
	Mono<PolicyPayload> upsertSlaPolicy(@Argument PolicyInput input) {
		return this.callers.current().doOnNext(SlaController::curator).then(Mono.defer(() -> {
			SlaPolicy policy;
			try {
				policy = input.toPolicy();
			}
			catch (IllegalArgumentException | NullPointerException ex) {
				return Mono.just(new PolicyPayload(null,
						List.of(UserError.of(UserErrorCode.INVALID, null, "Политика не принята: " + ex.getMessage()))));
			}
			return this.policies.save(policy).map(saved -> new PolicyPayload(saved, List.of()));
		}));
	}

	@MutationMapping
	Mono<YearPayload> loadCalendarYear(@Argument YearInput input) {
		return this.callers.current().doOnNext(SlaController::curator).then(Mono.defer(() -> {
			CalendarYear year = new CalendarYear(input.year(), input.days().stream()
				.map(d -> new CalendarDay(d.date(), d.type(), d.movedFrom(), d.comment()))
				.toList(), input.source(), input.comment());
			List<CalendarYearProblem> problems = year.problems();
			if (!problems.isEmpty()) {
				return Mono.just(new YearPayload(null, problems.stream()
					.map(p -> new UserError(UserErrorCode.INVALID, List.of("input", p.field()), p.message()))
					.toList()));
			}
			return this.years.load(year).map(loaded -> new YearPayload(this.engine.calendars().info(loaded.year()), List.of()));
		}));
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

	private static void anyRole(Caller caller) {
		if (caller.roles().isEmpty()) {
			throw new AccessDeniedException("A role is required");
		}
	}

	private static void curator(Caller caller) {
		if (!caller.has(Role.CURATOR)) {
			throw new AccessDeniedException("Curators only");
		}
	}

	/** Input of {@code upsertSlaPolicy}. */
	record PolicyInput(String code, String name, ChannelGroup channelGroup, Boolean urgent, String category,
			Integer priority, SlaCalendarKind calendar, TargetInput firstResponse, TargetInput finalAnswer,
			TargetInput extension) {

		SlaPolicy toPolicy() {
			return new SlaPolicy(code, name, channelGroup, urgent, category, (priority != null) ? priority : 0,
					firstResponse.toTarget(), finalAnswer.toTarget(), calendar,
					(extension != null) ? extension.toTarget() : null);
		}

	}

	/** A term in the input. */
	record TargetInput(int amount, SlaTimeUnit unit) {

		SlaTarget toTarget() {
			if (amount < 1) {
				throw new IllegalArgumentException("срок должен быть не меньше 1");
			}
			return new SlaTarget(amount, unit);
		}

	}

	/** Result of {@code upsertSlaPolicy}. */
	record PolicyPayload(SlaPolicy policy, List<UserError> errors) {
	}

	/** Input of {@code loadCalendarYear}. */
	record YearInput(int year, List<DayInput> days, String source, String comment) {
	}

	/** A day in the input. */
	record DayInput(LocalDate date, CalendarDayType type, LocalDate movedFrom, String comment) {
	}

	/** Result of {@code loadCalendarYear}. */
	record YearPayload(CalendarYearInfo year, List<UserError> errors) {
	}

}
