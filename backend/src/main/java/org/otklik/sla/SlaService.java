package org.otklik.sla;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.otklik.graphql.OtklikException;
import org.otklik.graphql.UserError;
import org.otklik.graphql.UserErrorCode;
import org.otklik.security.Caller;
import org.otklik.security.Role;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

/** The SLA feature's operations for callers: forecasts, policies and calendar years, with their role checks. */
@Service
public class SlaService {

	private final SlaEngine engine;

	private final SlaPolicyStore policies;

	private final CalendarYearStore years;

	private final Clock clock;

	private static final Instant FORECAST_FROM = Instant.parse(CalendarYear.MIN_YEAR + "-01-01T00:00:00Z");

	private static final Instant FORECAST_UNTIL = Instant.parse(CalendarYear.MAX_YEAR + "-01-01T00:00:00Z");

	public SlaService(SlaEngine engine, SlaPolicyStore policies, CalendarYearStore years, Clock clock) {
		this.engine = engine;
		this.policies = policies;
		this.years = years;
		this.clock = clock;
	}

	/** The deadlines an appeal would get if received at {@code receivedAt} (now when null). */
	public Mono<SlaForecast> forecast(Caller caller, String channel, Boolean urgent, String category, Instant receivedAt) {
		caller.requireAny(Role.values());
		if (receivedAt != null && (receivedAt.isBefore(FORECAST_FROM) || !receivedAt.isBefore(FORECAST_UNTIL))) {
			// The calendars cover 2000–2199; a deadline computed from a later moment would run off their end.
			return Mono.error(OtklikException.invalidArgument("Прогноз строится для моментов получения с "
					+ CalendarYear.MIN_YEAR + " по " + (CalendarYear.MAX_YEAR - 1) + " год."));
		}
		return this.policies.matcher().map(matcher -> {
			SlaPolicy policy = matcher.require(channel, Boolean.TRUE.equals(urgent), (category != null) ? category : "OTHER");
			return this.engine.forecast(policy, (receivedAt != null) ? receivedAt : this.clock.instant(), null);
		});
	}

	public Mono<List<SlaPolicy>> policies(Caller caller) {
		caller.requireAny(Role.values());
		return this.policies.policies();
	}

	public CalendarYearInfo calendarYear(Caller caller, int year) {
		caller.requireAny(Role.values());
		if (year < CalendarYear.MIN_YEAR || year > CalendarYear.MAX_YEAR) {
			// Far-off years would overflow the date arithmetic; the schema documents the range.
			throw OtklikException.invalidArgument(
					"Год должен быть в диапазоне " + CalendarYear.MIN_YEAR + "–" + CalendarYear.MAX_YEAR + ".");
		}
		return this.engine.calendars().info(year);
	}

	/** Creates or replaces a policy by its code; curators only. */
	public Mono<UpsertSlaPolicyPayload> upsertPolicy(Caller caller, UpsertSlaPolicyInput input) {
		caller.requireAny(Role.CURATOR);
		SlaPolicy policy;
		try {
			policy = input.toPolicy();
		}
		catch (IllegalArgumentException | NullPointerException ex) {
			return Mono.just(new UpsertSlaPolicyPayload(null,
					List.of(UserError.of(UserErrorCode.INVALID, null, "Политика не принята: " + ex.getMessage()))));
		}
		return this.policies.save(policy).map(saved -> new UpsertSlaPolicyPayload(saved, List.of()));
	}

	/** Loads or replaces a calendar year; curators only. */
	public Mono<LoadCalendarYearPayload> loadCalendarYear(Caller caller, LoadCalendarYearInput input) {
		caller.requireAny(Role.CURATOR);
		CalendarYear year = new CalendarYear(input.year(), input.days().stream()
			.map(d -> new CalendarDay(d.date(), d.type(), d.movedFrom(), d.comment()))
			.toList(), input.source(), input.comment());
		List<CalendarYearProblem> problems = year.problems();
		if (!problems.isEmpty()) {
			return Mono.just(new LoadCalendarYearPayload(null, problems.stream()
				.map(p -> new UserError(UserErrorCode.INVALID, List.of("input", p.field()), p.message()))
				.toList()));
		}
		return this.years.load(year)
			.map(loaded -> new LoadCalendarYearPayload(this.engine.calendars().info(loaded.year()), List.of()));
	}

	/** Input of {@code upsertSlaPolicy}. */
	public record UpsertSlaPolicyInput(String code, String name, ChannelGroup channelGroup, Boolean urgent,
			String category, Integer priority, SlaCalendarKind calendar, TargetInput firstResponse,
			TargetInput finalAnswer, TargetInput extension) {

		SlaPolicy toPolicy() {
			return new SlaPolicy(code, name, channelGroup, urgent, category, (priority != null) ? priority : 0,
					firstResponse.toTarget(), finalAnswer.toTarget(), calendar,
					(extension != null) ? extension.toTarget() : null);
		}

	}

	/** A term in the input. */
	public record TargetInput(int amount, SlaTimeUnit unit) {

		SlaTarget toTarget() {
			if (amount < 1) {
				throw new IllegalArgumentException("срок должен быть не меньше 1");
			}
			return new SlaTarget(amount, unit);
		}

	}

	/** Result of {@code upsertSlaPolicy}. */
	public record UpsertSlaPolicyPayload(SlaPolicy policy, List<UserError> errors) {
	}

	/** Input of {@code loadCalendarYear}. */
	public record LoadCalendarYearInput(int year, List<DayInput> days, String source, String comment) {
	}

	/** A day in the input. */
	public record DayInput(LocalDate date, CalendarDayType type, LocalDate movedFrom, String comment) {
	}

	/** Result of {@code loadCalendarYear}. */
	public record LoadCalendarYearPayload(CalendarYearInfo year, List<UserError> errors) {
	}

}
