import type { AssignAppealInput, RoutingSuggestionFieldsFragment } from '@/gql/graphql'

interface Target {
  id: string
  version: number
}

/**
 * What one tap on «Принять» sends: the suggested agency with the suggested category, the municipality
 * and settlement when the text names them (null keeps the appeal's), and urgency only when the router
 * found it urgent:
 * one tap may raise urgency, never lower what the sender flagged. Null when nothing can be accepted.
 */
export function acceptSuggestionInput(
  appeal: Target,
  routing: RoutingSuggestionFieldsFragment,
): AssignAppealInput | null {
  if (!routing.agency || routing.notAppeal) return null
  return {
    appealId: appeal.id,
    agencyId: routing.agency.id,
    expectedVersion: appeal.version,
    category: routing.category,
    municipality: routing.municipality ?? null,
    // The settlement belongs to the suggested municipality; without one the server could not check it.
    settlement: (routing.municipality && routing.settlement) || null,
    urgent: routing.urgent ? true : null,
  }
}
