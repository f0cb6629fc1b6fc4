import { useMemo } from 'react'
import { useQuery } from 'urql'
import type { AppealFilter } from '@/gql/graphql'
import { features } from '@/lib/features'
import type { SlaLike } from '@/lib/sla/urgency'
import queueSlaQuery from '../api-pending/sla/queue-sla.graphql?raw'
import type { QueueSlaQuery } from '../api-pending/sla/types'

const EMPTY = new Map<string, SlaLike>()

/**
 * The server's SLA clocks for the queue's rows, by appeal id. Until sla.graphqls ships the flag is
 * off, nothing is requested and the rows fall back to the client-side estimate.
 */
export function useQueueSla(filter: AppealFilter, pause: boolean): Map<string, SlaLike> {
  const [{ data }] = useQuery<QueueSlaQuery>({
    query: features.sla ? queueSlaQuery : 'query Disabled { __typename }',
    variables: { filter },
    pause: pause || !features.sla,
  })
  return useMemo(() => {
    if (!data) return EMPTY
    return new Map(
      data.appeals.edges.flatMap(({ node }) => (node.sla ? [[node.id, node.sla] as const] : [])),
    )
  }, [data])
}
