import { Link } from 'wouter'
import { LiveNotice } from '@/components/live-notice'
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
    <LiveNotice
      open={Boolean(latest)}
      className={latest ? `sla-alert--${latest.state.toLowerCase().replace('_', '-')}` : ''}
      dismissLabel={t('alerts.dismiss')}
      onDismiss={dismiss}
    >
      {latest && (
        <Link href={`/appeals/${latest.appeal.id}`} className="sla-alert__text" onClick={dismiss}>
          {t(latest.state === 'BREACHED' ? 'alerts.breached' : 'alerts.atRisk', {
            clock: t(
              latest.clock === 'FIRST_RESPONSE' ? 'alerts.firstResponse' : 'alerts.finalAnswer',
            ),
            category: t(enumKey('category', latest.appeal.category)),
          })}
          {alerts.length > 1 && ` ${t('alerts.more', { count: alerts.length - 1 })}`}
        </Link>
      )}
    </LiveNotice>
  )
}
