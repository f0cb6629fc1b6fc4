import { useId, useState } from 'react'
import { Dialog } from '@/components/dialog'
import { useT } from '@/lib/i18n'
import { explainTextProblem, textProblem, useLimits, type TextProblem } from '../hooks/use-limits'

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
  const [problem, setProblem] = useState<TextProblem | null>(null)
  const max = useLimits()?.reason
  const id = useId()
  return (
    <Dialog
      open={props.open}
      title={props.title}
      submitLabel={props.submitLabel}
      busy={props.busy}
      error={problem ? explainTextProblem(t, problem, text, max) : props.error}
      onClose={props.onClose}
      onSubmit={() => {
        const found = textProblem(text, max)
        setProblem(found)
        if (!found) props.onSubmit(text.trim())
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
