package org.otklik.quality;

/**
 * A coarse reading-ease band of the Flesch index adapted to Russian (Oborneva's coefficients), so
 * that the UI can show a word instead of a number.
 */
public enum ReadabilityLevel {

	/** Index 60 and above: a school pupil reads it easily. */
	EASY,
	/** Index 40–60: ordinary newspaper prose. */
	MEDIUM,
	/** Index 20–40: needs effort; typical of official letters. */
	HARD,
	/** Below 20: legal or bureaucratic text most residents will not follow. */
	VERY_HARD;

	/** The band of a reading-ease index. */
	public static ReadabilityLevel of(double fleschIndex) {
		if (fleschIndex >= 60) {
			return EASY;
		}
		if (fleschIndex >= 40) {
			return MEDIUM;
		}
		if (fleschIndex >= 20) {
			return HARD;
		}
		return VERY_HARD;
	}

}
