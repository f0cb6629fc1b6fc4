package org.otklik.stats;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PercentilesTests {

	@Test
	void nearestRankPicksAnObservedValue() {
		List<Long> ten = List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L);
		// ceil(0.5 × 10) = 5, ceil(0.9 × 10) = 9: no rounding up to rank 10 from floating-point noise.
		assertThat(Percentiles.nearestRank(ten, 50)).isEqualTo(5L);
		assertThat(Percentiles.nearestRank(ten, 90)).isEqualTo(9L);
		assertThat(Percentiles.nearestRank(ten, 100)).isEqualTo(10L);
		assertThat(Percentiles.nearestRank(ten, 1)).isEqualTo(1L);
	}

	@Test
	void smallSamples() {
		assertThat(Percentiles.nearestRank(List.of(7L), 50)).isEqualTo(7L);
		assertThat(Percentiles.nearestRank(List.of(7L), 90)).isEqualTo(7L);
		// Even count: the lower middle value.
		assertThat(Percentiles.nearestRank(List.of(10L, 20L), 50)).isEqualTo(10L);
		assertThat(Percentiles.nearestRank(List.of(10L, 20L), 90)).isEqualTo(20L);
		// ceil(0.9 × 3) = 3, ceil(0.5 × 3) = 2.
		assertThat(Percentiles.nearestRank(List.of(1L, 2L, 3L), 90)).isEqualTo(3L);
		assertThat(Percentiles.nearestRank(List.of(1L, 2L, 3L), 50)).isEqualTo(2L);
	}

	@Test
	void noValuesNoPercentile() {
		assertThat(Percentiles.nearestRank(List.of(), 50)).isNull();
	}

}
