package org.otklik.stats;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.otklik.appeal.AppealFigures;
import org.otklik.appeal.Channel;
import org.otklik.region.Category;
import org.otklik.region.Municipality;

/**
 * What the statistics aggregation returns, already grouped by MongoDB: counts per (channel, category,
 * municipality, agency) bucket, per local day and per agency, and the sorted seconds of each clock. Agency
 * keys are null for appeals not yet routed, and for everything when the tally was not taken per agency.
 */
final class StatsTally {

	/** One breakdown bucket; any part may be null. */
	record Bucket(Channel channel, Category category, Municipality municipality, String agencyId) {
	}

	/** Counts of one bucket. */
	static final class Counts {

		int received;

		int answered;

		int overdueNow;

		void add(Counts other) {
			this.received += other.received;
			this.answered += other.answered;
			this.overdueNow += other.overdueNow;
		}

	}

	/** One SLA clock of one agency (or of the whole scope): sorted seconds and how it was met. */
	static final class Clock {

		List<Long> business = new ArrayList<>();

		List<Long> calendar = new ArrayList<>();

		int onTime;

		int late;

		int missed;

		static Clock of(AppealFigures.ClockTally from) {
			Clock clock = new Clock();
			clock.business = new ArrayList<>(from.businessSeconds());
			clock.calendar = new ArrayList<>(from.calendarSeconds());
			clock.onTime = from.onTime();
			clock.late = from.late();
			clock.missed = from.missed();
			return clock;
		}

		DurationStats durations() {
			return DurationStats.of(this.business, this.calendar);
		}

		/** Met on time / (on time + late); null when no clock was met. */
		Double withinSla() {
			int met = this.onTime + this.late;
			return (met > 0) ? (double) this.onTime / met : null;
		}

	}

	/** Counts of history entries in the period attributed to an agency. */
	static final class Events {

		int redirects;

		int returnedForRework;

		int approved;

		int rejected;

	}

	final Map<Bucket, Counts> buckets = new HashMap<>();

	final Map<String, Integer> open = new HashMap<>();

	final Map<LocalDate, int[]> days = new TreeMap<>();

	final Map<String, Clock> firstResponse = new HashMap<>();

	final Map<String, Clock> finalAnswer = new HashMap<>();

	final Map<String, Events> events = new HashMap<>();

	/** The mutable tally the formulas work on, from the appeal figures' typed one. */
	static StatsTally of(AppealFigures.Tally from) {
		StatsTally tally = new StatsTally();
		for (AppealFigures.Bucket b : from.buckets()) {
			Counts counts = tally.bucket(new Bucket(b.channel(), b.category(), b.municipality(), b.agencyId()));
			counts.received += b.received();
			counts.answered += b.answered();
			counts.overdueNow += b.overdueNow();
		}
		tally.open.putAll(from.openByAgency());
		for (AppealFigures.Day day : from.days()) {
			int[] counts = tally.day(day.date());
			counts[0] += day.received();
			counts[1] += day.answered();
		}
		from.firstResponse().forEach((agency, clock) -> tally.firstResponse.put(agency, Clock.of(clock)));
		from.finalAnswer().forEach((agency, clock) -> tally.finalAnswer.put(agency, Clock.of(clock)));
		for (AppealFigures.EventCount count : from.events()) {
			Events events = tally.events(count.agencyId());
			switch (count.type()) {
				case REDIRECTED -> events.redirects += count.count();
				case ANSWER_RETURNED -> events.returnedForRework += count.count();
				case ANSWER_APPROVED -> events.approved += count.count();
				case REJECTED -> events.rejected += count.count();
				default -> {
				}
			}
		}
		return tally;
	}

	Counts bucket(Bucket key) {
		return this.buckets.computeIfAbsent(key, k -> new Counts());
	}

	Clock firstResponse(String agencyId) {
		return this.firstResponse.computeIfAbsent(agencyId, k -> new Clock());
	}

	Clock finalAnswer(String agencyId) {
		return this.finalAnswer.computeIfAbsent(agencyId, k -> new Clock());
	}

	Events events(String agencyId) {
		return this.events.computeIfAbsent(agencyId, k -> new Events());
	}

	int[] day(LocalDate date) {
		return this.days.computeIfAbsent(date, k -> new int[2]);
	}

	/** The headline figures of everything tallied (taken without per-agency grouping). */
	StatsFigures figures() {
		Counts total = new Counts();
		this.buckets.values().forEach(total::add);
		int openNow = this.open.values().stream().mapToInt(Integer::intValue).sum();
		Clock first = this.firstResponse.getOrDefault(null, new Clock());
		Clock last = this.finalAnswer.getOrDefault(null, new Clock());
		Events ev = this.events.getOrDefault(null, new Events());
		return new StatsFigures(total.received, total.answered, openNow, total.overdueNow, first.durations(),
				last.durations(), first.withinSla(), last.withinSla(), ev.redirects, ev.returnedForRework, ev.rejected);
	}

}
