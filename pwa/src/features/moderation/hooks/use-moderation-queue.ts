import { useCallback, useMemo } from 'react'
import { useQuery } from 'urql'
import { useIdentity } from '@/lib/oidc/session-context'
import {
  ModerationQueueDocument,
  QueueAppealChangedDocument,
  QueueAppealReceivedDocument,
} from '@/gql/graphql'
import { useLiveEvents } from '@/lib/graphql/use-live-events'

/** NEW appeals across the region, oldest first, live: arrivals refetch, decided ones drop out at once. */
export function useModerationQueue() {
  const { subject } = useIdentity()
  const [{ data, fetching, error }, reexecute] = useQuery({ query: ModerationQueueDocument })
  const refresh = useCallback(() => reexecute({ requestPolicy: 'network-only' }), [reexecute])
  useLiveEvents({
    query: QueueAppealReceivedDocument,
    variables: { agencyId: null },
    stream: 'received:all',
    owner: subject,
    select: (result) => result.appealReceived,
    onEvent: refresh,
  })
  useLiveEvents({
    query: QueueAppealChangedDocument,
    variables: { agencyId: null },
    stream: 'changed:all',
    owner: subject,
    select: (result) => result.appealChanged,
    onEvent: (event) => {
      if (event.type === 'REOPENED') refresh()
    },
  })
  const appeals = useMemo(
    () =>
      (data?.appeals.edges ?? [])
        .map((edge) => edge.node)
        .filter((appeal) => appeal.status === 'NEW'),
    [data],
  )
  return { appeals, loading: fetching && !data, error: error && !data ? error : undefined, refresh }
}
