import { useEffect } from 'react'
import { useT } from '@/lib/i18n'
import type { Arrival } from '../hooks/use-queue'

const EXCERPT = 60

/** An unobtrusive, screen-reader-polite notice that something arrived; it hides itself. */
export function ArrivalNotice({
  arrivals,
  onShow,
  onDismiss,
}: {
  arrivals: Arrival[]
  onShow: () => void
  onDismiss: () => void
}) {
  const t = useT()
  useEffect(() => {
    if (arrivals.length === 0) return
    const timer = setTimeout(onDismiss, 10_000)
    return () => clearTimeout(timer)
  }, [arrivals, onDismiss])

  const last = arrivals.at(-1)
  const text = !last
    ? ''
    : arrivals.length === 1
      ? t('queue.newAppeal', {
          text: last.text.length > EXCERPT ? `${last.text.slice(0, EXCERPT)}…` : last.text,
        })
      : t('queue.newAppeals', { count: arrivals.length })
  return (
    <div className="toast-region" role="status" aria-live="polite">
      {last && (
        <div className="toast">
          <span className="toast__text">{text}</span>
          <button type="button" className="button button--text" onClick={onShow}>
            {t('queue.show')}
          </button>
        </div>
      )}
    </div>
  )
}
