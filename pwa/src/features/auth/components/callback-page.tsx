import { useEffect, useRef, useState } from 'react'
import { Link, useLocation } from 'wouter'
import { useSession } from '@/lib/oidc/session-context'
import { useT } from '@/lib/i18n'

/** Where the identity provider sends the browser back with the authorization code. */
export function CallbackPage() {
  const t = useT()
  const session = useSession()
  const [, navigate] = useLocation()
  const [error, setError] = useState<string | null>(null)
  const started = useRef(false)

  useEffect(() => {
    // The code can be exchanged once; StrictMode's second effect run must not try again.
    if (started.current) return
    started.current = true
    session
      .completeSignIn()
      .then((returnTo) => navigate(returnTo, { replace: true }))
      .catch((cause: unknown) => setError(cause instanceof Error ? cause.message : String(cause)))
  }, [session, navigate])

  return (
    <main id="main" className="sign-in" tabIndex={-1}>
      {error ? (
        <>
          <h1>{t('auth.title')}</h1>
          <p className="notice notice--error" role="alert">
            {t('auth.failed', { message: error })}
          </p>
          <Link className="button button--primary" href="/sign-in" replace>
            {t('auth.signIn')}
          </Link>
        </>
      ) : (
        <p role="status">{t('auth.completing')}</p>
      )}
    </main>
  )
}
