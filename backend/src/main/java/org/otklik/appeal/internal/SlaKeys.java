package org.otklik.appeal.internal;

import org.otklik.sla.SlaClockKind;
import org.otklik.sla.SlaState;

/** How announced SLA thresholds are stored on an appeal: {@code CLOCK:STATE}, e.g. {@code FIRST_RESPONSE:AT_RISK}. */
final class SlaKeys {

	private SlaKeys() {
	}

	static String key(SlaClockKind clock, SlaState state) {
		return clock.name() + ":" + state.name();
	}

}
