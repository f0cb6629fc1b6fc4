import { Link } from 'wouter'
import { useIdentity } from '@/lib/oidc/session-context'
import { useMe } from '@/features/auth'
import { enumKey, useT } from '@/lib/i18n'
import { useSlaAlerts } from '../hooks/use-sla-alerts'

/**
 * One quiet line under the app bar when a deadline of the agency's appeals becomes at risk or is
 * breached: the newest alert with a link to the appeal, how many more, and a dismiss button.
 * Announced politely; it never takes focus.
 */
export function SlaAlertNotice() {
  const t = useT()
  const { subject } = useIdentity()
  const { me } = useMe()
  const { alerts, dismiss } = useSlaAlerts(me?.agency?.id ?? null, subject)
  const [latest] = alerts
  return (
    <div className="sla-alert-region" role="status" aria-live="polite">
      {latest && (
        <div className={`sla-alert sla-alert--${latest.state.toLowerCase().replace('_', '-')}`}>
          <Link href={`/appeals/${latest.appeal.id}`} className="sla-alert__text" onClick={dismiss}>
            {t(latest.state === 'BREACHED' ? 'alerts.breached' : 'alerts.atRisk', {
              clock: t(
                latest.clock === 'FIRST_RESPONSE' ? 'alerts.firstResponse' : 'alerts.finalAnswer',
              ),
              category: t(enumKey('category', latest.appeal.category)),
            })}
            {alerts.length > 1 && ` ${t('alerts.more', { count: alerts.length - 1 })}`}
          </Link>
          <button
            type="button"
            className="button button--text"
            onClick={dismiss}
            aria-label={t('alerts.dismiss')}
          >
            ×
          </button>
        </div>
      )}
    </div>
  )
}
