import { useCallback, useState } from 'react'
import { QueueSlaAlertedDocument, type QueueSlaAlertedSubscription } from '@/gql/graphql'
import { useLiveEvents } from '@/lib/graphql/use-live-events'
import { OPEN_STATUSES } from './use-queue'

export type SlaAlert = QueueSlaAlertedSubscription['slaAlerted']

/** How many alerts are kept; the notice shows the newest and counts the rest. */
export const MAX_ALERTS = 20

/**
 * Adds an alert, newest first: a later alert about the same deadline replaces the earlier one
 * (BREACHED after AT_RISK), and alerts about appeals no longer open (answered since) are dropped.
 */
export function addAlert(previous: readonly SlaAlert[], alert: SlaAlert): SlaAlert[] {
  const same = (other: SlaAlert) =>
    other.appeal.id === alert.appeal.id && other.clock === alert.clock
  const rest = previous.filter((other) => !same(other))
  if (!OPEN_STATUSES.includes(alert.appeal.status)) return rest
  return [alert, ...rest].slice(0, MAX_ALERTS)
}

/**
 * SLA alerts of the agency (slaAlerted), for executors and heads. The stream's cursor is kept on the
 * device, so alerts announced while the app was closed arrive when it opens.
 */
export function useSlaAlerts(agencyId: string | null, owner: string) {
  const [alerts, setAlerts] = useState<SlaAlert[]>([])
  useLiveEvents({
    query: QueueSlaAlertedDocument,
    variables: { agencyId },
    stream: `sla:${agencyId}`,
    owner,
    pause: !agencyId,
    select: (result) => result.slaAlerted,
    onEvent: (alert) => setAlerts((previous) => addAlert(previous, alert)),
  })
  const dismiss = useCallback(() => setAlerts([]), [])
  return { alerts, dismiss }
}
