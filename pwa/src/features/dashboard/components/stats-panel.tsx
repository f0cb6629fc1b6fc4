import { useMemo } from 'react'
import { useQuery } from 'urql'
import { ErrorState, LoadingState } from '@/components/page-states'
import { AgencyDashboardDocument } from '@/gql/graphql'
import { useNow } from '@/hooks/use-now'
import { useT } from '@/lib/i18n'
import { figureLinks, figuresOf, rankText, TREND_DAYS } from '../hooks/dashboard-figures'
import { lastDays, periodInput, regionDate, type DashboardPeriod } from '../hooks/periods'
import { FigureGrid } from './figure-grid'
import { PeriodCaption } from './period-picker'
import { TrendChart } from './trend-chart'

/** The agency's figures for a period, its place in the ranking and the last two weeks' trend. */
export function StatsPanel({ agencyId, period }: { agencyId: string; period: DashboardPeriod }) {
  const t = useT()
  // The trend window moves on at the region's midnight.
  const today = regionDate(useNow(600_000))
  const variables = useMemo(
    () => ({ agencyId, period: periodInput(period), trendPeriod: lastDays(today, TREND_DAYS) }),
    [agencyId, period, today],
  )
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: AgencyDashboardDocument,
    variables,
  })
  if (fetching && !data) return <LoadingState />
  if (error && !data)
    return <ErrorState onRetry={() => reexecute({ requestPolicy: 'network-only' })} />
  if (!data) return null
  const rank = rankText(t, data.agencyRanking, agencyId)
  return (
    <>
      <PeriodCaption period={data.agencyStats.period} />
      {rank && <p className="rank">{rank}</p>}
      <FigureGrid
        figures={figuresOf(t, data.agencyStats, figureLinks(data.agencyStats.period, agencyId))}
        busy={fetching}
      />
      <TrendChart
        points={data.trendStats.trend}
        title={t('dashboard.trend', { days: TREND_DAYS })}
        labels={{
          date: t('dashboard.date'),
          received: t('dashboard.received'),
          answered: t('dashboard.answered'),
        }}
      />
    </>
  )
}
