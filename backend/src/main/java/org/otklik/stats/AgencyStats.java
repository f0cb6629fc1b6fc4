package org.otklik.stats;

import java.util.List;

import org.otklik.agency.Agency;

/** What a head is rated on, for one agency and period, with breakdowns and a daily trend. */
public record AgencyStats(Agency agency, ResolvedPeriod period, StatsFigures figures, List<ChannelStats> byChannel,
		List<CategoryStats> byCategory, List<MunicipalityStats> byMunicipality, List<DayStats> trend) {
}
