import { useState } from 'react'
import { Link } from 'wouter'
import { DownloadReport } from '@/components/download-report'
import { RequireRole } from '@/components/require-role'
import { EmptyState } from '@/components/page-states'
import { useMe } from '@/features/auth'
import { useT } from '@/lib/i18n'
import { DASHBOARD_PERIODS, type DashboardPeriod } from '../hooks/periods'
import { QualityZones } from './quality-zones'
import { StatsPanel } from './stats-panel'

export function DashboardPage() {
  return (
    <RequireRole roles={['HEAD', 'CURATOR']}>
      <Dashboard />
    </RequireRole>
  )
}

/** The head's figures: the agency's stats for today, the week or the month, and its growth zones. */
function Dashboard() {
  const t = useT()
  const { me } = useMe()
  const [period, setPeriod] = useState<DashboardPeriod>('DAY')
  const agencyId = me?.agency?.id
  return (
    <section className="page">
      <h1 tabIndex={-1}>{t('dashboard.title')}</h1>
      {me?.agency && <p className="muted">{me.agency.name}</p>}
      <div className="filters" role="group" aria-label={t('dashboard.period')}>
        {DASHBOARD_PERIODS.map((value) => (
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
      {agencyId ? (
        <>
          <StatsPanel agencyId={agencyId} period={period} />
          <DownloadReport report="agency-stats" params={{ agencyId, period }} />
          <Link href="/dashboard/overdue" className="button button--wide">
            {t('dashboard.showOverdue')}
          </Link>
          <QualityZones agencyId={agencyId} period={period} />
        </>
      ) : (
        <EmptyState text={t('dashboard.noAgency')} />
      )}
      {me?.roles.includes('CURATOR') && (
        <DownloadReport report="region-stats" params={{ period }} label="report.regionStats" />
      )}
      <DownloadReport report="agency-ranking" params={{ period }} label="report.ranking" />
    </section>
  )
}
