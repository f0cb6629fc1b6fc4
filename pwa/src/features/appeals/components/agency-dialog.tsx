import { useId, useState } from 'react'
import { useQuery } from 'urql'
import { Dialog } from '@/components/dialog'
import { AgenciesDocument, type Category } from '@/gql/graphql'
import { useT } from '@/lib/i18n'
import { explainTextProblem, textProblem, useLimits, type TextProblem } from '../hooks/use-limits'

interface Props {
  open: boolean
  title: string
  submitLabel: string
  /** Redirects need a reason; assignments do not. */
  withReason: boolean
  excludeAgencyId?: string | null
  /** Preselects the first active agency answering for this category. */
  category?: Category
  busy?: boolean
  error?: string | null
  onClose: () => void
  onSubmit: (agencyId: string, reason: string) => void
}

/** Agency picker (assign, redirect) with an optional required reason. */
export function AgencyDialog(props: Props) {
  const t = useT()
  const [{ data }] = useQuery({ query: AgenciesDocument, pause: !props.open })
  const agencies = (data?.agencies ?? []).filter(
    (agency) => agency.active && agency.id !== props.excludeAgencyId,
  )
  const suggested = props.category
    ? agencies.find((agency) => agency.categories.includes(props.category!))
    : undefined
  const [agencyId, setAgencyId] = useState('')
  const [reason, setReason] = useState('')
  const [problem, setProblem] = useState<TextProblem | null>(null)
  const max = useLimits()?.reason
  const selectId = useId()
  const reasonId = useId()
  const chosen = agencyId || suggested?.id || ''

  const submit = () => {
    const found = !chosen ? 'blank' : props.withReason ? textProblem(reason, max) : null
    setProblem(found)
    if (!found) props.onSubmit(chosen, reason.trim())
  }

  return (
    <Dialog
      open={props.open}
      title={props.title}
      submitLabel={props.submitLabel}
      busy={props.busy}
      error={problem ? explainTextProblem(t, problem, reason, max) : props.error}
      onClose={props.onClose}
      onSubmit={submit}
    >
      <label htmlFor={selectId}>{t('actions.agency')}</label>
      <select
        id={selectId}
        value={chosen}
        onChange={(event) => setAgencyId(event.target.value)}
        required
      >
        <option value="">{t('actions.chooseAgency')}</option>
        {agencies.map((agency) => (
          <option key={agency.id} value={agency.id}>
            {agency.name}
          </option>
        ))}
      </select>
      {props.withReason && (
        <>
          <label htmlFor={reasonId}>{t('actions.reason')}</label>
          <textarea
            id={reasonId}
            rows={3}
            value={reason}
            onChange={(event) => setReason(event.target.value)}
            required
          />
        </>
      )}
    </Dialog>
  )
}
