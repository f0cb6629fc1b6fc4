import { useCallback, useEffect, useRef, useState } from 'react'
import { useClient } from 'urql'
import {
  ChannelAccountsDocument,
  DeliveryAppealChangedDocument,
  type DeliveryAppealChangedSubscription,
  type DeliveryState,
} from '@/gql/graphql'
import { useLiveEvents } from '@/lib/graphql/use-live-events'

export type DeliveryEvent = DeliveryAppealChangedSubscription['appealChanged']

/** An answer the channel did not take: given up (FAILED) or parked on a broken or disabled account. */
export interface DeliveryAlert {
  appealId: string
  answerId: string
  state: DeliveryState
  reason: string | null
  at: string
}

/** How many alerts are kept; the notice counts them. */
export const MAX_DELIVERY_ALERTS = 50

type Delivered = NonNullable<DeliveryEvent['appeal']['answers'][number]['delivery']> & {
  answerId: string
}

/** The delivery this event is about: the one set last (an event does not name its answer). */
export function latestDelivery(appeal: DeliveryEvent['appeal']): Delivered | null {
  let latest: Delivered | null = null
  for (const answer of appeal.answers) {
    const delivery = answer.delivery
    if (!delivery) continue
    if (!latest || Date.parse(delivery.at) >= Date.parse(latest.at))
      latest = { answerId: answer.id, ...delivery }
  }
  return latest
}

/**
 * FAILED, or PENDING with a reason and no next attempt: parked until a curator fixes the account. A
 * PENDING with a next attempt is a temporary failure that the server retries by itself: no notice.
 */
export function isUndelivered(delivery: Delivered): boolean {
  if (delivery.state === 'FAILED') return true
  return delivery.state === 'PENDING' && Boolean(delivery.error) && !delivery.nextAttemptAt
}

/** What a DELIVERY_UPDATED event says about its answer: `alert` null when nothing is wrong with it (now). */
export interface DeliveryOutcome {
  appealId: string
  answerId: string
  alert: DeliveryAlert | null
}

/** The outcome of a DELIVERY_UPDATED event; null for other events (and appeals without deliveries). */
export function deliveryOutcome(event: DeliveryEvent): DeliveryOutcome | null {
  if (event.type !== 'DELIVERY_UPDATED') return null
  const delivery = latestDelivery(event.appeal)
  if (!delivery) return null
  const appealId = event.appeal.id
  const { answerId } = delivery
  if (!isUndelivered(delivery)) return { appealId, answerId, alert: null }
  const alert = {
    appealId,
    answerId,
    state: delivery.state,
    reason: delivery.error ?? null,
    at: delivery.at,
  }
  return { appealId, answerId, alert }
}

/**
 * Adds what an event says, newest first: an undelivered answer replaces its earlier alert, and an answer
 * delivered since (sent, published by hand, queued again) drops its alert. Other events change nothing.
 */
export function addDeliveryEvent(
  previous: readonly DeliveryAlert[],
  event: DeliveryEvent,
): readonly DeliveryAlert[] {
  const outcome = deliveryOutcome(event)
  if (!outcome) return previous
  const rest = previous.filter(
    (other) => !(other.appealId === outcome.appealId && other.answerId === outcome.answerId),
  )
  if (!outcome.alert) return rest.length === previous.length ? previous : rest
  return [outcome.alert, ...rest].slice(0, MAX_DELIVERY_ALERTS)
}

/** How long a burst of failures (a token revoked: every queued answer parks) waits for one refetch. */
export const ACCOUNTS_REFETCH_DELAY_MS = 1000

/**
 * Answers not delivered across the region (appealChanged, DELIVERY_UPDATED), for curators. The stream's
 * cursor is kept on the device, so failures while the app was closed show when it opens. Each failure
 * fetches the accounts again (debounced): their health feeds the «Каналы» tab's badge.
 */
export function useDeliveryAlerts(owner: string) {
  const client = useClient()
  const [alerts, setAlerts] = useState<readonly DeliveryAlert[]>([])
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined)
  const refetchAccountsSoon = useCallback(() => {
    clearTimeout(timer.current)
    timer.current = setTimeout(() => {
      void client.query(ChannelAccountsDocument, {}, { requestPolicy: 'network-only' }).toPromise()
    }, ACCOUNTS_REFETCH_DELAY_MS)
  }, [client])
  useEffect(() => () => clearTimeout(timer.current), [])

  useLiveEvents({
    query: DeliveryAppealChangedDocument,
    variables: {},
    stream: 'delivery:all',
    owner,
    select: (result) => result.appealChanged,
    onEvent: (event) => {
      setAlerts((previous) => addDeliveryEvent(previous, event))
      if (deliveryOutcome(event)?.alert) refetchAccountsSoon()
    },
  })
  const dismiss = useCallback(() => setAlerts([]), [])
  return { alerts, dismiss }
}
