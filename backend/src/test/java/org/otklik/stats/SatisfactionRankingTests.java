package org.otklik.stats;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.otklik.agency.Agency;
import org.otklik.agency.AgencyKind;

import static org.assertj.core.api.Assertions.assertThat;

/** Citizens' ratings in the ranking: weight 0.25 on top of the others, from 3 ratings on. */
class SatisfactionRankingTests {

	final StatsTally tally = new StatsTally();

	final Agency agency = new Agency("a", "A", "Ведомство", AgencyKind.MINISTRY, List.of(), null, true);

	SatisfactionRankingTests() {
		this.tally.bucket(new StatsTally.Bucket(null, null, null, "a")).received += 2;
		// Deadlines 1.0, nothing else measured: without ratings the score is 100.
		this.tally.firstResponse("a").onTime = 2;
	}

	AgencyRankingEntry rank(Map<String, Satisfaction> satisfaction) {
		return RankingFormula.rank(RankingFormulaTests.MARCH, List.of(this.agency), this.tally, StatsProperties.defaults(),
				satisfaction).rated().get(0);
	}

	@Test
	void withoutRatingsTheScoreIsAsBefore() {
		AgencyRankingEntry entry = rank(Map.of());
		assertThat(entry.score()).isEqualTo(100.0);
		assertThat(entry.citizenRatings()).isZero();
		assertThat(entry.satisfactionScore()).isNull();
	}

	@Test
	void ratingsAddTheirWeight() {
		// 1 of 4 ratings is 4–5: share 0.25. (0.4 × 1 + 0.25 × 0.25) / 0.65 = 0.7115
		AgencyRankingEntry entry = rank(Map.of("a", new Satisfaction(4, 1, 10)));
		assertThat(entry.citizenRatings()).isEqualTo(4);
		assertThat(entry.satisfactionScore()).isEqualTo(25.0);
		assertThat(entry.score()).isEqualTo(71.2);
	}

	@Test
	void fewerThanThreeRatingsDoNotMoveTheScore() {
		AgencyRankingEntry entry = rank(Map.of("a", new Satisfaction(2, 0, 2)));
		assertThat(entry.citizenRatings()).isEqualTo(2);
		assertThat(entry.satisfactionScore()).isNull();
		assertThat(entry.score()).isEqualTo(100.0);
	}

	@Test
	void shareAndAverage() {
		Satisfaction satisfaction = new Satisfaction(3, 2, 11);
		assertThat(satisfaction.satisfiedShare()).isEqualTo(2.0 / 3);
		assertThat(satisfaction.averageScore()).isEqualTo(3.7);
		assertThat(Satisfaction.NONE.satisfiedShare()).isNull();
	}

}
