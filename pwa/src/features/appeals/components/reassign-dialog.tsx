import { useId, useState } from 'react'
import { useQuery } from 'urql'
import { Dialog } from '@/components/dialog'
import { AgencyExecutorsDocument } from '@/gql/graphql'
import { useT } from '@/lib/i18n'
import { explainTextProblem, textProblem, useLimits, type TextProblem } from '../hooks/use-limits'

interface Props {
  open: boolean
  /** The appeal's agency: colleagues are its executors. */
  agencyId: string
  /** Who holds the appeal now; not offered, since handing it to them changes nothing. */
  holderId?: string | null
  /** An executor handing over what they hold must say why; heads and curators need not. */
  commentRequired: boolean
  busy?: boolean
  error?: string | null
  onClose: () => void
  onSubmit: (executorId: string, comment: string) => void
}

/** «Передать»: picks a colleague of the appeal's agency and, for executors, a required comment. */
export function ReassignDialog(props: Props) {
  const t = useT()
  const [{ data, fetching }] = useQuery({
    query: AgencyExecutorsDocument,
    variables: { agencyId: props.agencyId },
    pause: !props.open,
  })
  const colleagues = (data?.agencyExecutors.edges ?? [])
    .map((edge) => edge.node)
    .filter((person) => person.id !== props.holderId)
    .toSorted((a, b) => a.name.localeCompare(b.name, 'ru'))
  const [executorId, setExecutorId] = useState('')
  const [comment, setComment] = useState('')
  const [problem, setProblem] = useState<TextProblem | null>(null)
  const [noColleague, setNoColleague] = useState(false)
  const max = useLimits()?.reason
  const selectId = useId()
  const commentId = useId()

  const submit = () => {
    const missing = !executorId
    setNoColleague(missing)
    const found = props.commentRequired || comment.trim() ? textProblem(comment, max) : null
    setProblem(found)
    if (!missing && !found) props.onSubmit(executorId, comment.trim())
  }

  const error = noColleague
    ? t('reassign.chooseColleague')
    : problem
      ? explainTextProblem(t, problem, comment, max)
      : props.error
  return (
    <Dialog
      open={props.open}
      title={t('actions.reassign')}
      submitLabel={t('actions.reassign')}
      busy={props.busy}
      error={error}
      onClose={props.onClose}
      onSubmit={submit}
    >
      <label htmlFor={selectId}>{t('reassign.colleague')}</label>
      <select
        id={selectId}
        value={executorId}
        onChange={(event) => setExecutorId(event.target.value)}
        required
      >
        <option value="">{t('reassign.chooseColleague')}</option>
        {colleagues.map((person) => (
          <option key={person.id} value={person.id}>
            {person.name}
          </option>
        ))}
      </select>
      {!fetching && data && colleagues.length === 0 && (
        <p className="muted small">{t('reassign.noColleagues')}</p>
      )}
      <label htmlFor={commentId}>
        {props.commentRequired ? t('reassign.comment') : t('reassign.commentOptional')}
      </label>
      <textarea
        id={commentId}
        rows={3}
        value={comment}
        onChange={(event) => setComment(event.target.value)}
        required={props.commentRequired}
      />
    </Dialog>
  )
}
