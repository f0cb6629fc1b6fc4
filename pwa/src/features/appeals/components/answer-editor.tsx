import { useEffect, useId, useRef, useState, type FormEvent } from 'react'
import { useIdentity } from '@/lib/oidc/session-context'
import { useOnline } from '@/hooks/use-online'
import { explainRefusal } from '@/lib/graphql/errors'
import { formatDateTime, useT } from '@/lib/i18n'
import { uuid } from '@/lib/uuid'
import { findingAt, markSegments, type QualityFindingFieldsLike } from '../hooks/quality-marks'
import { QUALITY_MIN_LENGTH, useAnswerQuality } from '../hooks/use-answer-quality'
import { useDraft, type AnswerKind } from '../hooks/use-draft'
import { useLimits } from '../hooks/use-limits'
import { useOutbox, useOutboxEntries } from '@/lib/offline/use-outbox'
import { QualityReport } from './quality-report'

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
  const activeId = useId()
  const textarea = useRef<HTMLTextAreaElement>(null)
  const backdrop = useRef<HTMLDivElement>(null)
  const [caret, setCaret] = useState<number | null>(null)
  // The server's limit; unknown only before the app's first contact (nothing is checked here then).
  const max = useLimits()?.answerText
  const quality = useAnswerQuality(draft.text, appealId, max ?? Number.POSITIVE_INFINITY)
  const findings = quality.current && quality.report ? quality.report.findings : []
  const segments = findings.length > 0 ? markSegments(draft.text, findings) : null
  const active = caret === null ? null : findingAt(findings, caret)
  // The server refuses an answer below the region's quality threshold (where the region blocks).
  const refused = useOutboxEntries(appealId).find(
    (entry) =>
      entry.state === 'failed' &&
      entry.action.kind === 'answer' &&
      entry.error?.code === 'LOW_QUALITY',
  )

  const trackCaret = () => {
    const element = textarea.current
    setCaret(
      element && element.selectionStart === element.selectionEnd ? element.selectionStart : null,
    )
  }
  // Taps, arrow keys and programmatic moves all end in selectionchange; follow it while focused.
  useEffect(() => {
    const onSelectionChange = () => {
      const element = textarea.current
      if (element && document.activeElement === element)
        setCaret(element.selectionStart === element.selectionEnd ? element.selectionStart : null)
    }
    document.addEventListener('selectionchange', onSelectionChange)
    return () => document.removeEventListener('selectionchange', onSelectionChange)
  }, [])
  const syncScroll = () => {
    if (backdrop.current && textarea.current)
      backdrop.current.scrollTop = textarea.current.scrollTop
  }
  const showFinding = (finding: QualityFindingFieldsLike) => {
    const element = textarea.current
    if (!element || finding.start === null || finding.end === null) return
    element.focus()
    element.setSelectionRange(finding.start!, finding.end!)
    setCaret(finding.start!)
  }
  const backToEditor = () => {
    if (!refused || refused.action.kind !== 'answer') return
    draft.setKind(refused.action.answerKind)
    draft.setText(refused.action.text)
    void outbox.discard(refused.id)
    textarea.current?.focus()
  }

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    const text = draft.text.trim()
    if (!text) return setError(t('editor.empty'))
    if (max !== undefined && text.length > max) return setError(t('editor.tooLong', { max }))
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
      <div className="editor__field">
        {segments && (
          <div ref={backdrop} className="editor__backdrop" aria-hidden="true">
            {segments.map((segment, index) =>
              segment.finding === null ? (
                segment.text
              ) : (
                <mark
                  key={index}
                  className={
                    findings[segment.finding] === active
                      ? 'editor__mark editor__mark--active'
                      : 'editor__mark'
                  }
                >
                  {segment.text}
                </mark>
              ),
            )}
            {'\n'}
          </div>
        )}
        <textarea
          ref={textarea}
          id={textId}
          name="answer"
          rows={5}
          value={draft.text}
          placeholder={t('editor.placeholder')}
          className={segments ? 'editor__textarea editor__textarea--marked' : 'editor__textarea'}
          onChange={(event) => {
            draft.setText(event.target.value)
            trackCaret()
          }}
          onFocus={trackCaret}
          onBlur={() => setCaret(null)}
          onScroll={syncScroll}
          aria-describedby={`${hintId} ${activeId}`}
          aria-invalid={error ? true : undefined}
          maxLength={max === undefined ? undefined : max + 500}
        />
      </div>
      <p id={activeId} className="quality__active" role="status">
        {active ? active.message : ''}
      </p>
      <p id={hintId} className="editor__hint">
        <span>
          {max === undefined
            ? t('editor.length', { count: draft.text.length })
            : t('editor.counter', { count: draft.text.length, max })}
        </span>
        <span role="status">
          {draft.savedAt
            ? draft.restoredAt === draft.savedAt
              ? t('editor.restored', { time: formatDateTime(draft.savedAt) })
              : t('editor.saved')
            : ''}
        </span>
      </p>
      {quality.report && (
        // Folded to one line so the editor stays about one screen on a phone; the fragments stay
        // underlined in the text, and the line says how many remarks there are.
        <details className="editor__hints">
          <summary>
            {t('editor.hintsSummary', {
              score: quality.report.score,
              count: quality.report.findings.length,
            })}
          </summary>
          <QualityReport
            report={quality.report}
            text={draft.text}
            current={quality.current}
            heading={t('quality.title')}
            onSelect={showFinding}
            busy={quality.checking}
          />
        </details>
      )}
      {draft.kind === 'INTERIM' && (
        <p className="notice small" role="note" data-testid="interim-review-hint">
          {quality.report && quality.report.score < 70
            ? t('editor.interimHeld', { score: quality.report.score })
            : t('editor.interimReview')}
        </p>
      )}
      {!online && draft.text.trim().length >= QUALITY_MIN_LENGTH && (
        <p className="muted small" role="status">
          {t('editor.hintsOffline')}
        </p>
      )}
      {refused && (
        <div className="notice notice--error" role="alert">
          <p>{refused.error ? explainRefusal(t, refused.error) : t('error.code.LOW_QUALITY')}</p>
          <button type="button" className="button" onClick={backToEditor}>
            {t('editor.backToEditor')}
          </button>
        </div>
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
