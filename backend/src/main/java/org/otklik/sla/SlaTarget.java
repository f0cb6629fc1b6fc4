package org.otklik.sla;

import java.util.Objects;

/**
 * A deadline term such as "8 business hours" or "30 calendar days", kept as data in policies.
 *
 * @param amount how many units, at least 1
 * @param unit the unit
 */
public record SlaTarget(int amount, SlaTimeUnit unit) {

	public SlaTarget {
		Objects.requireNonNull(unit, "unit");
		if (amount < 1) {
			throw new IllegalArgumentException("An SLA target must be at least 1, got " + amount);
		}
	}

	public static SlaTarget of(int amount, SlaTimeUnit unit) {
		return new SlaTarget(amount, unit);
	}

	/** Russian label for people, for example «8 рабочих часов» or «30 календарных дней». */
	public String label() {
		return SlaFormat.target(this);
	}

}
