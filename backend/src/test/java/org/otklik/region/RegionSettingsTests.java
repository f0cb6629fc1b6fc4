package org.otklik.region;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** The review settings' rule and their defaults: safe unless a region says otherwise. */
class RegionSettingsTests {

	@Test
	void anInterimAnswerIsHeldBelowTheThresholdOnly() {
		RegionSettings settings = new RegionSettings(70, false);
		assertThat(settings.holdsInterim(69)).isTrue();
		assertThat(settings.holdsInterim(70)).isFalse();
		assertThat(settings.holdsInterim(100)).isFalse();
		assertThat(new RegionSettings(0, false).holdsInterim(0)).isFalse();
	}

	@Test
	void reviewingAllHoldsEveryScore() {
		assertThat(new RegionSettings(0, true).holdsInterim(100)).isTrue();
	}

	@Test
	void theDefaultsHoldWhatTheCoachWarnsAbout() {
		RegionSettings defaults = new RegionSettingsProperties(null, null).settings();
		assertThat(defaults.interimReviewBelowScore()).isEqualTo(70);
		assertThat(defaults.reviewAllInterimAnswers()).isFalse();
	}

	@Test
	void aThresholdOutsideTheScaleIsRefusedAtStartup() {
		assertThatIllegalArgumentException().isThrownBy(() -> new RegionSettingsProperties(-1, null));
		assertThatIllegalArgumentException().isThrownBy(() -> new RegionSettingsProperties(102, null));
	}

}
