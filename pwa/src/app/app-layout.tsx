import { useEffect, useRef, type ComponentType } from 'react'
import { Link, Redirect, useLocation } from 'wouter'
import { useOutboxEntries } from '@/lib/offline/use-outbox'
import { SlaAlertNotice } from '@/features/queue'
import { BrokenAccountsBadge, DeliveryAlertNotice } from '@/features/channels'
import { useOnline } from '@/hooks/use-online'
import { useLiveStatus } from '@/lib/graphql/live-status'
import { useT, type MessageKey } from '@/lib/i18n'
import type { Role } from '@/lib/oidc/claims'
import { ProtectedRoutes } from './protected-routes'
import { useSession, useSessionState } from '@/lib/oidc/session-context'
import { SignedInProviders } from './signed-in-providers'

interface Tab {
  to: string
  label: MessageKey
  icon: string
  roles: Role[]
  /** Rendered on the tab (only for users who see it), e.g. a count that needs attention. */
  badge?: ComponentType
}

const TABS: Tab[] = [
  {
    to: '/queue',
    label: 'nav.queue',
    icon: 'M4 6h16M4 12h16M4 18h10',
    roles: ['EXECUTOR', 'HEAD'],
  },
  { to: '/moderation', label: 'nav.moderation', icon: 'M4 4h16v12H7l-3 3z', roles: ['CURATOR'] },
  { to: '/review', label: 'nav.review', icon: 'M5 12l4 4L19 6', roles: ['CURATOR'] },
  {
    to: '/appeals',
    label: 'nav.appeals',
    icon: 'M11 18a7 7 0 1 0 0-14 7 7 0 0 0 0 14zm5-2 4 4',
    roles: ['CURATOR'],
  },
  {
    to: '/channels',
    label: 'nav.channels',
    icon: 'M5 13a7 7 0 0 1 14 0M8.5 13a3.5 3.5 0 0 1 7 0M12 13v7',
    roles: ['CURATOR'],
    badge: BrokenAccountsBadge,
  },
  {
    to: '/dashboard',
    label: 'nav.dashboard',
    icon: 'M5 20V10M12 20V4M19 20v-7',
    roles: ['HEAD', 'CURATOR'],
  },
  {
    to: '/profile',
    label: 'nav.profile',
    icon: 'M12 12a4 4 0 1 0 0-8 4 4 0 0 0 0 8zm-7 8a7 7 0 0 1 14 0',
    roles: ['EXECUTOR', 'HEAD', 'CURATOR', 'INTEGRATOR'],
  },
]

/** The protected shell: app bar, content, bottom tab bar. Signed-out users go to the sign-in page. */
export function AppLayout() {
  const state = useSessionState()
  const [path] = useLocation()
  if (state.status === 'signed-out' || state.status === 'error') {
    const from = path + window.location.search
    return <Redirect to={`/sign-in?from=${encodeURIComponent(from)}`} replace />
  }
  if (state.status === 'loading') return <p className="page-loading">…</p>
  return (
    <SignedInProviders identity={state.identity}>
      <Shell roles={state.identity.roles} expired={state.expired} />
    </SignedInProviders>
  )
}

function Shell({ roles, expired }: { roles: Role[]; expired: boolean }) {
  const t = useT()
  const session = useSession()
  const online = useOnline()
  const live = useLiveStatus()
  const outbox = useOutboxEntries()
  const [path] = useLocation()
  const first = useRef(true)
  const tabs = TABS.filter((tab) => tab.roles.some((role) => roles.includes(role)))

  // Move focus to the new page's heading so screen readers announce the navigation.
  useEffect(() => {
    if (first.current) {
      first.current = false
      return
    }
    if (path) document.querySelector<HTMLElement>('main h1')?.focus()
  }, [path])

  return (
    <div className="app">
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="app-bar">
        <span className="app-bar__title">{t('app.name')}</span>
        <span className="app-bar__status">
          {outbox.length > 0 && (
            <Link href="/profile" className="pill pill--pending">
              {t('outbox.count', { count: outbox.length })}
            </Link>
          )}
          {!online ? (
            <span className="pill pill--offline" role="status">
              {t('app.offline')}
            </span>
          ) : (
            <span
              className={`live-dot live-dot--${live}`}
              role="img"
              aria-label={
                live === 'reconnecting' ? t('app.liveReconnecting') : t('app.liveConnected')
              }
              title={live === 'reconnecting' ? t('app.liveReconnecting') : t('app.liveConnected')}
            />
          )}
        </span>
      </header>
      {expired && (
        <div className="banner" role="alert">
          <span>{t('auth.sessionExpired')}</span>
          <button
            type="button"
            className="button button--primary"
            onClick={() => void session.signIn()}
          >
            {t('auth.signIn')}
          </button>
        </div>
      )}
      {!online && <p className="banner banner--offline">{t('app.offlineHint')}</p>}
      {roles.some((role) => role === 'EXECUTOR' || role === 'HEAD') && <SlaAlertNotice />}
      {roles.includes('CURATOR') && <DeliveryAlertNotice />}
      <main id="main" className="content" tabIndex={-1}>
        <ProtectedRoutes />
      </main>
      <nav className="tab-bar" aria-label={t('nav.main')}>
        {tabs.map((tab) => {
          const active = path === tab.to || path.startsWith(`${tab.to}/`)
          const Badge = tab.badge
          return (
            <Link
              key={tab.to}
              href={tab.to}
              className={active ? 'tab-bar__item active' : 'tab-bar__item'}
              aria-current={active ? 'page' : undefined}
            >
              <svg viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" focusable="false">
                <path
                  d={tab.icon}
                  fill="none"
                  stroke="currentColor"
                  strokeWidth="2"
                  strokeLinecap="round"
                  strokeLinejoin="round"
                />
              </svg>
              <span>{t(tab.label)}</span>
              {Badge && <Badge />}
            </Link>
          )
        })}
      </nav>
    </div>
  )
}
