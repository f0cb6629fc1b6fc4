import { useId, useState } from 'react'
import { Dialog } from '@/components/dialog'
import { useT } from '@/lib/i18n'

interface Props {
  open: boolean
  title: string
  label: string
  /** A line under the field, for example what an extension grants. */
  hint?: string
  submitLabel: string
  busy?: boolean
  error?: string | null
  onClose: () => void
  onSubmit: (text: string) => void
}

/** A required free-text reason or comment (reject, return for rework, reopen, pause, extend). */
export function ReasonDialog(props: Props) {
  const t = useT()
  const [text, setText] = useState('')
  const [invalid, setInvalid] = useState(false)
  const id = useId()
  return (
    <Dialog
      open={props.open}
      title={props.title}
      submitLabel={props.submitLabel}
      busy={props.busy}
      error={invalid ? t('actions.required') : props.error}
      onClose={props.onClose}
      onSubmit={() => {
        if (!text.trim()) return setInvalid(true)
        setInvalid(false)
        props.onSubmit(text.trim())
      }}
    >
      <label htmlFor={id}>{props.label}</label>
      <textarea
        id={id}
        rows={4}
        value={text}
        onChange={(event) => setText(event.target.value)}
        aria-describedby={props.hint ? `${id}-hint` : undefined}
        required
      />
      {props.hint && (
        <p id={`${id}-hint`} className="muted small">
          {props.hint}
        </p>
      )}
    </Dialog>
  )
}
