import { Link } from 'wouter'
import { DownloadReport } from '@/components/download-report'
import { RequireRole } from '@/components/require-role'
import { EmptyState } from '@/components/page-states'
import { useMe } from '@/features/auth'
import { useT } from '@/lib/i18n'
import { useIdentity } from '@/lib/oidc/session-context'
import { usePeriodParam } from '../hooks/use-period-param'
import { PeriodPicker } from './period-picker'
import { QualityZones } from './quality-zones'
import { RegionPanel } from './region-panel'
import { SatisfactionPanel } from './satisfaction-panel'
import { StatsPanel } from './stats-panel'
import { TopIncidents } from '@/features/incidents'

export function DashboardPage() {
  return (
    <RequireRole roles={['HEAD', 'CURATOR']}>
      <Dashboard />
    </RequireRole>
  )
}

/**
 * Figures for a period: the region's for curators (the ЦУР answers for every agency), the agency's with its
 * growth zones for heads.
 */
function Dashboard() {
  const { roles } = useIdentity()
  return roles.includes('CURATOR') ? <RegionDashboard /> : <AgencyDashboard />
}

function RegionDashboard() {
  const t = useT()
  const [period, setPeriod] = usePeriodParam()
  return (
    <section className="page">
      <h1 tabIndex={-1}>{t('region.title')}</h1>
      <PeriodPicker value={period} onChange={setPeriod} />
      <RegionPanel period={period} />
      <TopIncidents />
    </section>
  )
}

function AgencyDashboard() {
  const t = useT()
  const { me } = useMe()
  const [period, setPeriod] = usePeriodParam()
  const agencyId = me?.agency?.id
  return (
    <section className="page">
      <h1 tabIndex={-1}>{t('dashboard.title')}</h1>
      {me?.agency && <p className="muted">{me.agency.name}</p>}
      <PeriodPicker value={period} onChange={setPeriod} />
      {agencyId ? (
        <>
          <StatsPanel agencyId={agencyId} period={period} />
          <TopIncidents />
          <DownloadReport report="agency-stats" params={{ agencyId, period }} />
          <div className="link-row">
            <Link href="/dashboard/overdue" className="button">
              {t('dashboard.showOverdue')}
            </Link>
            <Link href={`/dashboard/ranking?period=${period}`} className="button">
              {t('region.ranking')}
            </Link>
          </div>
          <QualityZones agencyId={agencyId} period={period} />
          <SatisfactionPanel agencyId={agencyId} period={period} />
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
