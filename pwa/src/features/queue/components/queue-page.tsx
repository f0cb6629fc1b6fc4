import { useCallback } from 'react'
import { useSearchParams } from 'wouter'
import { DownloadReport } from '@/components/download-report'
import { ErrorState, EmptyState, LoadingState } from '@/components/page-states'
import { PushPromptCard } from '@/features/push'
import { useOutboxEntries } from '@/lib/offline/use-outbox'
import { useIdentity } from '@/lib/oidc/session-context'
import { useNow } from '@/hooks/use-now'
import { useT } from '@/lib/i18n'
import { usePullToRefresh } from '../hooks/use-pull-to-refresh'
import { OPEN_STATUSES, useQueue, type StatusFilter as Filter } from '../hooks/use-queue'
import { ArrivalNotice } from './arrival-notice'
import { QueueItem } from './queue-item'
import { StatusFilter } from './status-filter'

function parseFilter(value: string | null): Filter {
  return OPEN_STATUSES.includes(value as (typeof OPEN_STATUSES)[number])
    ? (value as Filter)
    : 'ACTIVE'
}

/** «Моя очередь»: the agency's open appeals, most urgent first, live. */
export function QueuePage() {
  const t = useT()
  const identity = useIdentity()
  const [params, setParams] = useSearchParams()
  const filter = parseFilter(params.get('status'))
  const now = useNow(30_000)
  const queue = useQueue(filter, now)
  const pending = useOutboxEntries()
  const pendingIds = new Set(pending.map((entry) => entry.action.appealId))
  const { offset, ready } = usePullToRefresh(queue.refresh)
  const { dismissArrivals } = queue

  const showArrivals = useCallback(() => {
    dismissArrivals()
    window.scrollTo({ top: 0, behavior: 'smooth' })
    document.querySelector<HTMLElement>('.queue-item--new a')?.focus()
  }, [dismissArrivals])

  const setFilter = (value: Filter) =>
    setParams(value === 'ACTIVE' ? {} : { status: value }, { replace: true })

  return (
    <section className="page">
      <div className="pull-indicator" style={{ height: offset }} aria-hidden="true">
        {offset > 0 && (ready ? t('queue.releaseToRefresh') : t('queue.pullToRefresh'))}
      </div>
      <div className="page__header">
        <h1 tabIndex={-1}>{t('queue.title')}</h1>
        <button
          type="button"
          className="button button--icon"
          onClick={queue.refresh}
          disabled={queue.refreshing}
          aria-label={queue.refreshing ? t('queue.refreshing') : t('queue.refresh')}
        >
          <svg
            viewBox="0 0 24 24"
            width="22"
            height="22"
            aria-hidden="true"
            className={queue.refreshing ? 'spin' : undefined}
          >
            <path
              d="M20 12a8 8 0 1 1-2.3-5.7M20 4v5h-5"
              fill="none"
              stroke="currentColor"
              strokeWidth="2"
              strokeLinecap="round"
            />
          </svg>
        </button>
      </div>
      <PushPromptCard roles={identity.roles} />
      <StatusFilter value={filter} onChange={setFilter} />
      {!queue.noAgency && (
        <DownloadReport
          report="appeals"
          params={{ status: filter === 'ACTIVE' ? OPEN_STATUSES : [filter], orderBy: 'DUE_ASC' }}
        />
      )}
      {!queue.loading && !queue.error && !queue.noAgency && (
        <p className="page__count">{t('queue.count', { count: queue.rows.length })}</p>
      )}
      {queue.noAgency ? (
        <EmptyState text={t('queue.noAgency')} />
      ) : queue.loading ? (
        <LoadingState />
      ) : queue.error ? (
        <ErrorState onRetry={queue.refresh} />
      ) : queue.rows.length === 0 ? (
        <EmptyState text={t('queue.empty')} />
      ) : (
        <ul className="list" aria-label={t('queue.title')}>
          {queue.rows.map((row) => (
            <QueueItem
              key={row.appeal.id}
              row={row}
              now={now}
              pending={pendingIds.has(row.appeal.id)}
              onOpen={queue.markSeen}
            />
          ))}
        </ul>
      )}
      <ArrivalNotice arrivals={queue.arrivals} onShow={showArrivals} onDismiss={dismissArrivals} />
    </section>
  )
}
