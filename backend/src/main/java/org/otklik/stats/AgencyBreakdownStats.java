package org.otklik.stats;

import org.otklik.agency.Agency;

/** Figures of one agency in the region's breakdown; a null agency collects appeals not yet routed. */
public record AgencyBreakdownStats(Agency agency, int received, int answered, int overdueNow) {
}
