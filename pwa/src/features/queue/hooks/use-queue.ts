import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { useQuery } from 'urql'
import { useIdentity } from '@/lib/oidc/session-context'
import { useMe } from '@/features/auth'
import {
  MyQueueDocument,
  QueueAppealChangedDocument,
  QueueAppealReceivedDocument,
  type AppealEventType,
  type AppealFilter,
  type AppealStatus,
  type AppealSummaryFragment,
} from '@/gql/graphql'
import { useLiveEvents } from '@/lib/graphql/use-live-events'
import { urgencyOf, type Urgency } from '@/lib/sla/urgency'

export const OPEN_STATUSES: AppealStatus[] = ['ASSIGNED', 'IN_PROGRESS', 'ON_REVIEW']
export type StatusFilter = 'ACTIVE' | AppealStatus

export interface QueueRow {
  appeal: AppealSummaryFragment
  /** Null only for appeals stored before SLA tracking. */
  urgency: Urgency | null
  isNew: boolean
}

/**
 * Applies the status filter in the server's order (nearest deadline first, DUE_ASC); rows that left
 * the agency or the filter through a live update disappear at once.
 */
export function buildRows(
  appeals: AppealSummaryFragment[],
  options: { agencyId: string; filter: StatusFilter; fresh: Set<string>; now: Date },
): QueueRow[] {
  const wanted = options.filter === 'ACTIVE' ? OPEN_STATUSES : [options.filter]
  return appeals
    .filter((appeal) => wanted.includes(appeal.status) && appeal.agency?.id === options.agencyId)
    .map((appeal) => ({
      appeal,
      urgency: urgencyOf(appeal.sla, options.now),
      isNew: options.fresh.has(appeal.id),
    }))
}

/**
 * Changes after which the list is fetched again: the appeal joined or left the agency, or its next
 * deadline moved (a first response met, a pause, an extension), which changes its place in the order.
 */
export const REFETCH_ON: readonly AppealEventType[] = [
  'ASSIGNED',
  'REDIRECTED',
  'REOPENED',
  'ANSWER_RETURNED',
  'INTERIM_ANSWERED',
  'ANSWER_HELD',
  // Handed to a colleague or taken over: the new holder's queue shows it without a reload.
  'REASSIGNED',
  'PAUSED',
  'RESUMED',
  'EXTENDED',
]

export interface Arrival {
  id: string
  text: string
}

/**
 * The executor's (or head's) queue: the agency's open appeals, live. New and newly routed appeals
 * trigger a refetch and are flagged as new; changes update rows in place through the normalised cache.
 */
export function useQueue(statusFilter: StatusFilter, now: Date) {
  const identity = useIdentity()
  const { me, fetching: meFetching } = useMe()
  const agencyId = me?.agency?.id ?? null
  const filter = useMemo<AppealFilter>(() => ({ agencyId, statuses: OPEN_STATUSES }), [agencyId])
  const [{ data, fetching, error, stale }, reexecute] = useQuery({
    query: MyQueueDocument,
    variables: { filter },
    pause: !agencyId,
  })
  const [fresh, setFresh] = useState<Set<string>>(() => new Set())
  const [arrivals, setArrivals] = useState<Arrival[]>([])
  const refetchTimer = useRef<ReturnType<typeof setTimeout>>(undefined)

  const refresh = useCallback(() => reexecute({ requestPolicy: 'network-only' }), [reexecute])

  // Several events in a burst (a mass incident) cost one refetch.
  const refreshSoon = useCallback(() => {
    clearTimeout(refetchTimer.current)
    refetchTimer.current = setTimeout(refresh, 150)
  }, [refresh])
  useEffect(() => () => clearTimeout(refetchTimer.current), [])

  useLiveEvents({
    query: QueueAppealReceivedDocument,
    variables: { agencyId },
    stream: `received:${agencyId}`,
    owner: identity.subject,
    pause: !agencyId,
    select: (result) => result.appealReceived,
    onEvent: (event) => {
      setFresh((previous) => new Set(previous).add(event.appeal.id))
      setArrivals((previous) => [
        ...previous.filter((a) => a.id !== event.appeal.id),
        { id: event.appeal.id, text: event.appeal.text },
      ])
      refreshSoon()
    },
  })

  useLiveEvents({
    query: QueueAppealChangedDocument,
    variables: { agencyId },
    stream: `changed:${agencyId}`,
    owner: identity.subject,
    pause: !agencyId,
    select: (result) => result.appealChanged,
    // The cache has already merged event.appeal into the row; membership and order changes need the list again.
    onEvent: (event) => {
      if (REFETCH_ON.includes(event.type)) refreshSoon()
    },
  })

  const appeals = useMemo(() => data?.appeals.edges.map((edge) => edge.node) ?? [], [data])
  const rows = useMemo(
    () => (agencyId ? buildRows(appeals, { agencyId, filter: statusFilter, fresh, now }) : []),
    [appeals, agencyId, statusFilter, fresh, now],
  )

  return {
    rows,
    agencyId,
    noAgency: !meFetching && me !== null && !agencyId,
    loading: (fetching || meFetching) && !data,
    refreshing: fetching || stale,
    error: error && !data ? error : undefined,
    refresh,
    arrivals,
    dismissArrivals: () => setArrivals([]),
    markSeen: (id: string) =>
      setFresh((previous) => {
        const next = new Set(previous)
        next.delete(id)
        return next
      }),
  }
}
