import { useState } from 'react'
import { RequireRole } from '@/components/require-role'
import { DownloadReport } from '@/components/download-report'
import { QueueFrame } from '@/components/queue-frame'
import { Dialog } from '@/components/dialog'
import { useAppealCommands } from '@/features/appeals'
import type { ModerationQueueQuery } from '@/gql/graphql'
import { useT } from '@/lib/i18n'
import { useModerationQueue } from '../hooks/use-moderation-queue'
import { ModerationItem } from './moderation-item'

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
