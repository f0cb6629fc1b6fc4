package org.otklik.stats;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.otklik.agency.Agency;
import org.otklik.agency.AgencyKind;
import org.otklik.appeal.Appeal;
import org.otklik.appeal.AppealStatus;
import org.otklik.appeal.Channel;
import org.otklik.region.Category;
import org.otklik.region.Municipality;
import org.otklik.support.IntegrationTestSupport;
import reactor.core.publisher.Flux;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.otklik.stats.AppealSamples.appeal;

/**
 * Figures, ranking and access on a fixed fixture in March 2026, far from «now», so appeals other tests ingest
 * (received now) stay out of every period asserted here. «Open now» and «overdue now» ignore the period, so
 * they are asserted for this class's own agencies only. Every expected number is worked out in the comments.
 */
class StatsIntegrationTests extends IntegrationTestSupport {

	static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() {
	};

	static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() {
	};

	static final Map<String, Object> MARCH = Map.of("kind", "MONTH", "date", "2026-03-15");

	static final String FIGURES = """
			fragment Durations on DurationStats {
			  count medianBusinessSeconds p90BusinessSeconds medianCalendarSeconds p90CalendarSeconds
			  medianBusiness p90Business medianCalendar p90Calendar
			}
			fragment Figures on StatsFigures {
			  received answered open overdueNow firstResponseWithinSla finalAnswerWithinSla
			  redirects returnedForRework rejected
			  firstResponse { ...Durations }
			  finalAnswer { ...Durations }
			}
			""";

	static final String AGENCY_STATS = """
			query AgencyStats($agencyId: ID!, $period: StatsPeriodInput!) {
			  agencyStats(agencyId: $agencyId, period: $period) {
			    agency { code }
			    period { kind fromDate toDate from to timeZone days }
			    figures { ...Figures }
			    byChannel { channel received answered overdueNow }
			    byCategory { category received answered overdueNow }
			    byMunicipality { municipality received answered overdueNow }
			    trend { date received answered }
			  }
			}
			""" + FIGURES;

	static final String REGION_STATS = """
			query RegionStats($period: StatsPeriodInput!) {
			  regionStats(period: $period) {
			    period { fromDate toDate days }
			    figures { ...Figures }
			    byAgency { agency { code } received answered overdueNow }
			    trend { date received answered }
			  }
			}
			""" + FIGURES;

	static final String RANKING = """
			query AgencyRanking($period: StatsPeriodInput!) {
			  agencyRanking(period: $period) {
			    firstResponseTargetSeconds minAppeals
			    rated { agency { code } place score unratedReason received medianFirstResponseBusinessSeconds
			            clocksOnTime clocksLate missedDeadlines deadlinesMet returnedForRework reviewedAnswers
			            returnedForReworkShare speedScore deadlineScore qualityScore }
			    unrated { agency { code } place score unratedReason received }
			  }
			}
			""";

	static final String A = "STATS_A";

	static final String B = "STATS_B";

	static final String C = "STATS_C";

	static final String D = "STATS_D";

	static final String E = "STATS_E";

	private static boolean fixtureSaved;

	@BeforeEach
	void fixture() {
		String a = statsAgency(A, "Статистика А");
		String b = statsAgency(B, "Статистика Б");
		String c = statsAgency(C, "Статистика В");
		String d = statsAgency(D, "Статистика Г");
		String e = statsAgency(E, "Статистика Д");
		synchronized (StatsIntegrationTests.class) {
			if (fixtureSaved) {
				return;
			}
			List<Appeal> appeals = List.of(
					// A1: local 2 March; first response after 25 h (600 s of working time), on time; approved on 3 March local.
					appeal("stats-a1", "2026-03-02T00:00:00Z").agency(a).status(AppealStatus.ANSWERED).channel(Channel.VK)
						.category(Category.HOUSING_UTILITIES).municipality(Municipality.MAGADAN)
						.firstResponse(600, 90_000, true).finalAnswer(10_000, 100_000, true).build(),
					// A2: 23:30 on 8 March local; returned once; approved 19:26Z = 06:26 on 9 March local.
					appeal("stats-a2", "2026-03-08T12:30:00Z").agency(a).status(AppealStatus.ANSWERED)
						.channel(Channel.TELEGRAM).category(Category.HOUSING_UTILITIES).municipality(Municipality.MAGADAN)
						.firstResponse(1_800, 1_800, true).returnedAt("2026-03-08T16:00:00Z")
						.finalAnswer(20_000, 25_000, true).build(),
					// A3: 14:30Z on 8 March is 01:30 on 9 March local; final answer late, approved 18:10 on 9 March local.
					// Its final-answer deadline passed, but it is answered, so it is not overdue.
					appeal("stats-a3", "2026-03-08T14:30:00Z").agency(a).status(AppealStatus.ANSWERED).channel(Channel.VK)
						.category(Category.ROADS_TRANSPORT).municipality(Municipality.TENKINSKY)
						.firstResponse(3_600, 4_000, true).finalAnswer(50_000, 60_000, false)
						.finalAnswerDue("2026-03-09T00:00:00Z").build(),
					// A4: open, final answer due 20 March and not given: overdue now, and a missed deadline in March.
					appeal("stats-a4", "2026-03-10T00:00:00Z").agency(a).status(AppealStatus.IN_PROGRESS)
						.channel(Channel.GOSUSLUGI).category(Category.HOUSING_UTILITIES)
						.firstResponse(7_200, 7_200, true).finalAnswerDue("2026-03-20T00:00:00Z").build(),
					// A5: open, first response late; its answer was returned on 18 March and waits for review again.
					appeal("stats-a5", "2026-03-15T00:00:00Z").agency(a).status(AppealStatus.ON_REVIEW).channel(Channel.VK)
						.category(Category.OTHER).municipality(Municipality.OLSKY)
						.firstResponse(36_000, 200_000, false).returnedAt("2026-03-18T00:00:00Z").build(),
					// A6: 23:59:59 on 31 March local, the last second of the month; no response, due 1 April: overdue
					// now, but not a deadline missed in March.
					appeal("stats-a6", "2026-03-31T12:59:59Z").agency(a).status(AppealStatus.ASSIGNED).channel(Channel.VK)
						.category(Category.HOUSING_UTILITIES).municipality(Municipality.MAGADAN)
						.firstResponseDue("2026-04-01T00:00:00Z").build(),
					// A7: 00:30 on 1 March local, inside March; an old document without SLA facts: counted as
					// received and open, never in times, shares or overdue.
					appeal("stats-a7", "2026-02-28T13:30:00Z").agency(a).status(AppealStatus.IN_PROGRESS)
						.channel(Channel.TELEGRAM).category(Category.HOUSING_UTILITIES).municipality(Municipality.MAGADAN)
						.withoutSla().respondedAt("2026-03-01T00:00:00Z").build(),
					// A8: 23:30 on 28 February local, responded, returned and approved the same evening: outside March.
					appeal("stats-a8", "2026-02-28T12:30:00Z").agency(a).status(AppealStatus.CLOSED).channel(Channel.VK)
						.category(Category.HOUSING_UTILITIES).municipality(Municipality.MAGADAN)
						.firstResponse(1, 600, true).returnedAt("2026-02-28T12:45:00Z").finalAnswer(5, 1_200, true)
						.build(),
					// A9: received in April; open now, due in 2099.
					appeal("stats-a9", "2026-04-01T00:00:00Z").agency(a).status(AppealStatus.ASSIGNED).channel(Channel.VK)
						.category(Category.HOUSING_UTILITIES).municipality(Municipality.MAGADAN).build(),
					appeal("stats-b1", "2026-03-03T00:00:00Z").agency(b).status(AppealStatus.ANSWERED).channel(Channel.OK)
						.category(Category.ENERGY).municipality(Municipality.SUSUMANSKY)
						.firstResponse(900, 900, true).finalAnswer(3_600, 3_600, true).build(),
					appeal("stats-b2", "2026-03-04T00:00:00Z").agency(b).status(AppealStatus.ANSWERED).channel(Channel.OK)
						.category(Category.ENERGY).municipality(Municipality.SUSUMANSKY)
						.firstResponse(1_200, 1_200, true).finalAnswer(7_200, 7_200, true).build(),
					// B3: redirected from A to B on 5 March: B's appeal now, A's redirect.
					appeal("stats-b3", "2026-03-04T12:00:00Z").agency(b).status(AppealStatus.ASSIGNED).channel(Channel.VK)
						.category(Category.ENERGY).municipality(Municipality.MAGADAN)
						.redirectedAt("2026-03-05T00:00:00Z", a, b).build(),
					appeal("stats-c1", "2026-03-06T00:00:00Z").agency(c).status(AppealStatus.ANSWERED)
						.municipality(Municipality.MAGADAN).firstResponse(300, 300, true).finalAnswer(1_000, 1_000, true)
						.build(),
					appeal("stats-d1", "2026-03-20T00:00:00Z").agency(d).status(AppealStatus.ASSIGNED).build(),
					appeal("stats-d2", "2026-03-21T00:00:00Z").agency(d).status(AppealStatus.ASSIGNED).build(),
					appeal("stats-e1", "2026-03-11T00:00:00Z").agency(e).status(AppealStatus.IN_PROGRESS)
						.firstResponse(57_600, 100_000, false).build(),
					appeal("stats-e2", "2026-03-12T00:00:00Z").agency(e).status(AppealStatus.IN_PROGRESS)
						.firstResponse(57_600, 100_000, false).build(),
					// R1: rejected in moderation, never routed.
					appeal("stats-r1", "2026-03-03T00:00:00Z").rejectedAt("2026-03-03T01:00:00Z").build());
			Flux.fromIterable(appeals).concatMap(this.mongo::save).then().block(Duration.ofSeconds(30));
			fixtureSaved = true;
		}
	}

	@Test
	void agencyFiguresForAMonth() {
		Map<String, Object> stats = agencyStats(curator(), A, MARCH);

		assertThat(stats.get("period")).isEqualTo(Map.of("kind", "MONTH", "fromDate", "2026-03-01", "toDate", "2026-03-31",
				"from", "2026-02-28T13:00:00Z", "to", "2026-03-31T13:00:00Z", "timeZone", "Asia/Magadan", "days", 31));
		Map<String, Object> figures = map(stats, "figures");
		// Received in March local: A1–A7 (A7 at 00:30 on 1 March, A6 at 23:59:59 on 31 March); not A8, A9, B3.
		assertThat(figures.get("received")).isEqualTo(7);
		// Approved in March: A1, A2, A3 (A8 on 28 February local).
		assertThat(figures.get("answered")).isEqualTo(3);
		// Open now whatever the period: A4, A5, A6, A7, A9.
		assertThat(figures.get("open")).isEqualTo(5);
		// A4 (final answer due 20 March, none) and A6 (first response due 1 April, none). Not A3 (answered),
		// A7 (no SLA facts), A5 and A9 (due in 2099).
		assertThat(figures.get("overdueNow")).isEqualTo(2);
		// A3 → B3 on 5 March counts against A, the agency the appeal left.
		assertThat(figures.get("redirects")).isEqualTo(1);
		// A2 on 8 March and A5 on 18 March; A8's return on 28 February local is outside.
		assertThat(figures.get("returnedForRework")).isEqualTo(2);
		assertThat(figures.get("rejected")).isEqualTo(0);
		// First responses in March with SLA facts: A1..A5 (not A7: no facts; not A8: February). Met: A1–A4 on time, A5 late.
		assertThat(figures.get("firstResponseWithinSla")).isEqualTo(0.8);
		// Final answers: A1, A2 on time, A3 late.
		assertThat((Double) figures.get("finalAnswerWithinSla")).isCloseTo(2.0 / 3, org.assertj.core.data.Offset.offset(1e-9));

		// Working seconds ascending: 600, 1800, 3600, 7200, 36000 → nearest rank ⌈2.5⌉ = 3 and ⌈4.5⌉ = 5.
		// Calendar seconds ascending (a different order): 1800, 4000, 7200, 90000, 200000.
		assertThat(map(figures, "firstResponse")).isEqualTo(durations(5, 3_600, 36_000, 7_200, 200_000, "1 ч", "10 ч",
				"2 ч", "2 д 7 ч"));
		// Working: 10000, 20000, 50000 → ranks ⌈1.5⌉ = 2 and ⌈2.7⌉ = 3; calendar: 25000, 60000, 100000.
		assertThat(map(figures, "finalAnswer")).isEqualTo(durations(3, 20_000, 50_000, 60_000, 100_000, "5 ч 33 мин",
				"13 ч 53 мин", "16 ч 40 мин", "1 д 3 ч"));

		// Every channel in schema order; VK: A1, A3, A5, A6 received, A1, A3 answered, A6 overdue.
		assertThat(list(stats, "byChannel")).extracting(r -> r.get("channel"), r -> r.get("received"), r -> r.get("answered"),
				r -> r.get("overdueNow"))
			.containsExactly(tuple("VK", 4, 2, 1), tuple("TELEGRAM", 2, 1, 0), tuple("OK", 0, 0, 0), tuple("MAX", 0, 0, 0),
					tuple("GOSUSLUGI", 1, 0, 1), tuple("EMAIL", 0, 0, 0), tuple("PHONE", 0, 0, 0), tuple("OTHER", 0, 0, 0));
		assertThat(list(stats, "byCategory")).filteredOn(r -> !Integer.valueOf(0).equals(r.get("received")))
			.extracting(r -> r.get("category"), r -> r.get("received"), r -> r.get("answered"), r -> r.get("overdueNow"))
			.containsExactly(tuple("HOUSING_UTILITIES", 5, 2, 2), tuple("ROADS_TRANSPORT", 1, 1, 0), tuple("OTHER", 1, 0, 0));
		// A4 has no municipality: it comes last, under null.
		List<Map<String, Object>> municipalities = list(stats, "byMunicipality");
		assertThat(municipalities).hasSize(10);
		assertThat(municipalities).filteredOn(r -> !Integer.valueOf(0).equals(r.get("received")))
			.extracting(r -> r.get("municipality"), r -> r.get("received"), r -> r.get("answered"), r -> r.get("overdueNow"))
			.containsExactly(tuple("MAGADAN", 4, 2, 1), tuple("OLSKY", 1, 0, 0), tuple("TENKINSKY", 1, 1, 0),
					tuple(null, 1, 0, 1));
	}

	@Test
	void trendCountsLocalDaysAcrossMagadanMidnight() {
		List<Map<String, Object>> trend = list(agencyStats(curator(), A, MARCH), "trend");

		assertThat(trend).hasSize(31);
		assertThat(trend.get(0).get("date")).isEqualTo("2026-03-01");
		assertThat(trend.get(30).get("date")).isEqualTo("2026-03-31");
		// A2 at 12:30Z on 8 March is 23:30 local the same day; A3 at 14:30Z is already 9 March local, and both
		// answers were approved on 9 March local (06:26 and 18:10).
		assertThat(trend).filteredOn(d -> !Integer.valueOf(0).equals(d.get("received")) || !Integer.valueOf(0).equals(d.get("answered")))
			.extracting(d -> d.get("date"), d -> d.get("received"), d -> d.get("answered"))
			.containsExactly(tuple("2026-03-01", 1, 0), tuple("2026-03-02", 1, 0), tuple("2026-03-03", 0, 1),
					tuple("2026-03-08", 1, 0), tuple("2026-03-09", 1, 2), tuple("2026-03-10", 1, 0),
					tuple("2026-03-15", 1, 0), tuple("2026-03-31", 1, 0));

		Map<String, Object> ninth = map(agencyStats(curator(), A, Map.of("kind", "DAY", "date", "2026-03-09")), "figures");
		assertThat(ninth.get("received")).isEqualTo(1);
		assertThat(ninth.get("answered")).isEqualTo(2);
		Map<String, Object> eighth = map(agencyStats(curator(), A, Map.of("kind", "DAY", "date", "2026-03-08")), "figures");
		assertThat(eighth.get("received")).isEqualTo(1);
		assertThat(eighth.get("answered")).isEqualTo(0);
	}

	@Test
	void customPeriodIncludesBothDates() {
		Map<String, Object> stats = agencyStats(curator(), A,
				Map.of("kind", "CUSTOM", "from", "2026-03-01", "to", "2026-03-02"));

		assertThat(map(stats, "period")).containsEntry("from", "2026-02-28T13:00:00Z")
			.containsEntry("to", "2026-03-02T13:00:00Z")
			.containsEntry("days", 2);
		// A7 (00:30 on 1 March local) and A1 (2 March); A8 (23:30 on 28 February local) is out.
		assertThat(map(stats, "figures").get("received")).isEqualTo(2);
		assertThat(list(stats, "trend")).extracting(d -> d.get("date"), d -> d.get("received"))
			.containsExactly(tuple("2026-03-01", 1), tuple("2026-03-02", 1));
	}

	@Test
	void regionFiguresForAMonth() {
		Map<String, Object> stats = curator().document(REGION_STATS).variable("period", MARCH).execute()
			.path("regionStats").entity(MAP).get();
		Map<String, Object> figures = map(stats, "figures");
		// A1–A7, B1–B3, C1, D1, D2, E1, E2, R1.
		assertThat(figures.get("received")).isEqualTo(16);
		// A1, A2, A3, B1, B2, C1.
		assertThat(figures.get("answered")).isEqualTo(6);
		assertThat(figures.get("redirects")).isEqualTo(1);
		assertThat(figures.get("returnedForRework")).isEqualTo(2);
		assertThat(figures.get("rejected")).isEqualTo(1);
		// First responses (working): 300, 600, 900, 1200, 1800, 3600, 7200, 36000, 57600, 57600 → ranks 5 and 9.
		Map<String, Object> first = map(figures, "firstResponse");
		assertThat(first).containsEntry("count", 10)
			.containsEntry("medianBusinessSeconds", 1_800)
			.containsEntry("p90BusinessSeconds", 57_600);
		// On time: A1–A4, B1, B2, C1; late: A5, E1, E2.
		assertThat(figures.get("firstResponseWithinSla")).isEqualTo(0.7);
		// Final answers (working): 1000, 3600, 7200, 10000, 20000, 50000 → ranks 3 and ⌈5.4⌉ = 6.
		assertThat(map(figures, "finalAnswer")).containsEntry("count", 6)
			.containsEntry("medianBusinessSeconds", 7_200)
			.containsEntry("p90BusinessSeconds", 50_000);
		assertThat((Double) figures.get("finalAnswerWithinSla")).isCloseTo(5.0 / 6, org.assertj.core.data.Offset.offset(1e-9));

		// Most received first, equal counts by name (Г before Д); the never-routed R1 last, without an agency.
		List<Map<String, Object>> byAgency = list(stats, "byAgency");
		assertThat(byAgency).filteredOn(r -> r.get("agency") == null || code(r).startsWith("STATS_"))
			.extracting(r -> (r.get("agency") != null) ? code(r) : null, r -> r.get("received"), r -> r.get("answered"))
			.containsExactly(tuple(A, 7, 3), tuple(B, 3, 2), tuple(D, 2, 0), tuple(E, 2, 0), tuple(C, 1, 1),
					tuple(null, 1, 0));
		assertThat(byAgency.get(byAgency.size() - 1).get("agency")).isNull();

		List<Map<String, Object>> trend = list(stats, "trend");
		assertThat(trend).extracting(d -> (Integer) d.get("received")).containsOnly(0, 1, 2)
			.satisfies(counts -> assertThat(counts.stream().mapToInt(Integer::intValue).sum()).isEqualTo(16));
		// 3 March local: B1 and R1 received; A1 and B1 answered. 4 March: B2, B3 received; B2 answered.
		assertThat(trend).filteredOn(d -> List.of("2026-03-03", "2026-03-04", "2026-03-09").contains(d.get("date")))
			.extracting(d -> d.get("date"), d -> d.get("received"), d -> d.get("answered"))
			.containsExactly(tuple("2026-03-03", 2, 2), tuple("2026-03-04", 2, 1), tuple("2026-03-09", 1, 2));
	}

	@Test
	void rankingOrdersByScoreAndListsSmallAgenciesApart() {
		Map<String, Object> ranking = head(C).document(RANKING).variable("period", MARCH).execute()
			.path("agencyRanking").entity(MAP).get();

		assertThat(ranking).containsEntry("firstResponseTargetSeconds", 28_800).containsEntry("minAppeals", 2);
		// B: median first response 900 s ≤ 8 h → 100; 4 of 4 clocks on time → 100; 2 approved, none returned → 100.
		// A: median 3600 s → 100; on time 4 + 2, late 1 + 1, missed 1 (A4's final answer due 20 March) → 6/9;
		// 2 returned of 5 reviewed (A1–A3 approved) → 1 − 0.4. Score 40 + 26.67 + 12 = 78.7.
		// E: median 57600 s = 16 h → 8/16 = 50; 0 of 2 on time → 0; nothing reviewed, so its 0.2 goes to the
		// others: (0.4 × 0.5 + 0.4 × 0) / 0.8 = 25.
		List<Map<String, Object>> rated = list(ranking, "rated");
		assertThat(rated).filteredOn(r -> code(r).startsWith("STATS_"))
			.extracting(StatsIntegrationTests::code, r -> r.get("place"), r -> r.get("score"))
			.containsExactly(tuple(B, 1, 100.0), tuple(A, 2, 78.7), tuple(E, 3, 25.0));
		Map<String, Object> a = rated.stream().filter(r -> A.equals(code(r))).findFirst().orElseThrow();
		assertThat(a).containsEntry("received", 7)
			.containsEntry("medianFirstResponseBusinessSeconds", 3_600)
			.containsEntry("clocksOnTime", 6)
			.containsEntry("clocksLate", 2)
			.containsEntry("missedDeadlines", 1)
			.containsEntry("returnedForRework", 2)
			.containsEntry("reviewedAnswers", 5)
			.containsEntry("returnedForReworkShare", 0.4)
			.containsEntry("speedScore", 100.0)
			.containsEntry("deadlineScore", 66.7)
			.containsEntry("qualityScore", 60.0);
		// C received one appeal; D two, but nothing was met, missed or reviewed yet.
		assertThat(list(ranking, "unrated")).filteredOn(r -> code(r).startsWith("STATS_"))
			.extracting(StatsIntegrationTests::code, r -> r.get("unratedReason"), r -> r.get("received"),
					r -> r.get("place"), r -> r.get("score"))
			.containsExactly(tuple(C, "TOO_FEW_APPEALS", 1, null, null), tuple(D, "NOTHING_MEASURED", 2, null, null));
	}

	@Test
	void headsAndExecutorsSeeTheirOwnAgency() {
		assertThat(map(agencyStats(head(A), A, MARCH), "figures").get("received")).isEqualTo(7);
		assertThat(map(agencyStats(executor(B), B, MARCH), "figures").get("received")).isEqualTo(3);
		assertThat(executor(D).document(RANKING).variable("period", MARCH).execute().path("agencyRanking.rated")
			.entity(LIST).get()).isNotEmpty();
	}

	@Test
	void headOfAnotherAgencyIsForbidden() {
		assertError(head(B).document(AGENCY_STATS).variable("agencyId", id(A)).variable("period", MARCH), "FORBIDDEN");
		assertError(executor(B).document(AGENCY_STATS).variable("agencyId", id(A)).variable("period", MARCH), "FORBIDDEN");
		// A head whose agency code is unknown sees nothing rather than everything.
		assertError(as(this.tokens.head("STATS_UNKNOWN")).document(AGENCY_STATS).variable("agencyId", id(A))
			.variable("period", MARCH), "FORBIDDEN");
	}

	@Test
	void onlyCuratorsSeeTheRegion() {
		assertError(head(A).document(REGION_STATS).variable("period", MARCH), "FORBIDDEN");
		assertError(executor(A).document(REGION_STATS).variable("period", MARCH), "FORBIDDEN");
	}

	@Test
	void integratorsSeeNoFigures() {
		assertError(integrator().document(AGENCY_STATS).variable("agencyId", id(A)).variable("period", MARCH), "FORBIDDEN");
		assertError(integrator().document(REGION_STATS).variable("period", MARCH), "FORBIDDEN");
		assertError(integrator().document(RANKING).variable("period", MARCH), "FORBIDDEN");
	}

	@Test
	void malformedPeriodsAndUnknownAgenciesAreInvalidArguments() {
		assertError(curator().document(REGION_STATS)
			.variable("period", Map.of("kind", "CUSTOM", "from", "2026-01-01", "to", "2027-01-02")), "INVALID_ARGUMENT");
		assertError(curator().document(RANKING).variable("period", Map.of("kind", "CUSTOM", "from", "2026-03-01")),
				"INVALID_ARGUMENT");
		assertError(curator().document(AGENCY_STATS).variable("agencyId", "no-such-agency").variable("period", MARCH),
				"INVALID_ARGUMENT");
	}

	// ---------------------------------------------------------------- helpers

	private String statsAgency(String code, String name) {
		return agency(code, name, AgencyKind.MINISTRY, List.of(Category.OTHER), null).id();
	}

	private String id(String code) {
		Agency agency = agency(code);
		return agency.id();
	}

	private Map<String, Object> agencyStats(HttpGraphQlTester tester, String code, Map<String, Object> period) {
		Map<String, Object> stats = tester.document(AGENCY_STATS)
			.variable("agencyId", id(code))
			.variable("period", period)
			.execute()
			.path("agencyStats")
			.entity(MAP)
			.get();
		assertThat(map(stats, "agency")).containsEntry("code", code);
		return stats;
	}

	private static void assertError(GraphQlTester.Request<?> request, String detail) {
		request.execute().errors().satisfy(errors -> {
			assertThat(errors).isNotEmpty();
			assertThat(errors).allSatisfy(e -> assertThat(e.getExtensions()).containsEntry("errorDetail", detail));
		});
	}

	private static Map<String, Object> durations(int count, int medianBusiness, int p90Business, int medianCalendar,
			int p90Calendar, String... texts) {
		Map<String, Object> expected = new HashMap<>();
		expected.put("count", count);
		expected.put("medianBusinessSeconds", medianBusiness);
		expected.put("p90BusinessSeconds", p90Business);
		expected.put("medianCalendarSeconds", medianCalendar);
		expected.put("p90CalendarSeconds", p90Calendar);
		expected.put("medianBusiness", texts[0]);
		expected.put("p90Business", texts[1]);
		expected.put("medianCalendar", texts[2]);
		expected.put("p90Calendar", texts[3]);
		return expected;
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> map(Map<String, Object> parent, String key) {
		return (Map<String, Object>) parent.get(key);
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> list(Map<String, Object> parent, String key) {
		return (List<Map<String, Object>>) parent.get(key);
	}

	@SuppressWarnings("unchecked")
	private static String code(Map<String, Object> row) {
		return (String) ((Map<String, Object>) row.get("agency")).get("code");
	}

}
