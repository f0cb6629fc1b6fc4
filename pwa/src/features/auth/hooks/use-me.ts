import { useQuery } from 'urql'
import { MeDocument, type MeQuery } from '@/gql/graphql'

export type Me = MeQuery['me']

/** The caller as the server sees them (agency id, roles); cached for offline use. */
export function useMe(): { me: Me | null; fetching: boolean } {
  const [{ data, fetching }] = useQuery({ query: MeDocument })
  return { me: data?.me ?? null, fetching }
}
