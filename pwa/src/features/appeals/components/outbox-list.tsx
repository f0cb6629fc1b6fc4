import { Link } from 'wouter'
import { useIdentity } from '@/lib/oidc/session-context'
import { useExplainError } from '@/lib/graphql/errors'
import { useT } from '@/lib/i18n'
import { loadDraft, saveDraft } from '@/lib/offline/draft-store'
import type { OutboxEntry } from '@/lib/offline/outbox'
import { useOutbox } from '@/lib/offline/use-outbox'

/** Queued actions with their state; refused ones explain why and can be retried or removed. */
export function OutboxList({
  entries,
  showLinks = false,
}: {
  entries: readonly OutboxEntry[]
  showLinks?: boolean
}) {
  const t = useT()
  const outbox = useOutbox()
  const { explain } = useExplainError()
  const { subject } = useIdentity()
  if (entries.length === 0) return null

  // A refused answer goes back into the editor's draft rather than vanishing.
  const discard = (entry: OutboxEntry) => {
    const { action } = entry
    if (action.kind === 'answer' && !loadDraft(subject, action.appealId)) {
      saveDraft(subject, action.appealId, {
        text: action.text,
        kind: action.answerKind,
        updatedAt: new Date().toISOString(),
      })
    }
    void outbox.discard(entry.id)
  }
  return (
    <ul className="outbox" aria-label={t('profile.outbox')}>
      {entries.map((entry) => (
        <li key={entry.id} className={`outbox__item outbox__item--${entry.state}`}>
          <span className="outbox__what">
            {entry.action.kind === 'take' ? t('outbox.take') : t('outbox.answer')}
            {showLinks && (
              <>
                {' · '}
                <Link href={`/appeals/${entry.action.appealId}`}>{t('appeal.title')}</Link>
              </>
            )}
          </span>
          <span className="badge badge--pending">
            {entry.state === 'failed'
              ? t('outbox.failed')
              : entry.state === 'sending'
                ? t('outbox.sending')
                : t('outbox.pending')}
          </span>
          {entry.state === 'failed' && entry.error && (
            <p className="notice notice--error" role="alert">
              <strong>{t('outbox.conflictTitle')}: </strong>
              {explain(entry.error)}
            </p>
          )}
          {entry.state === 'failed' && (
            <span className="outbox__buttons">
              <button
                type="button"
                className="button button--text"
                onClick={() => void outbox.retry(entry.id)}
              >
                {t('outbox.retry')}
              </button>
              <button type="button" className="button button--text" onClick={() => discard(entry)}>
                {t('outbox.discard')}
              </button>
            </span>
          )}
        </li>
      ))}
    </ul>
  )
}
