import { useState } from 'react'
import { Redirect, useSearchParams } from 'wouter'
import { useSession, useSessionState } from '@/lib/oidc/session-context'
import { useOnline } from '@/hooks/use-online'
import { useT } from '@/lib/i18n'

export function SignInPage() {
  const t = useT()
  const session = useSession()
  const state = useSessionState()
  const online = useOnline()
  const [params] = useSearchParams()
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  // Only a path inside the app, never an absolute URL (no open redirect).
  const requested = params.get('from') ?? '/'
  const from = requested.startsWith('/') && !requested.startsWith('//') ? requested : '/'

  if (state.status === 'signed-in' && !state.expired) return <Redirect to={from} replace />

  const signIn = async () => {
    setBusy(true)
    setError(null)
    try {
      await session.signIn(from)
    } catch (cause) {
      setBusy(false)
      setError(cause instanceof Error ? cause.message : String(cause))
    }
  }

  return (
    <main id="main" className="sign-in" tabIndex={-1}>
      <img className="sign-in__logo" src="/icons/icon-192.png" alt="" width={96} height={96} />
      <h1>{t('auth.title')}</h1>
      <p className="sign-in__lead">{t('auth.lead')}</p>
      {!online && <p className="notice notice--warning">{t('auth.offlineNoSession')}</p>}
      {error && (
        <p className="notice notice--error" role="alert">
          {t('auth.failed', { message: error })}
        </p>
      )}
      <button
        type="button"
        className="button button--primary button--wide"
        onClick={signIn}
        disabled={busy || !online}
      >
        {busy ? t('auth.signingIn') : t('auth.signIn')}
      </button>
    </main>
  )
}
