import { useEffect, useState } from 'react'
import { useT } from '@/lib/i18n'
import { loadAuthConfig } from '@/lib/oidc/auth-config'
import { Session } from '@/lib/oidc/session'
import { AppRoutes } from './router'
import { SessionContext } from '@/lib/oidc/session-context'
import { UpdatePrompt } from './update-prompt'

/** Boot: learn the identity provider, restore the stored user (no network needed), then route. */
export function App() {
  const t = useT()
  const [session, setSession] = useState<Session | null>(null)
  const [failed, setFailed] = useState(false)

  useEffect(() => {
    let cancelled = false
    loadAuthConfig()
      .then(async (config) => {
        const created = new Session(config)
        await created.restore()
        if (!cancelled) setSession(created)
      })
      .catch(() => !cancelled && setFailed(true))
    return () => {
      cancelled = true
    }
  }, [])

  if (failed) {
    return (
      <main id="main" className="sign-in">
        <h1>{t('app.name')}</h1>
        <p className="notice notice--error" role="alert">
          {t('auth.configFailed')}
        </p>
        <button
          type="button"
          className="button button--primary"
          onClick={() => window.location.reload()}
        >
          {t('app.retry')}
        </button>
      </main>
    )
  }
  if (!session) {
    return (
      <p className="page-loading" role="status">
        {t('app.loading')}
      </p>
    )
  }
  return (
    <SessionContext value={session}>
      <AppRoutes />
      {/* Registered on every screen, the sign-in page included: the shell is precached before the first sign-in. */}
      <UpdatePrompt />
    </SessionContext>
  )
}
