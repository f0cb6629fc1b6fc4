import { useId, useState } from 'react'
import { useMutation, useQuery } from 'urql'
import { Link } from 'wouter'
import { CloseRatingTaskDocument, RatingTasksDocument, type RatingTasksQuery } from '@/gql/graphql'
import { formatDateTime, useT } from '@/lib/i18n'

type Task = RatingTasksQuery['ratingTasks']['edges'][number]['node']

/**
 * «Низкие оценки»: open tasks from citizens' ratings of 1 or 2, oldest first. Nothing reopens by itself,
 * so the curator looks into each (the appeal card is one tap away) and closes it with a note.
 */
export function RatingTasks() {
  const t = useT()
  const [{ data, error }, reload] = useQuery({ query: RatingTasksDocument })
  const [message, setMessage] = useState<string | null>(null)
  const tasks = data?.ratingTasks.edges.map((edge) => edge.node) ?? []
  const closed = (text: string) => {
    setMessage(text)
    // The list shows open tasks only: ask again rather than guess what the server keeps.
    reload({ requestPolicy: 'network-only' })
  }
  return (
    <section className="page" aria-labelledby="rating-tasks-heading" data-testid="rating-tasks">
      <h2 id="rating-tasks-heading">{t('ratingTasks.title')}</h2>
      <p className="muted small">{t('ratingTasks.hint')}</p>
      {message && (
        <p role="status" className="notice">
          {message}
        </p>
      )}
      {error && !data && <p className="notice notice--error">{t('ratingTasks.failed')}</p>}
      {data && tasks.length === 0 && <p className="muted">{t('ratingTasks.empty')}</p>}
      <ul className="plain-list">
        {tasks.map((task) => (
          <RatingTaskItem key={task.id} task={task} onClosed={closed} />
        ))}
      </ul>
    </section>
  )
}

function RatingTaskItem({ task, onClosed }: { task: Task; onClosed: (message: string) => void }) {
  const t = useT()
  const noteId = useId()
  const [{ fetching }, close] = useMutation(CloseRatingTaskDocument)
  const [note, setNote] = useState('')
  const [error, setError] = useState<string | null>(null)
  const { rating } = task

  async function onClose() {
    const result = await close({ input: { taskId: task.id, note: note.trim() || null } })
    const refused = result.data?.closeRatingTask.errors[0]
    if (result.error || refused) {
      setError(refused?.message ?? t('app.error'))
      return
    }
    setError(null)
    onClosed(t('ratingTasks.closed'))
  }

  return (
    <li className="card">
      <p className="card__row">
        <strong>{t('ratingTasks.score', { score: rating.score })}</strong> ·{' '}
        <Link href={`/appeals/${rating.appealId}`}>{rating.appealNumber ?? rating.appealId}</Link>
        {rating.agency && ` · ${rating.agency.name}`} ·{' '}
        <time dateTime={rating.ratedAt}>{formatDateTime(rating.ratedAt)}</time>
      </p>
      <p className={rating.comment ? 'appeal-text' : 'muted'}>
        {rating.comment ?? t('ratingTasks.noComment')}
      </p>
      <label htmlFor={noteId}>{t('ratingTasks.note')}</label>
      <textarea
        id={noteId}
        className="editor__text"
        rows={2}
        maxLength={2000}
        value={note}
        onChange={(event) => setNote(event.target.value)}
      />
      {error && (
        <p className="notice notice--error" role="alert">
          {error}
        </p>
      )}
      <button type="button" className="button" disabled={fetching} onClick={() => void onClose()}>
        {t('ratingTasks.close')}
      </button>
    </li>
  )
}
