import { useState } from 'react'
import { useMutation, useQuery } from 'urql'
import {
  AppealCitizenLinkDocument,
  IssueCitizenLinkDocument,
  RevokeCitizenLinkDocument,
} from '@/gql/graphql'
import { copyText } from '@/lib/clipboard'
import { formatDateTime, useT } from '@/lib/i18n'
import { useIdentity } from '@/lib/oidc/session-context'

/**
 * The citizen's public page of the appeal: staff who may see it copy the address; curators revoke a link
 * that was passed around and issue a new one. Renders nothing for those the API gives no link to.
 */
export function CitizenLink({ appealId }: { appealId: string }) {
  const t = useT()
  const curator = useIdentity().roles.includes('CURATOR')
  const [{ data }, reload] = useQuery({
    query: AppealCitizenLinkDocument,
    variables: { id: appealId },
  })
  const [revokeState, revoke] = useMutation(RevokeCitizenLinkDocument)
  const [issueState, issue] = useMutation(IssueCitizenLinkDocument)
  const [message, setMessage] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  const link = data?.appeal?.citizenLink ?? null
  // Only curators may act on a missing link; others simply have nothing to see.
  if (!data?.appeal || (!link && !curator)) return null
  const address = link ? (link.url ?? new URL(link.path, window.location.origin).href) : null
  const inUse = link !== null && !link.revokedAt

  const done = (refused: { message: string } | undefined, failed: boolean, ok: string) => {
    if (failed || refused) {
      setMessage(null)
      setError(refused?.message ?? t('app.error'))
      return
    }
    setError(null)
    setMessage(ok)
    reload({ requestPolicy: 'network-only' })
  }

  async function onCopy() {
    if (!address) return
    const copied = await copyText(address)
    setError(copied ? null : t('citizenLink.copyFailed'))
    setMessage(copied ? t('citizenLink.copied') : null)
  }

  async function onRevoke() {
    if (!window.confirm(t('citizenLink.revokeConfirm'))) return
    const result = await revoke({ input: { appealId } })
    done(result.data?.revokeCitizenLink.errors[0], Boolean(result.error), t('citizenLink.revoked'))
  }

  async function onIssue() {
    const result = await issue({ input: { appealId } })
    done(result.data?.issueCitizenLink.errors[0], Boolean(result.error), t('citizenLink.issued'))
  }

  return (
    <section aria-labelledby="citizen-link-heading" className="card" data-testid="citizen-link">
      <h2 id="citizen-link-heading">{t('citizenLink.title')}</h2>
      {link && address ? (
        <>
          <p className="card__row">
            <code
              className={link.revokedAt ? 'citizen-link__address muted' : 'citizen-link__address'}
            >
              {address}
            </code>
          </p>
          <p className="muted small">
            {t('citizenLink.issuedAt', { at: formatDateTime(link.createdAt) })}
            {link.revokedAt &&
              ` · ${t('citizenLink.revokedAt', { at: formatDateTime(link.revokedAt) })}`}
          </p>
          {inUse && (
            <button type="button" className="button" onClick={() => void onCopy()}>
              {t('citizenLink.copy')}
            </button>
          )}
        </>
      ) : (
        <p className="muted">{t('citizenLink.none')}</p>
      )}
      {message && (
        <p role="status" className="notice">
          {message}
        </p>
      )}
      {error && (
        <p className="notice notice--error" role="alert">
          {error}
        </p>
      )}
      {curator && inUse && (
        <button
          type="button"
          className="button button--text"
          disabled={revokeState.fetching}
          onClick={() => void onRevoke()}
        >
          {t('citizenLink.revoke')}
        </button>
      )}
      {curator && !inUse && (
        <button
          type="button"
          className="button"
          disabled={issueState.fetching}
          onClick={() => void onIssue()}
        >
          {t('citizenLink.issue')}
        </button>
      )}
    </section>
  )
}
