import { useQuery } from 'urql'
import { useIdentity } from '@/lib/oidc/session-context'
import { AppealDetailChangedDocument, AppealDocument } from '@/gql/graphql'
import { useLiveEvents } from '@/lib/graphql/use-live-events'

/** One appeal, kept current by its own live stream; readable offline from the cache. */
export function useAppeal(appealId: string) {
  const identity = useIdentity()
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: AppealDocument,
    variables: { id: appealId },
  })
  useLiveEvents({
    query: AppealDetailChangedDocument,
    variables: { appealId },
    stream: `appeal:${appealId}`,
    owner: identity.subject,
    persistCursor: false,
    select: (result) => result.appealChanged,
    // The normalised cache has merged event.appeal already; nothing else to do.
    onEvent: () => undefined,
  })
  return {
    appeal: data?.appeal ?? null,
    loading: fetching && !data,
    error: error && !data ? error : undefined,
    refresh: () => reexecute({ requestPolicy: 'network-only' }),
  }
}
