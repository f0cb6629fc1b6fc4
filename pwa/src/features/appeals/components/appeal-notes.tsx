import { useId, useState, type FormEvent } from 'react'
import { useMutation, useQuery } from 'urql'
import { AddAppealNoteDocument, AppealNotesDocument } from '@/gql/graphql'
import { formatDateTime, useT } from '@/lib/i18n'

/** Staff's internal notes on the appeal: a list and a short form. Never shown to citizens. */
export function AppealNotes({ appealId }: { appealId: string }) {
  const t = useT()
  const textId = useId()
  const [{ data, error: loadError }, reload] = useQuery({
    query: AppealNotesDocument,
    variables: { id: appealId },
  })
  const [{ fetching }, addNote] = useMutation(AddAppealNoteDocument)
  const [text, setText] = useState('')
  const [error, setError] = useState<string | null>(null)
  const notes = data?.appeal?.notes ?? []

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    if (!text.trim()) {
      setError(t('notes.empty'))
      return
    }
    const result = await addNote({ input: { appealId, text } })
    const refused = result.data?.addAppealNote.errors[0]
    if (result.error || refused) {
      setError(refused?.message ?? t('notes.failed'))
      return
    }
    setError(null)
    setText('')
    reload({ requestPolicy: 'network-only' })
  }

  return (
    <section aria-labelledby="notes-heading" className="card" data-testid="appeal-notes">
      <h2 id="notes-heading">{t('notes.title')}</h2>
      <p className="muted small">{t('notes.hint')}</p>
      {loadError && !data && <p className="notice notice--error">{t('notes.failed')}</p>}
      {notes.length === 0 && data && <p className="muted">{t('notes.none')}</p>}
      <ol className="answers">
        {notes.map((note) => (
          <li key={note.id} className="answer">
            <p className="answer__meta">
              <strong>{note.author.name}</strong> ·{' '}
              <time dateTime={note.createdAt}>{formatDateTime(note.createdAt)}</time>
            </p>
            <p className="appeal-text">{note.text}</p>
          </li>
        ))}
      </ol>
      <form onSubmit={(event) => void submit(event)}>
        <label htmlFor={textId}>{t('notes.label')}</label>
        <textarea
          id={textId}
          className="editor__text"
          rows={2}
          maxLength={2000}
          value={text}
          onChange={(event) => setText(event.target.value)}
        />
        {error && (
          <p className="notice notice--error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" className="button" disabled={fetching}>
          {t('notes.add')}
        </button>
      </form>
    </section>
  )
}
