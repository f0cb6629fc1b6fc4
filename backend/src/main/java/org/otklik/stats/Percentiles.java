package org.otklik.stats;

import java.util.List;

/**
 * Nearest-rank percentiles: the p-th percentile of n ascending values is the value at 1-based rank
 * {@code ceil(p / 100 × n)}. It is always a value that occurred (no interpolation), so «half the appeals
 * got a first response within the median» holds literally; for an even n the median is the lower middle.
 */
final class Percentiles {

	private Percentiles() {
	}

	/** The p-th percentile ({@code 0 < p <= 100}) of values sorted ascending; null when there are none. */
	static Long nearestRank(List<Long> ascending, int p) {
		if (p <= 0 || p > 100) {
			throw new IllegalArgumentException("Percentile must be in (0, 100]: " + p);
		}
		if (ascending.isEmpty()) {
			return null;
		}
		// ceil(p * n / 100) in integers, so that 90 % of 10 is rank 9 exactly, not 9.000000000000002 → 10.
		int rank = (p * ascending.size() + 99) / 100;
		return ascending.get(Math.max(rank, 1) - 1);
	}

}
