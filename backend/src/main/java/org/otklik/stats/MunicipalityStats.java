package org.otklik.stats;

import org.otklik.region.Municipality;

/** Figures of one municipality; a null municipality collects appeals whose place is unknown. */
public record MunicipalityStats(Municipality municipality, int received, int answered, int overdueNow) {
}
