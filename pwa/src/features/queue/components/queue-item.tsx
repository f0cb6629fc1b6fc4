import { Link } from 'wouter'
import { AppealText } from '@/components/appeal-text'
import { AppealHolder, AppealNumber } from '@/components/appeal-number'
import { CountdownChip } from '@/components/countdown-chip'
import { StatusBadge } from '@/components/status-badge'
import { enumKey, useT } from '@/lib/i18n'
import type { QueueRow } from '../hooks/use-queue'

interface Props {
  row: QueueRow
  pending: boolean
  now: Date
  onOpen: (id: string) => void
}

export function QueueItem({ row, pending, now, onOpen }: Props) {
  const t = useT()
  const { appeal } = row
  const textId = `appeal-text-${appeal.id}`
  return (
    <li
      className={row.isNew ? 'queue-item queue-item--new' : 'queue-item'}
      data-appeal-id={appeal.id}
    >
      <Link
        href={`/appeals/${appeal.id}`}
        className="card card--link"
        onClick={() => onOpen(appeal.id)}
        aria-describedby={textId}
      >
        <span className="card__row">
          <CountdownChip sla={appeal.sla} now={now} />
          <StatusBadge status={appeal.status} />
          {appeal.urgent && <span className="badge badge--urgent">{t('queue.urgent')}</span>}
          {row.isNew && <span className="badge badge--new">{t('queue.newBadge')}</span>}
          {pending && <span className="badge badge--pending">{t('outbox.pending')}</span>}
        </span>
        <span className="card__title">
          {t(enumKey('category', appeal.category))}
          {appeal.municipality && ` · ${t(enumKey('municipality', appeal.municipality))}`}
        </span>
        <AppealText id={textId} text={appeal.text} clamp />
        <span className="card__meta">
          <AppealNumber number={appeal.number} /> · {t(enumKey('channel', appeal.channel))}
          {appeal.executor && (
            <>
              {' · '}
              <AppealHolder executor={appeal.executor} assigned />
            </>
          )}
        </span>
      </Link>
    </li>
  )
}
