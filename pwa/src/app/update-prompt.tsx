import { useEffect, useState } from 'react'
import { useT } from '@/lib/i18n'

/**
 * Registers the service worker after the app has rendered and, when a new version is waiting,
 * asks before switching (an executor may be in the middle of an answer; drafts survive anyway).
 */
export function UpdatePrompt() {
  const t = useT()
  const [update, setUpdate] = useState<(() => Promise<void>) | null>(null)
  const [offlineReady, setOfflineReady] = useState(false)

  useEffect(() => {
    if (!('serviceWorker' in navigator) || import.meta.env.DEV) return
    let cancelled = false
    void import('virtual:pwa-register').then(({ registerSW }) => {
      if (cancelled) return
      const updateSW = registerSW({
        onNeedRefresh: () => setUpdate(() => () => updateSW(true)),
        onOfflineReady: () => setOfflineReady(true),
        // Installed apps stay open for days: look for a new version every hour.
        onRegisteredSW: (_url, registration) => {
          if (registration) setInterval(() => void registration.update(), 60 * 60 * 1000)
        },
      })
    })
    return () => {
      cancelled = true
    }
  }, [])

  if (update) {
    return (
      <div className="snackbar" role="alertdialog" aria-labelledby="update-text">
        <span id="update-text">{t('app.updateAvailable')}</span>
        <button type="button" className="button button--text" onClick={() => setUpdate(null)}>
          {t('app.later')}
        </button>
        <button type="button" className="button button--primary" onClick={() => void update()}>
          {t('app.update')}
        </button>
      </div>
    )
  }
  if (offlineReady) {
    return (
      <div className="snackbar" role="status">
        <span>{t('app.offlineReady')}</span>
        <button
          type="button"
          className="button button--text"
          onClick={() => setOfflineReady(false)}
        >
          {t('app.close')}
        </button>
      </div>
    )
  }
  return null
}
