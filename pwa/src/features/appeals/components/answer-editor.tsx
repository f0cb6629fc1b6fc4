import { lazy, Suspense, useId, useState, type FormEvent } from 'react'
import { useIdentity } from '@/app/session-context'
import { useOnline } from '@/hooks/use-online'
import { formatDateTime, useT } from '@/lib/i18n'
import { uuid } from '@/lib/uuid'
import { useDraft, type AnswerKind } from '../hooks/use-draft'
import { useOutbox } from '../hooks/use-outbox'

export const MAX_ANSWER_LENGTH = 10_000

// Only bundled once quality.graphqls exists: the define is replaced by a literal, so the import is dropped.
const QualityHints = __FEATURE_QUALITY__ ? lazy(() => import('./quality-hints')) : null

/**
 * Writing an answer. The draft is kept on the device while typing; sending puts the answer in the
 * outbox with a fresh clientAnswerId, so it is delivered exactly once whenever the network allows.
 */
export function AnswerEditor({ appealId }: { appealId: string }) {
  const t = useT()
  const { subject } = useIdentity()
  const outbox = useOutbox()
  const online = useOnline()
  const draft = useDraft(subject, appealId)
  const [error, setError] = useState<string | null>(null)
  const [queuedNotice, setQueuedNotice] = useState(false)
  const textId = useId()
  const hintId = useId()

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    const text = draft.text.trim()
    if (!text) return setError(t('editor.empty'))
    if (text.length > MAX_ANSWER_LENGTH)
      return setError(t('editor.tooLong', { max: MAX_ANSWER_LENGTH }))
    setError(null)
    await outbox.enqueue({
      kind: 'answer',
      appealId,
      answerKind: draft.kind,
      text,
      clientAnswerId: uuid(),
    })
    draft.clear()
    setQueuedNotice(!online)
  }

  return (
    <form className="card editor" onSubmit={submit} aria-labelledby={`${textId}-title`}>
      <h2 id={`${textId}-title`}>{t('editor.title')}</h2>
      <fieldset className="segmented">
        <legend>{t('editor.kind')}</legend>
        {(['INTERIM', 'FINAL'] as AnswerKind[]).map((kind) => (
          <label key={kind} className="segmented__option">
            <input
              type="radio"
              name={`kind-${appealId}`}
              value={kind}
              checked={draft.kind === kind}
              onChange={() => draft.setKind(kind)}
            />
            <span>{t(kind === 'INTERIM' ? 'answer.kind.INTERIM' : 'answer.kind.FINAL')}</span>
          </label>
        ))}
      </fieldset>
      <label htmlFor={textId}>{t('editor.text')}</label>
      <textarea
        id={textId}
        name="answer"
        rows={7}
        value={draft.text}
        placeholder={t('editor.placeholder')}
        onChange={(event) => draft.setText(event.target.value)}
        aria-describedby={hintId}
        aria-invalid={error ? true : undefined}
        maxLength={MAX_ANSWER_LENGTH + 500}
      />
      <p id={hintId} className="editor__hint">
        <span>{t('editor.counter', { count: draft.text.length, max: MAX_ANSWER_LENGTH })}</span>
        <span role="status">
          {draft.savedAt
            ? draft.restoredAt === draft.savedAt
              ? t('editor.restored', { time: formatDateTime(draft.savedAt) })
              : t('editor.saved')
            : ''}
        </span>
      </p>
      {QualityHints && (
        <Suspense fallback={null}>
          <QualityHints text={draft.text} appealId={appealId} />
        </Suspense>
      )}
      {error && (
        <p className="notice notice--error" role="alert">
          {error}
        </p>
      )}
      {queuedNotice && (
        <p className="notice notice--warning" role="status">
          {t('actions.queued')}
        </p>
      )}
      <button type="submit" className="button button--primary button--wide">
        {draft.kind === 'FINAL' ? t('editor.sendFinal') : t('editor.send')}
      </button>
    </form>
  )
}
