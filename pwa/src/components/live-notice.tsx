import type { ReactNode } from 'react'

/**
 * A quiet line under the app bar (SLA alerts, undelivered answers): a polite live region that is always
 * there, so what appears in it is announced, and a dismiss button. It never takes focus.
 */
export function LiveNotice({
  open,
  className,
  dismissLabel,
  onDismiss,
  children,
}: {
  open: boolean
  /** Modifier classes of the line, e.g. `sla-alert--breached`. */
  className: string
  dismissLabel: string
  onDismiss: () => void
  children: ReactNode
}) {
  return (
    <div className="sla-alert-region" role="status" aria-live="polite">
      {open && (
        <div className={`sla-alert ${className}`}>
          {children}
          <button
            type="button"
            className="button button--text"
            onClick={onDismiss}
            aria-label={dismissLabel}
          >
            ×
          </button>
        </div>
      )}
    </div>
  )
}
