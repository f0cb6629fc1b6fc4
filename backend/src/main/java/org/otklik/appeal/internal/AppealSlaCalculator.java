package org.otklik.appeal.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.otklik.appeal.Appeal;
import org.otklik.appeal.SlaSnapshot;
import org.otklik.sla.AppealSla;
import org.otklik.sla.SlaClock;
import org.otklik.sla.SlaClockInput;
import org.otklik.sla.SlaClockKind;
import org.otklik.sla.SlaEngine;
import org.otklik.sla.SlaExtension;
import org.otklik.sla.SlaPause;
import org.otklik.sla.SlaPolicy;
import org.otklik.sla.SlaPolicyMatcher;
import org.otklik.sla.SlaPolicyStore;
import org.otklik.sla.SlaState;
import org.otklik.sla.WorkingCalendar;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

/**
 * Turns an appeal's facts into its SLA: evaluates both clocks with the engine and condenses them into the
 * {@link SlaSnapshot} stored on the document (for figures and for the indexed alert query).
 */
@Component
public class AppealSlaCalculator {

	private final SlaEngine engine;

	private final SlaPolicyStore policies;

	public AppealSlaCalculator(SlaEngine engine, SlaPolicyStore policies) {
		this.engine = engine;
		this.policies = policies;
	}

	public SlaEngine engine() {
		return this.engine;
	}

	/** The policy an appeal falls under; the stored one if it still exists, so a redirect keeps the clock. */
	public Mono<SlaPolicy> policyOf(Appeal appeal) {
		return this.policies.matcher().map(matcher -> choose(matcher, appeal));
	}

	/**
	 * The policy for the appeal with its category and urgency as a moderation change sets them: chosen anew
	 * rather than the stored one, so that an appeal the curator marks urgent gets the urgent deadlines.
	 */
	public Mono<SlaPolicy> policyOf(Appeal appeal, org.otklik.region.Category category, boolean urgent) {
		return this.policies.matcher().map(matcher -> matcher.require(appeal.channel().name(), urgent, category.name()));
	}

	/** As {@link #policyOf(Appeal)} when the policies are cached (nearly always), else null. */
	public @Nullable SlaPolicy cachedPolicyOf(Appeal appeal) {
		SlaPolicyMatcher matcher = this.policies.cachedMatcher();
		return (matcher != null) ? choose(matcher, appeal) : null;
	}

	static SlaPolicy choose(SlaPolicyMatcher matcher, Appeal appeal) {
		if (appeal.sla() != null && appeal.sla().policyCode() != null) {
			for (SlaPolicy policy : matcher.policies()) {
				if (policy.code().equals(appeal.sla().policyCode())) {
					return policy;
				}
			}
		}
		return matcher.require(appeal.channel().name(), appeal.urgent(), appeal.category().name());
	}

	/** The lifecycle's view of the SLA under one policy. */
	public SlaRules rules(SlaPolicy policy) {
		return new SlaRules() {

			@Override
			public boolean extensionAllowed() {
				return policy.extensionAllowed();
			}

			@Override
			public SlaSnapshot snapshot(Appeal appeal, Instant now, List<String> announced) {
				return AppealSlaCalculator.this.snapshot(policy, appeal, now, announced);
			}

			@Override
			public List<String> dueThresholds(Appeal appeal, Instant now, List<String> announced) {
				return due(evaluate(policy, appeal, now), now, announced);
			}

		};
	}

	/** Both clocks of the appeal as they stand at {@code now}. */
	public AppealSla evaluate(SlaPolicy policy, Appeal appeal, Instant now) {
		return this.engine.evaluate(policy, input(appeal), now, null);
	}

	static SlaClockInput input(Appeal appeal) {
		SlaSnapshot sla = appeal.sla();
		List<SlaPause> pauses = new ArrayList<>();
		SlaExtension extension = null;
		if (sla != null) {
			sla.pauses().forEach(p -> pauses.add(new SlaPause(p.from(), p.to(), p.reason())));
			if (sla.extendedAt() != null) {
				extension = new SlaExtension(sla.extendedAt(), sla.extensionReason());
			}
		}
		return new SlaClockInput(appeal.receivedAt(), pauses, appeal.firstRespondedAt(), appeal.answeredAt(),
				appeal.reopenedAt(), extension);
	}

	/**
	 * The snapshot to store for an appeal in this state. Announced thresholds are kept (each is announced
	 * once per appeal and clock), except that a reopening starts a new final-answer clock.
	 */
	public SlaSnapshot snapshot(SlaPolicy policy, Appeal appeal, Instant now, List<String> announced) {
		AppealSla sla = evaluate(policy, appeal, now);
		SlaClock first = sla.firstResponse();
		SlaClock last = sla.finalAnswer();
		Instant nextAlert = earliest(pending(first, announced), pending(last, announced));
		Instant nextDue = earliest(open(first), open(last));
		SlaSnapshot previous = appeal.sla();
		return new SlaSnapshot(policy.code(), sla.zone().getId(), first.dueAt(), last.dueAt(), met(first), met(last),
				businessSeconds(policy, first, appeal), calendarSeconds(first, appeal), businessSeconds(policy, last, appeal),
				calendarSeconds(last, appeal), (previous != null) ? previous.pauses() : List.of(), nextAlert,
				announced, (previous != null) ? previous.extensionReason() : null,
				(previous != null) ? previous.extendedAt() : null, (nextDue != null) ? nextDue : SlaSnapshot.NOTHING_DUE);
	}

	/** Thresholds of a clock that have passed by {@code now} and were not announced yet, oldest first. */
	static List<String> due(AppealSla sla, Instant now, List<String> announced) {
		List<String> keys = new ArrayList<>();
		for (SlaClock clock : List.of(sla.firstResponse(), sla.finalAnswer())) {
			if (clock.atRiskAt() != null && !clock.atRiskAt().isAfter(now) && !announced.contains(key(clock.kind(), SlaState.AT_RISK))) {
				keys.add(key(clock.kind(), SlaState.AT_RISK));
			}
			if (clock.breachAt() != null && !clock.breachAt().isAfter(now) && !announced.contains(key(clock.kind(), SlaState.BREACHED))) {
				keys.add(key(clock.kind(), SlaState.BREACHED));
			}
		}
		return keys;
	}

	/** Every threshold already reached by {@code now}, as if announced. */
	public static List<String> pastThresholds(AppealSla sla, Instant now) {
		return due(sla, now, List.of());
	}

	public static String key(SlaClockKind kind, SlaState state) {
		return SlaKeys.key(kind, state);
	}

	private static Instant pending(SlaClock clock, List<String> announced) {
		Instant result = null;
		if (clock.atRiskAt() != null && !announced.contains(key(clock.kind(), SlaState.AT_RISK))) {
			result = clock.atRiskAt();
		}
		if (clock.breachAt() != null && !announced.contains(key(clock.kind(), SlaState.BREACHED))) {
			result = earliest(result, clock.breachAt());
		}
		return result;
	}

	private static Instant open(SlaClock clock) {
		return (clock.metAt() == null) ? clock.dueAt() : null;
	}

	private static Boolean met(SlaClock clock) {
		if (clock.metAt() == null) {
			return null;
		}
		return clock.state() == SlaState.MET;
	}

	private Long businessSeconds(SlaPolicy policy, SlaClock clock, Appeal appeal) {
		if (clock.metAt() == null) {
			return null;
		}
		// Working time on the clock of the appeal's own policy: office hours for business-calendar policies,
		// every hour for round-the-clock ones (urgent appeals), as the schema's DurationStats says. Measured in
		// office hours, an urgent appeal answered after a week counted as a day and a half of work, and the
		// figures flattered the slowest answers. Pauses for the citizen's clarification do not count.
		WorkingCalendar business = this.engine.calendar(policy.calendar(), null);
		Duration total = business.businessTimeBetween(clock.startedAt(), clock.metAt());
		for (SlaSnapshot.Pause pause : pauses(appeal)) {
			Instant from = later(pause.from(), clock.startedAt());
			Instant to = earlier((pause.to() != null) ? pause.to() : clock.metAt(), clock.metAt());
			if (to.isAfter(from)) {
				total = total.minus(business.businessTimeBetween(from, to));
			}
		}
		return Math.max(0, total.toSeconds());
	}

	private static Long calendarSeconds(SlaClock clock, Appeal appeal) {
		if (clock.metAt() == null) {
			return null;
		}
		Duration total = Duration.between(clock.startedAt(), clock.metAt());
		for (SlaSnapshot.Pause pause : pauses(appeal)) {
			Instant from = later(pause.from(), clock.startedAt());
			Instant to = earlier((pause.to() != null) ? pause.to() : clock.metAt(), clock.metAt());
			if (to.isAfter(from)) {
				total = total.minus(Duration.between(from, to));
			}
		}
		return Math.max(0, total.toSeconds());
	}

	private static List<SlaSnapshot.Pause> pauses(Appeal appeal) {
		return (appeal.sla() != null) ? appeal.sla().pauses() : List.of();
	}

	private static Instant earliest(Instant a, Instant b) {
		if (a == null) {
			return b;
		}
		if (b == null) {
			return a;
		}
		return a.isBefore(b) ? a : b;
	}

	private static Instant later(Instant a, Instant b) {
		return a.isAfter(b) ? a : b;
	}

	private static Instant earlier(Instant a, Instant b) {
		return a.isBefore(b) ? a : b;
	}

}
