import type { ReactNode } from 'react'
import type { AnswerFieldsFragment } from '@/gql/graphql'
import { enumKey, formatDateTime, useT } from '@/lib/i18n'
import type { OutboxEntry } from '@/lib/offline/outbox'

/** Answers given, then answers still in the outbox (marked «ожидает отправки»). */
export function AnswerList({
  answers,
  pending,
  renderDelivery,
}: {
  answers: AnswerFieldsFragment[]
  pending: readonly OutboxEntry[]
  /** Where a published answer stands in its channel, under its text. */
  renderDelivery?: (answer: AnswerFieldsFragment) => ReactNode
}) {
  const t = useT()
  const queued = pending.flatMap((entry) =>
    entry.action.kind === 'answer' ? [{ entry, action: entry.action }] : [],
  )
  return (
    <section aria-labelledby="answers-heading" className="card">
      <h2 id="answers-heading">{t('appeal.answers')}</h2>
      {answers.length === 0 && queued.length === 0 && (
        <p className="muted">{t('appeal.noAnswers')}</p>
      )}
      <ol className="answers">
        {answers.map((answer) => (
          <li key={answer.id} className="answer">
            <p className="answer__meta">
              <strong>{t(enumKey('answer.kind', answer.kind))}</strong> · {answer.author.name} ·{' '}
              <time dateTime={answer.submittedAt}>{formatDateTime(answer.submittedAt)}</time> ·{' '}
              <span className={`review review--${answer.review.toLowerCase()}`}>
                {t(enumKey('answer.review', answer.review))}
              </span>
            </p>
            <p className="appeal-text">{answer.text}</p>
            {answer.originalText && (
              // Both versions stay visible to staff: what the author wrote and what was published.
              <details className="answer__original">
                <summary>
                  {t('answer.edited', {
                    name: answer.editedBy?.name ?? '',
                    time: answer.editedAt ? formatDateTime(answer.editedAt) : '',
                  })}
                </summary>
                <p className="appeal-text">{answer.originalText}</p>
              </details>
            )}
            {renderDelivery?.(answer)}
            {answer.reviewComment && (
              <p className="notice notice--warning">
                {t('appeal.reviewComment', { comment: answer.reviewComment })}
              </p>
            )}
          </li>
        ))}
        {queued.map(({ entry, action }) => (
          <li key={entry.id} className="answer answer--pending" data-outbox-state={entry.state}>
            <p className="answer__meta">
              <strong>{t(enumKey('answer.kind', action.answerKind))}</strong> ·{' '}
              <span className="badge badge--pending">
                {entry.state === 'failed' ? t('outbox.failed') : t('outbox.pending')}
              </span>
            </p>
            <p className="appeal-text">{action.text}</p>
          </li>
        ))}
      </ol>
    </section>
  )
}
