import { useT } from '@/lib/i18n'
import type { usePushCommands } from '../hooks/use-push'

/**
 * «Включить уведомления»: asks the browser for permission and registers this device; the profile's section
 * and the queue's prompt card both show it and report its outcome (an error, or «enabled») themselves.
 */
export function EnablePushButton({
  commands,
  onOutcome,
}: {
  commands: ReturnType<typeof usePushCommands>
  onOutcome: (message: string) => void
}) {
  const t = useT()
  return (
    <button
      type="button"
      className="button"
      disabled={commands.busy}
      onClick={async () => onOutcome((await commands.enable()) ?? t('push.enabled'))}
    >
      {t('push.enable')}
    </button>
  )
}
