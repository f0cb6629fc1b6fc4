package org.otklik.stats;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;
import org.otklik.agency.AgencyKind;
import org.otklik.appeal.Appeal;
import org.otklik.appeal.AppealEventType;
import org.otklik.appeal.AppealStatus;
import org.otklik.region.Category;
import org.otklik.support.IntegrationTestSupport;
import reactor.core.publisher.Flux;

import org.springframework.core.ParameterizedTypeReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.otklik.stats.AppealSamples.appeal;

/**
 * Cross-check: the dashboard's figures for a random agency's month equal figures computed here, independently,
 * from the same appeals with plain Java, and each countable figure equals the length of the region desk's list
 * behind it. StatsIntegrationTests checks hand-worked examples; this one checks many cases nobody worked out.
 */
class StatsCrossCheckIntegrationTests extends IntegrationTestSupport {

	static final ParameterizedTypeReference<List<Object>> LIST = new ParameterizedTypeReference<>() {
	};

	/**
	 * June 2025 in Magadan (UTC+11): the half-open range of the MONTH period, a month no other test uses, so the
	 * region-wide figures other tests assert stay untouched.
	 */
	static final Instant FROM = Instant.parse("2025-05-31T13:00:00Z");

	static final Instant TO = Instant.parse("2025-06-30T13:00:00Z");

	static final List<AppealStatus> OPEN = List.of(AppealStatus.ASSIGNED, AppealStatus.IN_PROGRESS, AppealStatus.ON_REVIEW);

	@Test
	void figuresEqualWhatTheAppealsSayAndTheListsBehindThem() {
		String agencyId = agency("CROSS_CHECK", "Сверка показателей", AgencyKind.MINISTRY, List.of(Category.OTHER), null).id();
		List<Appeal> appeals = generate(agencyId, new Random(2026));
		Flux.fromIterable(appeals).concatMap(this.mongo::save).then().block(Duration.ofSeconds(30));
		Instant now = Instant.now();

		Map<String, Object> figures = curator().document("""
				query ($agencyId: ID!) {
				  agencyStats(agencyId: $agencyId, period: { kind: MONTH, date: "2025-06-15" }) {
				    period { from to }
				    figures {
				      received answered open overdueNow returnedForRework firstResponseWithinSla finalAnswerWithinSla
				      firstResponse { count medianBusinessSeconds p90BusinessSeconds medianCalendarSeconds p90CalendarSeconds }
				      finalAnswer { count medianBusinessSeconds p90BusinessSeconds medianCalendarSeconds p90CalendarSeconds }
				    }
				  }
				}""").variable("agencyId", agencyId).execute().path("agencyStats.figures").entity(MAP).get();

		Predicate<Instant> inPeriod = at -> at != null && !at.isBefore(FROM) && at.isBefore(TO);
		long received = appeals.stream().filter(a -> inPeriod.test(a.receivedAt())).count();
		long answered = appeals.stream().filter(a -> inPeriod.test(a.answeredAt())).count();
		long open = appeals.stream().filter(a -> OPEN.contains(a.status())).count();
		long overdue = appeals.stream().filter(a -> OPEN.contains(a.status()) && a.sla() != null
				&& ((a.firstRespondedAt() == null && a.sla().firstResponseDueAt().isBefore(now))
						|| (a.answeredAt() == null && a.sla().finalAnswerDueAt().isBefore(now))))
			.count();
		long returned = appeals.stream().flatMap(a -> a.history().stream())
			.filter(h -> h.type() == AppealEventType.ANSWER_RETURNED && inPeriod.test(h.at()))
			.count();
		assertThat(received).isPositive();
		assertThat(overdue).isPositive();
		assertThat(figures).containsEntry("received", (int) received)
			.containsEntry("answered", (int) answered)
			.containsEntry("open", (int) open)
			.containsEntry("overdueNow", (int) overdue)
			.containsEntry("returnedForRework", (int) returned);

		List<Appeal> responded = appeals.stream().filter(a -> inPeriod.test(a.firstRespondedAt())).toList();
		List<Appeal> approved = appeals.stream().filter(a -> inPeriod.test(a.answeredAt())).toList();
		assertThat(figures.get("firstResponseWithinSla"))
			.isEqualTo(share(responded, a -> a.sla().firstResponseMet()));
		assertThat(figures.get("finalAnswerWithinSla")).isEqualTo(share(approved, a -> a.sla().finalAnswerMet()));
		assertThat(figures.get("firstResponse")).isEqualTo(durations(responded,
				a -> a.sla().firstResponseBusinessSeconds(), a -> a.sla().firstResponseCalendarSeconds()));
		assertThat(figures.get("finalAnswer")).isEqualTo(durations(approved,
				a -> a.sla().finalAnswerBusinessSeconds(), a -> a.sla().finalAnswerCalendarSeconds()));

		// One tap from a figure: the desk's list behind it has exactly as many appeals.
		assertThat(count(Map.of("agencyId", agencyId, "receivedFrom", FROM.toString(), "receivedTo", TO.toString())))
			.isEqualTo(received);
		assertThat(count(Map.of("agencyId", agencyId, "answeredFrom", FROM.toString(), "answeredTo", TO.toString())))
			.isEqualTo(answered);
		assertThat(count(Map.of("agencyId", agencyId, "slaStates", List.of("OVERDUE")))).isEqualTo(overdue);
		assertThat(count(Map.of("agencyId", agencyId, "statuses", List.of("NEW", "ASSIGNED", "IN_PROGRESS", "ON_REVIEW"))))
			.isEqualTo(open);
	}

	static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() {
	};

	private long count(Map<String, Object> filter) {
		return curator().document("query ($filter: AppealFilter) { appeals(filter: $filter, first: 100) { edges { cursor } } }")
			.variable("filter", filter)
			.execute()
			.path("appeals.edges")
			.entity(LIST)
			.get()
			.size();
	}

	/** About 90 appeals of one agency around June 2025: every status, met, late and open clocks, returns. */
	static List<Appeal> generate(String agencyId, Random random) {
		List<Appeal> appeals = new ArrayList<>();
		Instant start = Instant.parse("2025-05-25T00:00:00Z");
		long span = Duration.ofDays(42).toSeconds();
		AppealStatus[] statuses = { AppealStatus.ASSIGNED, AppealStatus.IN_PROGRESS, AppealStatus.ON_REVIEW,
				AppealStatus.ANSWERED, AppealStatus.CLOSED };
		for (int i = 0; i < 90; i++) {
			Instant received = start.plusSeconds(random.nextLong(span));
			AppealStatus status = statuses[random.nextInt(statuses.length)];
			AppealSamples sample = appeal("cross-" + i, received.toString()).agency(agencyId).status(status);
			boolean done = status == AppealStatus.ANSWERED || status == AppealStatus.CLOSED;
			long firstCalendar = 60 + random.nextLong(Duration.ofDays(4).toSeconds());
			if (done || random.nextBoolean()) {
				sample.firstResponse(random.nextLong(firstCalendar + 1), firstCalendar, random.nextInt(4) > 0);
			}
			if (done) {
				long finalCalendar = firstCalendar + random.nextLong(Duration.ofDays(20).toSeconds());
				sample.finalAnswer(random.nextLong(finalCalendar + 1), finalCalendar, random.nextInt(3) > 0);
			}
			// Open clocks: due soon after receipt (overdue now) or far ahead.
			sample.firstResponseDue(random.nextBoolean() ? received.plusSeconds(3600).toString() : "2099-01-01T00:00:00Z");
			sample.finalAnswerDue(random.nextBoolean() ? received.plus(Duration.ofDays(5)).toString() : "2099-01-01T00:00:00Z");
			if (random.nextInt(5) == 0) {
				sample.returnedAt(received.plus(Duration.ofDays(1 + random.nextInt(10))).toString());
			}
			appeals.add(sample.build());
		}
		return appeals;
	}

	private static Double share(List<Appeal> clocks, Function<Appeal, Boolean> met) {
		List<Boolean> known = clocks.stream().map(met).filter(m -> m != null).toList();
		if (known.isEmpty()) {
			return null;
		}
		return (double) known.stream().filter(Boolean::booleanValue).count() / known.size();
	}

	private static Map<String, Object> durations(List<Appeal> clocks, Function<Appeal, Long> business,
			Function<Appeal, Long> calendar) {
		List<Long> b = clocks.stream().map(business).sorted(Comparator.naturalOrder()).toList();
		List<Long> c = clocks.stream().map(calendar).sorted(Comparator.naturalOrder()).toList();
		Map<String, Object> expected = new java.util.HashMap<>();
		expected.put("count", b.size());
		expected.put("medianBusinessSeconds", rank(b, 50));
		expected.put("p90BusinessSeconds", rank(b, 90));
		expected.put("medianCalendarSeconds", rank(c, 50));
		expected.put("p90CalendarSeconds", rank(c, 90));
		return expected;
	}

	/** Nearest rank: the value at 1-based rank ⌈p/100 × n⌉, written here without the main code's helper. */
	private static Integer rank(List<Long> ascending, int p) {
		if (ascending.isEmpty()) {
			return null;
		}
		// In integers: 90 % of 10 is rank 9, not ceil(9.000000000000002) = 10.
		int rank = (p * ascending.size() + 99) / 100;
		return ascending.get(Math.max(1, rank) - 1).intValue();
	}

}
