import type { ReactNode } from 'react'
import { useT } from '@/lib/i18n'
import { EmptyState, ErrorState, LoadingState } from './page-states'

/**
 * The frame of a curator's live queue (moderation, review): the title with a refresh button, then
 * optional actions, loading, error or empty states, or the number of items and the list itself.
 */
export function QueueFrame({
  title,
  emptyText,
  queue,
  size,
  showCount = false,
  actions,
  children,
}: {
  title: string
  emptyText: string
  queue: { loading: boolean; error: unknown; refresh: () => void }
  size: number
  showCount?: boolean
  /** Shown under the title whatever the state, for example the «Скачать» buttons. */
  actions?: ReactNode
  children: ReactNode
}) {
  const t = useT()
  return (
    <section className="page">
      <div className="page__header">
        <h1 tabIndex={-1}>{title}</h1>
        <button type="button" className="button button--text" onClick={queue.refresh}>
          {t('queue.refresh')}
        </button>
      </div>
      {actions}
      {queue.loading ? (
        <LoadingState />
      ) : queue.error ? (
        <ErrorState onRetry={queue.refresh} />
      ) : size === 0 ? (
        <EmptyState text={emptyText} />
      ) : (
        <>
          {showCount && <p className="page__count">{t('queue.count', { count: size })}</p>}
          <ul className="list">{children}</ul>
        </>
      )}
    </section>
  )
}
