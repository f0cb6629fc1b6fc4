import { Link } from 'wouter'
import { AppealText } from '@/components/appeal-text'
import { CountdownChip } from '@/components/countdown-chip'
import { StatusBadge } from '@/components/status-badge'
import type { AppealSummaryFragment } from '@/gql/graphql'
import { enumKey, formatDateTime, useT } from '@/lib/i18n'

/** One appeal in the desk's list: its deadline, status, who has it, and the start of its text. */
export function DeskItem({ appeal, now }: { appeal: AppealSummaryFragment; now: Date }) {
  const t = useT()
  const textId = `desk-text-${appeal.id}`
  return (
    <li className="queue-item" data-appeal-id={appeal.id}>
      <Link href={`/appeals/${appeal.id}`} className="card card--link" aria-describedby={textId}>
        <span className="card__row">
          <CountdownChip sla={appeal.sla} now={now} />
          <StatusBadge status={appeal.status} />
          {appeal.urgent && <span className="badge badge--urgent">{t('queue.urgent')}</span>}
        </span>
        <span className="card__title">
          {t(enumKey('category', appeal.category))}
          {appeal.municipality && ` · ${t(enumKey('municipality', appeal.municipality))}`}
        </span>
        <AppealText id={textId} text={appeal.text} clamp />
        <span className="card__meta">
          {appeal.agency ? appeal.agency.name : t('desk.noAgency')}
          {' · '}
          {appeal.executor
            ? t('desk.holder', { name: appeal.executor.name })
            : appeal.agency
              ? t('desk.notTaken')
              : null}
        </span>
        <span className="card__meta">
          {t(enumKey('channel', appeal.channel))} · {formatDateTime(appeal.receivedAt)}
        </span>
      </Link>
    </li>
  )
}
