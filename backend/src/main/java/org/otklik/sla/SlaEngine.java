package org.otklik.sla;

import java.time.Instant;
import java.time.ZoneId;

/**
 * The entry point for services: evaluates and forecasts deadlines with the calendar in force, reusing the
 * compiled working-time tables until a curator registers a new calendar year.
 */
public class SlaEngine {

	private final ProductionCalendarRegistry registry;

	private final SlaProperties properties;

	private volatile BusinessCalendar business;

	public SlaEngine(ProductionCalendarRegistry registry, SlaProperties properties) {
		this.registry = registry;
		this.properties = properties;
	}

	public ProductionCalendarRegistry calendars() {
		return this.registry;
	}

	public SlaProperties properties() {
		return this.properties;
	}

	/**
	 * The calendar a policy of this kind runs on in a zone.
	 * @param zone the agency's zone; {@code null} for the region's default
	 */
	public WorkingCalendar calendar(SlaCalendarKind kind, ZoneId zone) {
		ZoneId effective = (zone != null) ? zone : this.properties.zone();
		if (kind == SlaCalendarKind.ROUND_THE_CLOCK) {
			return new RoundTheClockCalendar(effective);
		}
		ProductionCalendar current = this.registry.snapshot();
		BusinessCalendar cached = this.business;
		if (cached == null || cached.production() != current) {
			cached = BusinessCalendar.of(current, this.properties.workingHours(), this.properties.zone());
			this.business = cached;
		}
		return cached.withZone(effective);
	}

	/** Both clocks of an appeal at {@code now}, in the agency's zone ({@code null} for the default). */
	public AppealSla evaluate(SlaPolicy policy, SlaClockInput input, Instant now, ZoneId zone) {
		return SlaClockEvaluator.evaluate(policy, calendar(policy.calendar(), zone), input, now,
				this.properties.atRiskThreshold());
	}

	/** The deadlines an appeal received at {@code receivedAt} would get. */
	public SlaForecast forecast(SlaPolicy policy, Instant receivedAt, ZoneId zone) {
		return SlaClockEvaluator.forecast(policy, calendar(policy.calendar(), zone), receivedAt);
	}

}
