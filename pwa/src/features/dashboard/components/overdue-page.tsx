import { useQuery } from 'urql'
import { Link } from 'wouter'
import { RequireRole } from '@/components/require-role'
import { EmptyState, ErrorState, LoadingState } from '@/components/page-states'
import { AppealText } from '@/components/appeal-text'
import { CountdownChip } from '@/components/countdown-chip'
import { StatusBadge } from '@/components/status-badge'
import { deskHref } from '@/features/desk'
import {
  OverdueAppealsDocument,
  type AppealSlaState,
  type AppealSummaryFragment,
} from '@/gql/graphql'
import { DownloadReport } from '@/components/download-report'
import { OPEN_STATUSES } from '@/features/queue'
import { useNow } from '@/hooks/use-now'
import { enumKey, useT } from '@/lib/i18n'
import { groupByAgency } from '../hooks/group-by-agency'

export function OverduePage() {
  return (
    <RequireRole roles={['HEAD', 'CURATOR']}>
      <Overdue />
    </RequireRole>
  )
}

/**
 * Overdue and at-risk appeals now, grouped by agency, with who holds each: a curator sees the region, a
 * head the agency. «Overdue» is the figures' «Просрочено сейчас», so the counts agree.
 */
function Overdue() {
  const t = useT()
  const now = useNow(30_000)
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: OverdueAppealsDocument,
    requestPolicy: 'cache-and-network',
  })
  return (
    <section className="page">
      <h1 tabIndex={-1}>{t('dashboard.overdueTitle')}</h1>
      <DownloadReport
        report="appeals"
        params={{ status: OPEN_STATUSES, slaState: 'BREACHED', orderBy: 'DUE_ASC' }}
      />
      {fetching && !data ? (
        <LoadingState />
      ) : error && !data ? (
        <ErrorState onRetry={() => reexecute({ requestPolicy: 'network-only' })} />
      ) : data ? (
        <>
          <Section
            state="OVERDUE"
            title={t('region.overdueSection')}
            empty={t('region.noOverdue')}
            appeals={data.overdue.edges.map((edge) => edge.node)}
            more={data.overdue.pageInfo.hasNextPage}
            now={now}
          />
          <Section
            state="AT_RISK"
            title={t('region.atRiskSection')}
            empty={t('region.noAtRisk')}
            appeals={data.atRisk.edges.map((edge) => edge.node)}
            more={data.atRisk.pageInfo.hasNextPage}
            now={now}
          />
        </>
      ) : null}
    </section>
  )
}

function Section({
  state,
  title,
  empty,
  appeals,
  more,
  now,
}: {
  state: AppealSlaState
  title: string
  empty: string
  appeals: AppealSummaryFragment[]
  more: boolean
  now: Date
}) {
  const t = useT()
  const groups = groupByAgency(appeals)
  return (
    <section className="overdue-section" data-sla={state} aria-label={title}>
      <h2>
        {title} <span className="muted">({more ? `${appeals.length}+` : appeals.length})</span>
      </h2>
      {groups.length === 0 && <EmptyState text={empty} />}
      {groups.map((group) => (
        <section
          key={group.agency?.id ?? 'none'}
          className="agency-group"
          data-agency-id={group.agency?.id}
        >
          <h3 className="small-heading">
            {group.agency ? (
              <Link href={deskHref({ agency: group.agency.id, sla: [state], sort: 'DUE_ASC' })}>
                {group.agency.name}
              </Link>
            ) : (
              t('desk.noAgency')
            )}{' '}
            <span className="muted">· {group.appeals.length}</span>
          </h3>
          <ul className="list">
            {group.appeals.map((appeal) => (
              <li key={appeal.id} data-appeal-id={appeal.id}>
                <Link href={`/appeals/${appeal.id}`} className="card card--link">
                  <span className="card__row">
                    <CountdownChip sla={appeal.sla} now={now} />
                    <StatusBadge status={appeal.status} />
                    {appeal.urgent && (
                      <span className="badge badge--urgent">{t('queue.urgent')}</span>
                    )}
                  </span>
                  <span className="card__title">
                    {appeal.executor
                      ? t('desk.holder', { name: appeal.executor.name })
                      : t('desk.notTaken')}
                  </span>
                  <span className="card__meta">
                    {t(enumKey('category', appeal.category))}
                    {appeal.municipality && ` · ${t(enumKey('municipality', appeal.municipality))}`}
                  </span>
                  <AppealText id={`overdue-text-${appeal.id}`} text={appeal.text} clamp />
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ))}
      {more && (
        <Link href={deskHref({ sla: [state], sort: 'DUE_ASC' })} className="button button--wide">
          {t('region.showAll')}
        </Link>
      )}
    </section>
  )
}
