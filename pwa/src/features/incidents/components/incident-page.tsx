import { useEffect, useState } from 'react'
import { useMutation, useQuery, useSubscription } from 'urql'
import { Link, useParams } from 'wouter'
import { ErrorState, LoadingState } from '@/components/page-states'
import { StatusBadge } from '@/components/status-badge'
import {
  AnswerIncidentDocument,
  CloseIncidentDocument,
  IncidentLiveDocument,
  MergeCandidatesDocument,
  MergeIncidentsDocument,
  SplitIncidentDocument,
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
  const [selected, setSelected] = useState<string[]>([])
  const [newIncidentId, setNewIncidentId] = useState<string | null>(null)
  const [, split] = useMutation(SplitIncidentDocument)
  const [, merge] = useMutation(MergeIncidentsDocument)
  const [, close] = useMutation(CloseIncidentDocument)
  const [merging, setMerging] = useState(false)
  const [mergeWith, setMergeWith] = useState('')
  const [candidates] = useQuery({ query: MergeCandidatesDocument, pause: !curator || !merging })
  // Live: another curator's merge or split, new member appeals, answers. The event carries only the
  // incident's head, so the page asks again for its members.
  const [live] = useSubscription({ query: IncidentLiveDocument, variables: { incidentId } })
  const liveEvent = live.data?.incidentUpdated
  useEffect(() => {
    if (liveEvent) refresh({ requestPolicy: 'network-only' })
  }, [liveEvent, refresh])

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

  const report = (errors: readonly { message: string }[], ok: string) =>
    setMessage(errors.length ? errors.map((e) => e.message).join(' ') : ok)

  async function onSplit() {
    const result = await split({ input: { incidentId, appealIds: selected } })
    const payload = result.data?.splitIncident
    if (!payload) return
    report(payload.errors, t('incident.splitDone'))
    if (!payload.errors.length) {
      setSelected([])
      setNewIncidentId(payload.newIncident?.id ?? null)
    }
    reload()
  }

  async function onMerge() {
    if (!mergeWith) return
    const result = await merge({ input: { incidentId, otherIncidentIds: [mergeWith] } })
    const errors = result.data?.mergeIncidents.errors ?? []
    report(errors, t('incident.merged'))
    if (!errors.length) {
      setMerging(false)
      setMergeWith('')
    }
    reload()
  }

  async function onClose() {
    const result = await close({ input: { incidentId } })
    report(result.data?.closeIncident.errors ?? [], t('incident.closed'))
    reload()
  }

  const open = incident.status !== 'CLOSED' && incident.status !== 'MERGED'
  const others = (candidates.data?.incidents.edges ?? [])
    .map((edge) => edge.node)
    .filter((other) => other.id !== incidentId)

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
          {message}{' '}
          {newIncidentId && (
            <Link href={`/incidents/${newIncidentId}`}>{t('incident.openNew')}</Link>
          )}
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
      {curator && open && (
        <div className="card__row">
          <button type="button" className="button" onClick={() => setMerging(!merging)}>
            {t('incident.merge')}
          </button>{' '}
          <button type="button" className="button button--text" onClick={() => void onClose()}>
            {t('incident.close')}
          </button>
        </div>
      )}
      {curator && open && merging && (
        <div className="card">
          {candidates.data && others.length === 0 ? (
            <p className="muted">{t('incident.mergeNone')}</p>
          ) : (
            <label>
              {t('incident.mergeWith')}{' '}
              <select value={mergeWith} onChange={(e) => setMergeWith(e.target.value)}>
                <option value="">—</option>
                {others.map((other) => (
                  <option key={other.id} value={other.id}>
                    {other.title} ({other.size})
                  </option>
                ))}
              </select>
            </label>
          )}
          <button
            type="button"
            className="button button--primary"
            disabled={!mergeWith}
            onClick={() => void onMerge()}
          >
            {t('incident.mergeConfirm')}
          </button>
        </div>
      )}
      <section className="card" aria-labelledby="incident-members">
        <h2 id="incident-members">{t('incident.members')}</h2>
        <ul className="plain-list">
          {incident.appeals.edges.map(({ node }) => (
            <li key={node.id}>
              {curator && open && (
                <input
                  type="checkbox"
                  aria-label={t('incident.select', { number: node.number ?? node.id })}
                  checked={selected.includes(node.id)}
                  onChange={(e) =>
                    setSelected(
                      e.target.checked
                        ? [...selected, node.id]
                        : selected.filter((id) => id !== node.id),
                    )
                  }
                />
              )}{' '}
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
        {curator && open && (
          <button
            type="button"
            className="button"
            disabled={selected.length === 0}
            onClick={() => void onSplit()}
          >
            {t('incident.split')}
          </button>
        )}
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
