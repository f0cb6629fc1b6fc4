package org.otklik.routing;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.otklik.agency.Agency;
import org.otklik.agency.AgencyKind;
import org.otklik.region.Category;
import org.otklik.region.Municipality;
import org.otklik.routing.RoutingProperties.AutoAssign;

import static org.assertj.core.api.Assertions.assertThat;

class RoutingPropertiesTests {

	static RoutingSuggestion suggestion(double confidence, boolean urgent, boolean notAppeal, String agency) {
		return new RoutingSuggestion(Category.HOUSING_UTILITIES, confidence, List.of(), Municipality.OLSKY, "Ола",
				urgent, urgent ? List.of("Нет отопления") : List.of(), notAppeal, agency, List.of(), 1);
	}

	@Test
	void automaticDeliveryIsOffByDefault() {
		RoutingProperties defaults = new RoutingProperties(null, null, null, null);
		assertThat(defaults.autoAssign().enabled()).isFalse();
		assertThat(defaults.autoAssign().allows(suggestion(0.99, false, false, "OLA"))).isFalse();
		assertThat(defaults.coldMonths()).contains(1, 12).doesNotContain(7);
	}

	@Test
	void automaticDeliveryNeedsConfidenceAnAgencyAndAnAppeal() {
		AutoAssign on = new AutoAssign(true, 0.8, 0.95);
		assertThat(on.allows(suggestion(0.85, false, false, "OLA"))).isTrue();
		assertThat(on.allows(suggestion(0.75, false, false, "OLA"))).isFalse();
		assertThat(on.allows(suggestion(0.99, false, false, null))).isFalse();
		assertThat(on.allows(suggestion(0.99, false, true, "OLA"))).isFalse();
	}

	@Test
	void urgentAndUncertainStaysWithTheCurator() {
		AutoAssign on = new AutoAssign(true, 0.8, 0.95);
		assertThat(on.allows(suggestion(0.9, true, false, "OLA"))).isFalse();
		assertThat(on.allows(suggestion(0.97, true, false, "OLA"))).isTrue();
	}

	@Test
	void aCorrectionIsLabelledWithTheCategoryTheChosenAgencyAnswersFor() {
		Agency ministry = new Agency("1", "MINZDRAV", "Минздрав", AgencyKind.MINISTRY, List.of(Category.HEALTHCARE), null, true);
		Agency admin = new Agency("2", "OLA", "Администрация", AgencyKind.MUNICIPALITY,
				List.of(Category.HOUSING_UTILITIES, Category.ROADS_TRANSPORT), Municipality.OLSKY, true);
		assertThat(RoutingService.label(ministry, Category.OTHER, Category.CULTURE)).isEqualTo(Category.HEALTHCARE);
		assertThat(RoutingService.label(admin, Category.OTHER, Category.ROADS_TRANSPORT)).isEqualTo(Category.ROADS_TRANSPORT);
		assertThat(RoutingService.label(admin, Category.HOUSING_UTILITIES, Category.ROADS_TRANSPORT))
			.isEqualTo(Category.HOUSING_UTILITIES);
		assertThat(RoutingService.label(admin, Category.OTHER, Category.CULTURE)).isNull();
	}

}
