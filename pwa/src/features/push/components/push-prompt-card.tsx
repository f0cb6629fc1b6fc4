import { useState } from 'react'
import { Link } from 'wouter'
import { useT } from '@/lib/i18n'
import { canReceivePush } from '../hooks/notice-kinds'
import { dismissPrompt, permission, promptDismissed, pushSupport } from '../hooks/push-support'
import { usePushCommands } from '../hooks/use-push'
import { EnablePushButton } from './enable-push-button'

/**
 * A dismissible card in the queue, after sign-in and never on the first screen of a first visit's sign-in
 * page: it says why notices help before the browser's own permission prompt appears, and only on a click.
 */
export function PushPromptCard({ roles }: { roles: readonly string[] }) {
  const t = useT()
  const commands = usePushCommands()
  const [hidden, setHidden] = useState(() => promptDismissed())
  const [message, setMessage] = useState<string | null>(null)
  const support = pushSupport()
  if (hidden || !canReceivePush(roles) || support === 'unsupported') return null
  if (support === 'supported' && permission() !== 'default' && !message) return null

  const close = () => {
    dismissPrompt()
    setHidden(true)
  }

  return (
    <aside className="card push-prompt" aria-labelledby="push-prompt-heading">
      <h2 id="push-prompt-heading">{t('push.promptTitle')}</h2>
      <p>{t('push.why')}</p>
      {support === 'ios-needs-home-screen' ? (
        <p role="note">{t('push.iosHomeScreen')}</p>
      ) : (
        !message && <EnablePushButton commands={commands} onOutcome={setMessage} />
      )}
      {message && <p role="status">{message}</p>}
      <p className="muted">
        <Link href="/profile">{t('push.settingsLink')}</Link>
      </p>
      <button type="button" className="button button--secondary" onClick={close}>
        {t('push.later')}
      </button>
    </aside>
  )
}
