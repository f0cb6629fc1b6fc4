import { useState } from 'react'
import { Link } from 'wouter'
import { RequireRole } from '@/components/require-role'
import { AppealNumber } from '@/components/appeal-number'
import { AppealText } from '@/components/appeal-text'
import { CountdownChip } from '@/components/countdown-chip'
import { ExternalLink } from '@/components/external-link'
import { DownloadReport } from '@/components/download-report'
import { QueueFrame } from '@/components/queue-frame'
import { AgencyDialog, ReasonDialog, useAppealCommands } from '@/features/appeals'
import type { ModerationQueueQuery } from '@/gql/graphql'
import { enumKey, formatDateTime, useT } from '@/lib/i18n'
import { useModerationQueue } from '../hooks/use-moderation-queue'

type Appeal = ModerationQueueQuery['appeals']['edges'][number]['node']

export function ModerationPage() {
  return (
    <RequireRole roles={['CURATOR']}>
      <Moderation />
    </RequireRole>
  )
}

function Moderation() {
  const t = useT()
  const queue = useModerationQueue()
  return (
    <QueueFrame
      title={t('moderation.title')}
      emptyText={t('moderation.empty')}
      queue={queue}
      size={queue.appeals.length}
      showCount

      actions={
        <DownloadReport report="appeals" params={{ status: ['NEW'], orderBy: 'RECEIVED_ASC' }} />
      }
    >
      {queue.appeals.map((appeal) => (
        <ModerationItem key={appeal.id} appeal={appeal} />
      ))}
    </QueueFrame>
  )
}

function ModerationItem({ appeal }: { appeal: Appeal }) {
  const t = useT()
  const commands = useAppealCommands()
  const [open, setOpen] = useState<null | 'assign' | 'reject'>(null)
  const [error, setError] = useState<string | null>(null)
  const finish = (message: string | null) => {
    setError(message)
    if (!message) setOpen(null)
  }
  return (
    <li className="card" data-appeal-id={appeal.id}>
      <span className="card__row">
        <CountdownChip sla={appeal.sla} />
        {appeal.urgent && <span className="badge badge--urgent">{t('queue.urgent')}</span>}
        <span className="card__meta">
          <AppealNumber number={appeal.number} /> · {formatDateTime(appeal.receivedAt)}
        </span>
      </span>
      <Link href={`/appeals/${appeal.id}`} className="card__title">
        {t(enumKey('category', appeal.category))}
        {appeal.municipality && ` · ${t(enumKey('municipality', appeal.municipality))}`}
      </Link>
      <AppealText text={appeal.text} />
      <p className="card__meta">
        {t(enumKey('channel', appeal.channel))} ·{' '}
        {t('appeal.reachValue', {
          views: appeal.reach.views,
          likes: appeal.reach.likes,
          comments: appeal.reach.comments,
        })}
        {appeal.url && (
          <>
            {' · '}
            <ExternalLink href={appeal.url}>{t('appeal.original')}</ExternalLink>
          </>
        )}
      </p>
      {/* What the server allows (viewerCan). */}
      <div className="actions__buttons">
        {appeal.viewerCan.assign && (
          <button
            type="button"
            className="button button--primary"
            onClick={() => setOpen('assign')}
          >
            {t('actions.assign')}
          </button>
        )}
        {appeal.viewerCan.reject && (
          <button type="button" className="button button--danger" onClick={() => setOpen('reject')}>
            {t('actions.reject')}
          </button>
        )}
      </div>
      <AgencyDialog
        open={open === 'assign'}
        title={t('actions.assign')}
        submitLabel={t('actions.assign')}
        withReason={false}
        category={appeal.category}
        busy={commands.busy}
        error={error}
        onClose={() => setOpen(null)}
        onSubmit={(agencyId) =>
          void commands
            .run('assign', { appealId: appeal.id, agencyId, expectedVersion: appeal.version })
            .then(finish)
        }
      />
      <ReasonDialog
        open={open === 'reject'}
        title={t('actions.reject')}
        label={t('actions.reason')}
        submitLabel={t('actions.reject')}
        busy={commands.busy}
        error={error}
        onClose={() => setOpen(null)}
        onSubmit={(reason) =>
          void commands
            .run('reject', { appealId: appeal.id, reason, expectedVersion: appeal.version })
            .then(finish)
        }
      />
    </li>
  )
}
