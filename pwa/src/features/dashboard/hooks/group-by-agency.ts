import type { AppealSummaryFragment } from '@/gql/graphql'

export interface AgencyGroup {
  /** Null for appeals not yet routed to an agency. */
  agency: { id: string; name: string } | null
  appeals: AppealSummaryFragment[]
}

/**
 * Appeals grouped by their agency, the largest group first (ties by name), unrouted ones last; within a
 * group the server's order (nearest deadline first) is kept.
 */
export function groupByAgency(appeals: AppealSummaryFragment[]): AgencyGroup[] {
  const groups = new Map<string, AgencyGroup>()
  for (const appeal of appeals) {
    const key = appeal.agency?.id ?? ''
    const group = groups.get(key) ?? {
      agency: appeal.agency ? { id: appeal.agency.id, name: appeal.agency.name } : null,
      appeals: [],
    }
    group.appeals.push(appeal)
    groups.set(key, group)
  }
  return [...groups.values()].toSorted((a, b) => {
    if (!a.agency !== !b.agency) return a.agency ? -1 : 1
    return (
      b.appeals.length - a.appeals.length ||
      (a.agency?.name ?? '').localeCompare(b.agency?.name ?? '', 'ru')
    )
  })
}
