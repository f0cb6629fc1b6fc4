// Hand-written until the stats schema ships (see ../README.md); replace with generated types then.
export type StatsPeriod = 'TODAY' | 'WEEK' | 'MONTH'

export interface TrendPoint {
  date: string
  received: number
  answered: number
}

export interface AgencyStats {
  received: number
  answered: number
  overdueNow: number
  medianFirstResponseSeconds: number | null
  /** 0..1 */
  withinSlaShare: number | null
  redirects: number
  returnedForRework: number
  trend: TrendPoint[]
}

export interface AgencyRank {
  place: number
  agency: { id: string; name: string }
}

export interface AgencyStatsQuery {
  agencyStats: AgencyStats | null
  agencyRanking: AgencyRank[]
}
