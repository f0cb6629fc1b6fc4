import { useLocation, useParams } from 'wouter'
import { AppealHolder, AppealNumber } from '@/components/appeal-number'
import { AppealText } from '@/components/appeal-text'
import { ErrorState, LoadingState } from '@/components/page-states'
import { StatusBadge } from '@/components/status-badge'
import { enumKey, useT } from '@/lib/i18n'
import { useAppeal } from '../hooks/use-appeal'
import { useOutboxEntries } from '@/lib/offline/use-outbox'
import { AnswerDelivery } from './answer-delivery'
import { AnswerList } from './answer-list'
import { AppealActions } from './appeal-actions'
import { AppealDetails } from './appeal-details'
import { AppealHistory } from './appeal-history'
import { AppealNotes } from './appeal-notes'
import { AppealSource } from './appeal-source'
import { CitizenLink } from './citizen-link'
import { CitizenMessages } from './citizen-messages'
import { OutboxList } from './outbox-list'
import { SlaClocks } from './sla-clocks'
import { IncidentChip } from '@/features/incidents'

/** The appeal card: the citizen's text, facts, deadlines, answers, history and the actions allowed. */
export function AppealPage() {
  const t = useT()
  const { appealId = '' } = useParams<{ appealId: string }>()
  const [, navigate] = useLocation()
  const { appeal, loading, error, refresh } = useAppeal(appealId)
  const pending = useOutboxEntries(appealId)

  const back = (
    <button
      type="button"
      className="button button--text back"
      onClick={() => (window.history.length > 1 ? window.history.back() : navigate('/'))}
    >
      ← {t('app.back')}
    </button>
  )
  if (loading)
    return (
      <section className="page">
        {back}
        <LoadingState />
      </section>
    )
  if (error)
    return (
      <section className="page">
        {back}
        <ErrorState onRetry={refresh} />
      </section>
    )
  if (!appeal) {
    return (
      <section className="page">
        {back}
        <h1 tabIndex={-1}>{t('appeal.notFound')}</h1>
      </section>
    )
  }
  return (
    <article className="page appeal" aria-labelledby="appeal-heading">
      {back}
      <header className="appeal__header">
        <p className="card__meta">
          <AppealNumber number={appeal.number} />
        </p>
        <h1 id="appeal-heading" tabIndex={-1}>
          {t(enumKey('category', appeal.category))}
          {appeal.municipality && ` · ${t(enumKey('municipality', appeal.municipality))}`}
        </h1>
        <p className="card__row">
          <StatusBadge status={appeal.status} />
          {appeal.urgent && <span className="badge badge--urgent">{t('queue.urgent')}</span>}
          {pending.length > 0 && (
            <span className="badge badge--pending">{t('appeal.pending')}</span>
          )}
        </p>
        <p className="card__row">
          <AppealHolder executor={appeal.executor} assigned={Boolean(appeal.agency)} />
        </p>
        <AppealSource appeal={appeal} />
        <IncidentChip appealId={appeal.id} />
      </header>
      <section aria-label={t('appeal.text')} className="card card--text">
        <AppealText text={appeal.text} />
      </section>
      <CitizenMessages messages={appeal.messages} />
      {/* A refusal for low quality is shown in the answer editor, with the way back to the text. */}
      <OutboxList
        entries={pending.filter(
          (entry) => !(entry.state === 'failed' && entry.error?.code === 'LOW_QUALITY'),
        )}
      />
      <SlaClocks appeal={appeal} />
      <AppealActions appeal={appeal} />
      <AnswerList
        answers={appeal.answers}
        pending={pending}
        renderDelivery={(answer) => <AnswerDelivery appeal={appeal} answer={answer} />}
      />
      <CitizenLink appealId={appeal.id} />
      <AppealNotes appealId={appeal.id} />
      <AppealDetails appeal={appeal} />
      <AppealHistory history={appeal.history} />
    </article>
  )
}
