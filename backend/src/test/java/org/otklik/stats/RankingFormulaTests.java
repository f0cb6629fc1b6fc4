package org.otklik.stats;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.otklik.agency.Agency;
import org.otklik.agency.AgencyKind;
import org.otklik.stats.AgencyRankingEntry.UnratedReason;

import static org.assertj.core.api.Assertions.assertThat;

class RankingFormulaTests {

	static final ResolvedPeriod MARCH = ResolvedPeriod.resolve(
			StatsPeriodInput.of(StatsPeriodKind.MONTH, LocalDate.parse("2026-03-01")), LocalDate.now(),
			ZoneId.of("Asia/Magadan"));

	final StatsTally tally = new StatsTally();

	@Test
	void missingComponentsLeaveTheirWeightToTheOthers() {
		Agency slow = agency("slow", "Медленное");
		received(slow, 2);
		// Median of [16 h, 16 h] against an 8 h target: speed 0.5; both late: deadlines 0; nothing reviewed.
		first(slow).business = List.of(57_600L, 57_600L);
		first(slow).late = 2;

		AgencyRankingEntry entry = rank(slow).rated().get(0);

		assertThat(entry.speedScore()).isEqualTo(50.0);
		assertThat(entry.deadlineScore()).isEqualTo(0.0);
		assertThat(entry.qualityScore()).isNull();
		// (0.4 × 0.5 + 0.4 × 0) / 0.8 = 0.25
		assertThat(entry.score()).isEqualTo(25.0);
	}

	@Test
	void scoreCombinesSpeedDeadlinesAndReworkWithTheirWeights() {
		Agency agency = agency("a", "Ведомство");
		received(agency, 3);
		// Median of [4 h, 12 h, 20 h] = 12 h: speed 8/12 = 0.6667.
		first(agency).business = List.of(14_400L, 43_200L, 72_000L);
		first(agency).onTime = 2;
		first(agency).late = 1;
		last(agency).onTime = 1;
		last(agency).missed = 1;
		this.tally.events(agency.id()).approved = 3;
		this.tally.events(agency.id()).returnedForRework = 1;

		AgencyRankingEntry entry = rank(agency).rated().get(0);

		assertThat(entry.medianFirstResponseBusinessSeconds()).isEqualTo(43_200);
		assertThat(entry.medianFirstResponseBusiness()).isEqualTo("12 ч");
		assertThat(entry.clocksOnTime()).isEqualTo(3);
		assertThat(entry.clocksLate()).isEqualTo(1);
		assertThat(entry.missedDeadlines()).isEqualTo(1);
		assertThat(entry.deadlinesMet()).isEqualTo(0.6);
		assertThat(entry.returnedForReworkShare()).isEqualTo(0.25);
		assertThat(entry.speedScore()).isEqualTo(66.7);
		assertThat(entry.deadlineScore()).isEqualTo(60.0);
		assertThat(entry.qualityScore()).isEqualTo(75.0);
		// 100 × (0.4 × 2/3 + 0.4 × 0.6 + 0.2 × 0.75) = 26.667 + 24 + 15 = 65.667
		assertThat(entry.score()).isEqualTo(65.7);
	}

	@Test
	void equalScoresSharePlaceAndTheNextPlaceSkips() {
		Agency b = agency("b", "Б");
		Agency a = agency("a", "А");
		Agency c = agency("c", "В");
		for (Agency agency : List.of(a, b, c)) {
			received(agency, 2);
			first(agency).onTime = 1;
		}
		first(c).late = 1;

		AgencyRanking ranking = RankingFormula.rank(MARCH, List.of(b, c, a), this.tally, StatsProperties.defaults());

		assertThat(ranking.rated()).extracting(e -> e.agency().name(), AgencyRankingEntry::place, AgencyRankingEntry::score)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("А", 1, 100.0),
					org.assertj.core.groups.Tuple.tuple("Б", 1, 100.0), org.assertj.core.groups.Tuple.tuple("В", 3, 50.0));
	}

	@Test
	void fewerThanTwoAppealsOrNothingMeasuredIsListedApart() {
		Agency one = agency("one", "Одно обращение");
		Agency quiet = agency("quiet", "Без измерений");
		Agency inactive = new Agency("old", "OLD", "Упразднённое", AgencyKind.MINISTRY, List.of(), null, false);
		received(one, 1);
		first(one).onTime = 1;
		received(quiet, 2);

		AgencyRanking ranking = RankingFormula.rank(MARCH, List.of(one, quiet, inactive), this.tally,
				StatsProperties.defaults());

		assertThat(ranking.rated()).isEmpty();
		assertThat(ranking.unrated()).extracting(e -> e.agency().id(), AgencyRankingEntry::unratedReason)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("quiet", UnratedReason.NOTHING_MEASURED),
					org.assertj.core.groups.Tuple.tuple("one", UnratedReason.TOO_FEW_APPEALS));
		assertThat(ranking.unrated()).allSatisfy(e -> {
			assertThat(e.place()).isNull();
			assertThat(e.score()).isNull();
		});
		assertThat(ranking.minAppeals()).isEqualTo(2);
		assertThat(ranking.firstResponseTargetSeconds()).isEqualTo(28_800);
	}

	private AgencyRanking rank(Agency agency) {
		return RankingFormula.rank(MARCH, List.of(agency), this.tally, StatsProperties.defaults());
	}

	private void received(Agency agency, int n) {
		this.tally.bucket(new StatsTally.Bucket(null, null, null, agency.id())).received += n;
	}

	private StatsTally.Clock first(Agency agency) {
		return this.tally.firstResponse(agency.id());
	}

	private StatsTally.Clock last(Agency agency) {
		return this.tally.finalAnswer(agency.id());
	}

	private static Agency agency(String id, String name) {
		return new Agency(id, id.toUpperCase(), name, AgencyKind.MINISTRY, List.of(), null, true);
	}

}
