package org.otklik.appeal.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.otklik.appeal.Appeal;
import org.otklik.appeal.AppealStatus;
import org.otklik.appeal.Channel;
import org.otklik.appeal.Reach;
import org.otklik.appeal.SlaSnapshot;
import org.otklik.region.Category;
import org.otklik.sla.SlaPolicy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.otklik.appeal.internal.AppealLifecycleTests.CALCULATOR;
import static org.otklik.appeal.internal.AppealLifecycleTests.POLICIES;

/** The working time stored for the figures is measured on the clock of the appeal's own policy. */
class AppealSlaCalculatorTests {

	/** Saturday 14 March 2026, 10:00 in Magadan: no office hours until Monday. */
	static final Instant SATURDAY = Instant.parse("2026-03-13T23:00:00Z");

	@Test
	void urgentAppealsCountEveryHourAsTheirPolicyDoes() {
		SlaPolicy urgent = POLICIES.require("VK", true, "HOUSING_UTILITIES");
		Appeal appeal = respondedAfter(Duration.ofHours(30), true);

		SlaSnapshot sla = CALCULATOR.snapshot(urgent, appeal, SATURDAY.plus(Duration.ofDays(3)), List.of());

		assertThat(sla.firstResponseCalendarSeconds()).isEqualTo(30 * 3600L);
		assertThat(sla.firstResponseBusinessSeconds()).isEqualTo(30 * 3600L);
	}

	@Test
	void officeHourPoliciesCountOnlyWorkingTime() {
		SlaPolicy social = POLICIES.require("VK", false, "HOUSING_UTILITIES");
		Appeal appeal = respondedAfter(Duration.ofHours(30), false);

		SlaSnapshot sla = CALCULATOR.snapshot(social, appeal, SATURDAY.plus(Duration.ofDays(3)), List.of());

		// Received on Saturday, answered on Sunday 16:00: not one working hour has passed.
		assertThat(sla.firstResponseCalendarSeconds()).isEqualTo(30 * 3600L);
		assertThat(sla.firstResponseBusinessSeconds()).isZero();
	}

	private static Appeal respondedAfter(Duration after, boolean urgent) {
		return new Appeal("65f000000000000000000002", 3, AppealStatus.IN_PROGRESS, Channel.VK, "wall-1", null, null,
				"Нет отопления", null, null, Category.HOUSING_UTILITIES, urgent, Reach.NONE, "agency-health", null,
				List.of(), List.of(), 0, 0, SATURDAY, SATURDAY.plus(after), null, null, null, List.of(), "test", null,
				null);
	}

}
