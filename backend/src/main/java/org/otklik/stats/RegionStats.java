package org.otklik.stats;

import java.util.List;

/** The region's figures for a period, for the ЦУР: the same as an agency's, plus a breakdown by agency. */
public record RegionStats(ResolvedPeriod period, StatsFigures figures, List<ChannelStats> byChannel,
		List<CategoryStats> byCategory, List<MunicipalityStats> byMunicipality, List<AgencyBreakdownStats> byAgency,
		List<DayStats> trend) {
}
