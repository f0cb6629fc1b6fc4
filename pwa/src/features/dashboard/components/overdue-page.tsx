import { DownloadReport } from '@/components/download-report'
import { EmptyState, LoadingState } from '@/components/page-states'
import { OPEN_STATUSES, QueueItem, useQueue } from '@/features/queue'
import { useNow } from '@/hooks/use-now'
import { useT } from '@/lib/i18n'

/** The agency's overdue appeals (tap on «Просрочено сейчас»), most overdue first (the queue's DUE_ASC order). */
export function OverduePage() {
  const t = useT()
  const now = useNow(30_000)
  const queue = useQueue('ACTIVE', now)
  const overdue = queue.rows.filter((row) => row.urgency?.state === 'BREACHED')
  return (
    <section className="page">
      <h1 tabIndex={-1}>{t('dashboard.overdueTitle')}</h1>
      <DownloadReport
        report="appeals"
        params={{ status: OPEN_STATUSES, slaState: 'BREACHED', orderBy: 'DUE_ASC' }}
      />
      {queue.loading ? (
        <LoadingState />
      ) : overdue.length === 0 ? (
        <EmptyState text={t('queue.empty')} />
      ) : (
        <ul className="list">
          {overdue.map((row) => (
            <QueueItem
              key={row.appeal.id}
              row={row}
              now={now}
              pending={false}
              onOpen={queue.markSeen}
            />
          ))}
        </ul>
      )}
    </section>
  )
}
