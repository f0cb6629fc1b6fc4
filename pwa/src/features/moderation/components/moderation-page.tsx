import { useState } from 'react'
import { Link } from 'wouter'
import { RequireRole } from '@/components/require-role'
import { AppealNumber } from '@/components/appeal-number'
import { AppealText } from '@/components/appeal-text'
import { CountdownChip } from '@/components/countdown-chip'
import { ExternalLink } from '@/components/external-link'
import { DownloadReport } from '@/components/download-report'
import { QueueFrame } from '@/components/queue-frame'
import { Dialog } from '@/components/dialog'
import { AgencyDialog, ReasonDialog, useAppealCommands } from '@/features/appeals'
import type { ModerationQueueQuery } from '@/gql/graphql'
import { enumKey, formatDateTime, useT } from '@/lib/i18n'
import { useModerationQueue } from '../hooks/use-moderation-queue'
import { RoutingSuggestion } from './routing-suggestion'

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
  const notAppeals = queue.appeals.filter((a) => a.routing?.notAppeal && a.viewerCan.reject)
  return (
    <QueueFrame
      title={t('moderation.title')}
      emptyText={t('moderation.empty')}
      queue={queue}
      size={queue.appeals.length}
      showCount

      actions={
        <>
          {notAppeals.length > 0 && <RejectNotAppeals appeals={notAppeals} />}
          <DownloadReport report="appeals" params={{ status: ['NEW'], orderBy: 'RECEIVED_ASC' }} />
        </>
      }
    >
      {queue.appeals.map((appeal) => (
        <ModerationItem key={appeal.id} appeal={appeal} />
      ))}
    </QueueFrame>
  )
}

/** Rejects, one by one, every message the router took for a non-appeal, after one confirmation. */
function RejectNotAppeals({ appeals }: { appeals: Appeal[] }) {
  const t = useT()
  const commands = useAppealCommands()
  const [open, setOpen] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [result, setResult] = useState<string | null>(null)
  const rejectAll = async () => {
    let done = 0
    let firstError: string | null = null
    for (const appeal of appeals) {
      const message = await commands.run('reject', {
        appealId: appeal.id,
        reason: t('moderation.notAppealReason'),
        expectedVersion: appeal.version,
      })
      if (message) firstError ??= message
      else done += 1
    }
    const summary = t('moderation.rejectedNotAppeals', { done, count: appeals.length })
    setError(firstError ? `${summary} ${firstError}` : null)
    setResult(summary)
    if (!firstError) setOpen(false)
  }
  return (
    <>
      <button type="button" className="button button--danger" onClick={() => setOpen(true)}>
        {t('moderation.rejectNotAppeals', { count: appeals.length })}
      </button>
      {result && !open && (
        <span className="card__meta" role="status">
          {result}
        </span>
      )}
      <Dialog
        open={open}
        title={t('moderation.rejectNotAppeals', { count: appeals.length })}
        submitLabel={t('actions.reject')}
        busy={commands.busy}
        error={error}
        onClose={() => setOpen(false)}
        onSubmit={() => void rejectAll()}
      >
        <p>{t('moderation.rejectNotAppealsConfirm', { count: appeals.length })}</p>
      </Dialog>
    </>
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
      {appeal.routing && (
        <RoutingSuggestion
          routing={appeal.routing}
          canAccept={appeal.viewerCan.assign}
          busy={commands.busy}
          onAccept={(agencyId) =>
            void commands
              .run('assign', { appealId: appeal.id, agencyId, expectedVersion: appeal.version })
              .then(setError)
          }
        />
      )}
      {error && !open && (
        <p className="notice notice--error" role="alert">
          {error}
        </p>
      )}
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
