import { useId, useState } from 'react'
import { Dialog } from '@/components/dialog'
import { useT } from '@/lib/i18n'

interface Props {
  open: boolean
  title: string
  label: string
  submitLabel: string
  busy?: boolean
  error?: string | null
  onClose: () => void
  onSubmit: (text: string) => void
}

/** A required free-text reason or comment (reject, return for rework, reopen, pause). */
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
        required
      />
    </Dialog>
  )
}
