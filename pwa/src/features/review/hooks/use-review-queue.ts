import { useCallback, useMemo } from 'react'
import { useQuery } from 'urql'
import { useIdentity } from '@/lib/oidc/session-context'
import { QueueAppealChangedDocument, ReviewQueueDocument } from '@/gql/graphql'
import { useLiveEvents } from '@/lib/graphql/use-live-events'

/**
 * Answers waiting for the ЦУР (final ones, and interim ones the region's settings held), live: a new
 * submission refetches, decided ones drop out.
 */
export function useReviewQueue() {
  const { subject } = useIdentity()
  const [{ data, fetching, error }, reexecute] = useQuery({ query: ReviewQueueDocument })
  const refresh = useCallback(() => reexecute({ requestPolicy: 'network-only' }), [reexecute])
  useLiveEvents({
    query: QueueAppealChangedDocument,
    variables: { agencyId: null },
    stream: 'review:all',
    owner: subject,
    select: (result) => result.appealChanged,
    onEvent: (event) => {
      if (event.type === 'FINAL_SUBMITTED' || event.type === 'ANSWER_HELD') refresh()
    },
  })
  const items = useMemo(
    () =>
      (data?.appeals.edges ?? [])
        .map((edge) => edge.node)
        .filter((appeal) => appeal.status === 'ON_REVIEW')
        .map((appeal) => ({
          appeal,
          answer: appeal.answers.findLast((answer) => answer.review === 'PENDING') ?? null,
        })),
    [data],
  )
  return { items, loading: fetching && !data, error: error && !data ? error : undefined, refresh }
}
