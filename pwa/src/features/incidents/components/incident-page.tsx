import { useState } from 'react'
import { useMutation, useQuery } from 'urql'
import { Link, useParams } from 'wouter'
import { ErrorState, LoadingState } from '@/components/page-states'
import { StatusBadge } from '@/components/status-badge'
import {
  AnswerIncidentDocument,
  ConfirmIncidentDocument,
  DetachAppealFromIncidentDocument,
  IncidentDocument,
} from '@/gql/graphql'
import type { AnswerKind } from '@/gql/graphql'
import { enumKey, useT } from '@/lib/i18n'
import { useIdentity } from '@/lib/oidc/session-context'

/**
 * A mass incident: its title, place, size and member appeals; curators confirm it and detach appeals,
 * executors and heads of the agency answer every member at once (each appeal through its own rules).
 */
export function IncidentPage() {
  const t = useT()
  const { incidentId = '' } = useParams<{ incidentId: string }>()
  const { roles } = useIdentity()
  const curator = roles.includes('CURATOR')
  const answers = roles.includes('EXECUTOR') || roles.includes('HEAD')
  const [{ data, fetching, error }, refresh] = useQuery({
    query: IncidentDocument,
    variables: { id: incidentId },
  })
  const [confirmState, confirm] = useMutation(ConfirmIncidentDocument)
  const [, detach] = useMutation(DetachAppealFromIncidentDocument)
  const [answerState, answer] = useMutation(AnswerIncidentDocument)
  const [text, setText] = useState('')
  const [kind, setKind] = useState<AnswerKind>('INTERIM')
  const [message, setMessage] = useState<string | null>(null)

  if (fetching && !data) return <LoadingState />
  if (error && !data)
    return <ErrorState onRetry={() => refresh({ requestPolicy: 'network-only' })} />
  const incident = data?.incident
  if (!incident) {
    return (
      <section className="page">
        <h1 tabIndex={-1}>{t('incident.notFound')}</h1>
      </section>
    )
  }
  const reload = () => refresh({ requestPolicy: 'network-only' })
  const place = [
    incident.settlement,
    incident.municipality ? t(enumKey('municipality', incident.municipality)) : null,
  ]
    .filter(Boolean)
    .join(', ')

  async function onConfirm() {
    const result = await confirm({ input: { incidentId } })
    const errors = result.data?.confirmIncident.errors ?? []
    setMessage(errors.length ? errors.map((e) => e.message).join(' ') : t('incident.confirmed'))
    reload()
  }

  async function onDetach(appealId: string) {
    const result = await detach({ input: { incidentId, appealId } })
    const errors = result.data?.detachAppealFromIncident.errors ?? []
    setMessage(errors.length ? errors.map((e) => e.message).join(' ') : t('incident.detached'))
    reload()
  }

  async function onAnswer() {
    const result = await answer({ input: { incidentId, kind, text } })
    const payload = result.data?.answerIncident
    if (!payload) return
    if (payload.errors.length) {
      setMessage(payload.errors.map((e) => e.message).join(' '))
      return
    }
    const refused = payload.results.filter((r) => r.errors.length > 0).length
    setMessage(
      t('incident.answered', {
        count: payload.results.length - refused,
        refused,
        skipped: payload.skipped,
      }),
    )
    setText('')
    reload()
  }

  return (
    <article className="page" aria-labelledby="incident-heading">
      <header>
        <p className="card__meta">{t('incident.kicker')}</p>
        <h1 id="incident-heading" tabIndex={-1}>
          {incident.title}
        </h1>
        <p className="card__row">
          <span className="badge">{t(enumKey('incident.status', incident.status))}</span>{' '}
          {t(enumKey('category', incident.category))}
          {place && ` · ${place}`} · {t('incident.size', { count: incident.size })}
        </p>
        {incident.mergedIntoId && (
          <p>
            <Link href={`/incidents/${incident.mergedIntoId}`}>{t('incident.mergedInto')}</Link>
          </p>
        )}
      </header>
      {message && (
        <p role="status" className="notice">
          {message}
        </p>
      )}
      {curator && incident.status === 'SUGGESTED' && (
        <button
          type="button"
          className="button button--primary"
          disabled={confirmState.fetching}
          onClick={onConfirm}
        >
          {t('incident.confirm')}
        </button>
      )}
      <section className="card" aria-labelledby="incident-members">
        <h2 id="incident-members">{t('incident.members')}</h2>
        <ul className="plain-list">
          {incident.appeals.edges.map(({ node }) => (
            <li key={node.id}>
              <Link href={`/appeals/${node.id}`}>{node.number ?? node.id}</Link>{' '}
              <StatusBadge status={node.status} /> <span>{node.text.slice(0, 140)}</span>{' '}
              {curator && (
                <button
                  type="button"
                  className="button button--text"
                  onClick={() => onDetach(node.id)}
                >
                  {t('incident.detach')}
                </button>
              )}
            </li>
          ))}
        </ul>
      </section>
      {incident.replies.length > 0 && (
        <section className="card" aria-labelledby="incident-replies">
          <h2 id="incident-replies">{t('incident.replies')}</h2>
          {incident.replies.map((reply) => (
            <p key={reply.at}>
              <span className="muted">{t(enumKey('answer.kind', reply.kind))}:</span> {reply.text}
            </p>
          ))}
        </section>
      )}
      {answers && (
        <section className="card" aria-labelledby="incident-answer">
          <h2 id="incident-answer">{t('incident.answerTitle')}</h2>
          <p className="muted">{t('incident.answerHint')}</p>
          <label>
            {t('incident.answerKind')}{' '}
            <select value={kind} onChange={(e) => setKind(e.target.value as AnswerKind)}>
              <option value="INTERIM">{t('answer.kind.INTERIM')}</option>
              <option value="FINAL">{t('answer.kind.FINAL')}</option>
            </select>
          </label>
          <label>
            {t('incident.answerText')}
            <textarea value={text} rows={5} onChange={(e) => setText(e.target.value)} />
          </label>
          <button
            type="button"
            className="button button--primary"
            disabled={answerState.fetching || text.trim() === ''}
            onClick={onAnswer}
          >
            {t('incident.answerSend')}
          </button>
        </section>
      )}
    </article>
  )
}
