import { useMemo } from 'react'
import { Link } from 'wouter'
import { useQuery } from 'urql'
import { ErrorState, LoadingState } from '@/components/page-states'
import { AgencyDashboardDocument } from '@/gql/graphql'
import { useNow } from '@/hooks/use-now'
import { useT } from '@/lib/i18n'
import { figuresOf, rankText, TREND_DAYS } from '../hooks/dashboard-figures'
import { lastDays, periodInput, regionDate, type DashboardPeriod } from '../hooks/periods'
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
      {rank && <p className="rank">{rank}</p>}
      <dl className="figures" aria-busy={fetching || undefined}>
        {figuresOf(t, data.agencyStats).map((figure) => (
          <div key={figure.key} className="figure" data-figure={figure.key}>
            <dt>{figure.label}</dt>
            <dd>
              {figure.href ? (
                <Link href={figure.href} aria-label={`${figure.label}: ${figure.value}`}>
                  {figure.value}
                </Link>
              ) : (
                figure.value
              )}
            </dd>
          </div>
        ))}
      </dl>
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
