import { useState } from 'react'
import { Link } from 'wouter'
import { RequireRole } from '@/components/require-role'
import { AppealNumber } from '@/components/appeal-number'
import { AppealText } from '@/components/appeal-text'
import { DownloadReport } from '@/components/download-report'
import { QueueFrame } from '@/components/queue-frame'
import { QualityReport, ReasonDialog, useAppealCommands } from '@/features/appeals'
import type { ReviewQueueQuery } from '@/gql/graphql'
import { enumKey, formatDateTime, useT } from '@/lib/i18n'
import { useReviewQueue } from '../hooks/use-review-queue'
import { RatingTasks } from './rating-tasks'
import { ReviewSettings } from './review-settings'

type Appeal = ReviewQueueQuery['appeals']['edges'][number]['node']
type ReviewAnswer = Appeal['answers'][number]

export function ReviewPage() {
  return (
    <RequireRole roles={['CURATOR']}>
      <Review />
      <RatingTasks />
    </RequireRole>
  )
}

function Review() {
  const t = useT()
  const queue = useReviewQueue()
  return (
    <QueueFrame
      title={t('review.title')}
      emptyText={t('review.empty')}
      queue={queue}
      size={queue.items.length}

      actions={
        <>
          <DownloadReport
            report="appeals"
            params={{ status: ['ON_REVIEW'], orderBy: 'RECEIVED_ASC' }}
          />
          <ReviewSettings />
        </>
      }
    >
      {queue.items.map(({ appeal, answer }) => (
        <ReviewItem key={appeal.id} appeal={appeal} answer={answer} />
      ))}
    </QueueFrame>
  )
}

function ReviewItem({ appeal, answer }: { appeal: Appeal; answer: ReviewAnswer | null }) {
  const t = useT()
  const commands = useAppealCommands()
  const [returning, setReturning] = useState(false)
  // The curator's edit of the text; null while the author's text is approved as written.
  const [edited, setEdited] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  const finish = (message: string | null) => {
    setError(message)
    if (!message) setReturning(false)
  }
  return (
    <li className="card" data-appeal-id={appeal.id}>
      <span className="card__meta">
        <AppealNumber number={appeal.number} />
      </span>
      <Link href={`/appeals/${appeal.id}`} className="card__title">
        {t(enumKey('category', appeal.category))} · {appeal.agency?.name}
      </Link>
      <h2 className="small-heading">{t('review.appeal')}</h2>
      <AppealText text={appeal.text} clamp />
      {answer && (
        <>
          <h2 className="small-heading">
            {t('review.answer')} · {t(enumKey('answer.kind', answer.kind))} · {answer.author.name} ·{' '}
            {formatDateTime(answer.submittedAt)}
          </h2>
          {answer.kind === 'INTERIM' && (
            <p className="notice notice--warning small">{t('review.interimHeld')}</p>
          )}
          {edited === null ? (
            <p className="appeal-text review-answer">{answer.text}</p>
          ) : (
            <>
              <label htmlFor={`edit-${answer.id}`}>{t('review.editLabel')}</label>
              <textarea
                id={`edit-${answer.id}`}
                className="editor__text"
                rows={6}
                value={edited}
                onChange={(event) => setEdited(event.target.value)}
              />
              <p className="muted small">{t('review.editHint')}</p>
            </>
          )}
          {answer.quality ? (
            <QualityReport
              report={answer.quality}
              text={answer.text}
              heading={t('review.quality')}
            />
          ) : (
            <p className="muted small">{t('review.noQuality')}</p>
          )}
        </>
      )}
      {error && !returning && (
        <p className="notice notice--error" role="alert">
          {error}
        </p>
      )}
      {/* What the server allows (viewerCan), for the answer awaiting review. */}
      {answer && (appeal.viewerCan.approve || appeal.viewerCan.return) && (
        <div className="actions__buttons">
          {appeal.viewerCan.approve && (
            <button
              type="button"
              className="button button--primary"
              disabled={commands.busy}
              onClick={() =>
                void commands
                  .run('approve', {
                    appealId: appeal.id,
                    answerId: answer.id,
                    expectedVersion: appeal.version,
                    ...(edited !== null && edited.trim() !== answer.text ? { text: edited } : {}),
                  })
                  .then(finish)
              }
            >
              {edited !== null && edited.trim() !== answer.text
                ? t('review.approveEdited')
                : t('actions.approve')}
            </button>
          )}
          {appeal.viewerCan.approve && edited === null && (
            <button type="button" className="button" onClick={() => setEdited(answer.text)}>
              {t('review.edit')}
            </button>
          )}
          {edited !== null && (
            <button type="button" className="button" onClick={() => setEdited(null)}>
              {t('review.cancelEdit')}
            </button>
          )}
          {appeal.viewerCan.return && (
            <button type="button" className="button" onClick={() => setReturning(true)}>
              {t('actions.return')}
            </button>
          )}
        </div>
      )}
      {answer && appeal.viewerCan.return && (
        <ReasonDialog
          open={returning}
          title={t('actions.return')}
          label={t('actions.comment')}
          submitLabel={t('actions.return')}
          busy={commands.busy}
          error={error}
          onClose={() => setReturning(false)}
          onSubmit={(comment) =>
            void commands
              .run('return', {
                appealId: appeal.id,
                answerId: answer.id,
                comment,
                expectedVersion: appeal.version,
              })
              .then(finish)
          }
        />
      )}
    </li>
  )
}
