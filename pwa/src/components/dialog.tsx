import { useEffect, useId, useRef, type FormEvent, type ReactNode } from 'react'
import { useT } from '@/lib/i18n'

interface Props {
  open: boolean
  title: string
  onClose: () => void
  onSubmit: () => void
  submitLabel: string
  busy?: boolean
  error?: string | null
  children: ReactNode
}

/**
 * A modal form on the native <dialog>: focus is trapped and restored by the browser, Esc closes it,
 * and on phones it is styled as a bottom sheet.
 */
export function Dialog({
  open,
  title,
  onClose,
  onSubmit,
  submitLabel,
  busy,
  error,
  children,
}: Props) {
  const t = useT()
  const ref = useRef<HTMLDialogElement>(null)
  const titleId = useId()

  useEffect(() => {
    const dialog = ref.current
    if (!dialog) return
    if (open && !dialog.open) {
      if (typeof dialog.showModal === 'function') dialog.showModal()
      else dialog.setAttribute('open', '')
    } else if (!open && dialog.open) {
      if (typeof dialog.close === 'function') dialog.close()
      else dialog.removeAttribute('open')
    }
  }, [open])

  const submit = (event: FormEvent) => {
    event.preventDefault()
    onSubmit()
  }

  return (
    <dialog
      ref={ref}
      className="sheet"
      aria-labelledby={titleId}
      onClose={onClose}
      onCancel={onClose}
    >
      <form onSubmit={submit} className="sheet__form">
        <h2 id={titleId}>{title}</h2>
        {children}
        {error && (
          <p className="notice notice--error" role="alert">
            {error}
          </p>
        )}
        <div className="sheet__actions">
          <button type="button" className="button button--text" onClick={onClose}>
            {t('actions.cancel')}
          </button>
          <button type="submit" className="button button--primary" disabled={busy}>
            {submitLabel}
          </button>
        </div>
      </form>
    </dialog>
  )
}
