import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from '@/app/app'
import '@/app/styles.css'
import { getLocale } from '@/lib/i18n'
import { loadAuthConfig } from '@/lib/oidc/auth-config'
import { CALLBACK_PATH, Session } from '@/lib/oidc/session'

document.documentElement.lang = getLocale()

const inHiddenFrame = window.self !== window.top
if (inHiddenFrame && window.location.pathname === CALLBACK_PATH) {
  // A silent token renewal finished in a hidden iframe: hand the result to the parent, render nothing.
  void loadAuthConfig().then((config) => new Session(config).completeSilentRenew())
} else {
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App />
    </StrictMode>,
  )
}
