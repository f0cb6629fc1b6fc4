import { lazy, Suspense, useState } from 'react'
import { Link } from 'wouter'
import { RequireRole } from '@/app/require-role'
import { EmptyState, LoadingState } from '@/components/page-states'
import { useMe } from '@/features/auth/hooks/use-me'
import { useT } from '@/lib/i18n'
import type { StatsPeriod } from '../api-pending/stats/types'

// Only bundled once the schema has agencyStats: the define is replaced by a literal, so the import is dropped.
const StatsPanel = __FEATURE_STATS__ ? lazy(() => import('./stats-panel')) : null
const PERIODS: StatsPeriod[] = ['TODAY', 'WEEK', 'MONTH']

export function DashboardPage() {
  return (
    <RequireRole roles={['HEAD', 'CURATOR']}>
      <Dashboard />
    </RequireRole>
  )
}

function Dashboard() {
  const t = useT()
  const { me } = useMe()
  const [period, setPeriod] = useState<StatsPeriod>('TODAY')
  const agencyId = me?.agency?.id
  return (
    <section className="page">
      <h1 tabIndex={-1}>{t('dashboard.title')}</h1>
      {me?.agency && <p className="muted">{me.agency.name}</p>}
      <div className="filters" role="group" aria-label={t('dashboard.period')}>
        {PERIODS.map((value) => (
          <button
            key={value}
            type="button"
            className="filter"
            aria-pressed={period === value}
            onClick={() => setPeriod(value)}
          >
            {t(`dashboard.period.${value}`)}
          </button>
        ))}
      </div>
      {StatsPanel && agencyId ? (
        <Suspense fallback={<LoadingState />}>
          <StatsPanel agencyId={agencyId} period={period} />
        </Suspense>
      ) : (
        <EmptyState text={t('dashboard.unavailable')} />
      )}
      <Link href="/dashboard/overdue" className="button button--wide">
        {t('dashboard.showOverdue')}
      </Link>
    </section>
  )
}
