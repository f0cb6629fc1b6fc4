import { Link } from 'wouter'
import { useQuery } from 'urql'
import { ErrorState, LoadingState } from '@/components/page-states'
import { useT } from '@/lib/i18n'
import { formatDuration } from '@/lib/sla/format'
import agencyStatsQuery from '../api-pending/stats/agency-stats.graphql?raw'
import type { AgencyStatsQuery, StatsPeriod } from '../api-pending/stats/types'
import { TrendChart } from './trend-chart'

/** The agency's figures for a period (stats API announced with sla.graphqls). */
export default function StatsPanel({
  agencyId,
  period,
}: {
  agencyId: string
  period: StatsPeriod
}) {
  const t = useT()
  const [{ data, fetching, error }, reexecute] = useQuery<AgencyStatsQuery>({
    query: agencyStatsQuery,
    variables: { agencyId, period },
  })
  if (fetching && !data) return <LoadingState />
  if (error && !data)
    return <ErrorState onRetry={() => reexecute({ requestPolicy: 'network-only' })} />
  const stats = data?.agencyStats
  if (!stats) return null
  const rank = data.agencyRanking.find((entry) => entry.agency.id === agencyId)
  const figures: { key: string; label: string; value: string; href?: string }[] = [
    { key: 'received', label: t('dashboard.received'), value: String(stats.received) },
    { key: 'answered', label: t('dashboard.answered'), value: String(stats.answered) },
    {
      key: 'overdueNow',
      label: t('dashboard.overdueNow'),
      value: String(stats.overdueNow),
      href: '/dashboard/overdue',
    },
    {
      key: 'medianFirstResponse',
      label: t('dashboard.medianFirstResponse'),
      value:
        stats.medianFirstResponseSeconds === null
          ? '—'
          : formatDuration(t, stats.medianFirstResponseSeconds),
    },
    {
      key: 'withinSla',
      label: t('dashboard.withinSla'),
      value: stats.withinSlaShare === null ? '—' : `${Math.round(stats.withinSlaShare * 100)} %`,
    },
    { key: 'redirects', label: t('dashboard.redirects'), value: String(stats.redirects) },
    { key: 'returned', label: t('dashboard.returned'), value: String(stats.returnedForRework) },
  ]
  return (
    <>
      {rank && (
        <p className="rank">
          {t('dashboard.rank', { place: rank.place, total: data.agencyRanking.length })}
        </p>
      )}
      <dl className="figures">
        {figures.map((figure) => (
          <div key={figure.key} className="figure" data-figure={figure.key}>
            <dt>{figure.label}</dt>
            <dd>{figure.href ? <Link href={figure.href}>{figure.value}</Link> : figure.value}</dd>
          </div>
        ))}
      </dl>
      <TrendChart
        points={stats.trend}
        title={t('dashboard.trend')}
        labels={{ received: t('dashboard.received'), answered: t('dashboard.answered') }}
      />
    </>
  )
}
