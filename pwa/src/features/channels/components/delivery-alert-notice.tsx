import { Link } from 'wouter'
import { LiveNotice } from '@/components/live-notice'
import { useIdentity } from '@/lib/oidc/session-context'
import { useT } from '@/lib/i18n'
import { useDeliveryAlerts, type DeliveryAlert } from '../hooks/use-delivery-alerts'

/**
 * One line under the app bar, for curators, when a channel did not take an answer (given up, or parked
 * on a broken or disabled account): the reason, links to the appeal and to «Каналы», and a dismiss
 * button. Several in a row are counted in one line. Announced politely; it never takes focus.
 */
export function DeliveryAlertNotice() {
  const { subject } = useIdentity()
  const { alerts, dismiss } = useDeliveryAlerts(subject)
  return <DeliveryAlertLine alerts={alerts} onDismiss={dismiss} />
}

/** The notice's line for the given alerts (newest first); the live region stays when it is empty. */
export function DeliveryAlertLine({
  alerts,
  onDismiss,
}: {
  alerts: readonly DeliveryAlert[]
  onDismiss: () => void
}) {
  const t = useT()
  const [latest] = alerts
  return (
    <LiveNotice
      open={Boolean(latest)}
      className="sla-alert--breached"
      dismissLabel={t('deliveryAlert.dismiss')}
      onDismiss={onDismiss}
    >
      {latest && (
        <p className="delivery-alert__text">
          {alerts.length > 1
            ? t('deliveryAlert.many', { count: alerts.length })
            : latest.reason
              ? t('deliveryAlert.one', { reason: latest.reason })
              : t('deliveryAlert.oneNoReason')}{' '}
          <Link href={`/appeals/${latest.appealId}`} onClick={onDismiss}>
            {alerts.length > 1 ? t('deliveryAlert.openLatest') : t('deliveryAlert.open')}
          </Link>
          {' · '}
          <Link href="/channels" onClick={onDismiss}>
            {t('nav.channels')}
          </Link>
        </p>
      )}
    </LiveNotice>
  )
}
