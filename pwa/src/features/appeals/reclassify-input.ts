import type {
  AppealDetailFragment,
  Category,
  Municipality,
  ReclassifyAppealInput,
} from '@/gql/graphql'

/** The classification of an appeal as the card has it. */
export type Current = Pick<
  AppealDetailFragment,
  'id' | 'version' | 'category' | 'municipality' | 'settlement' | 'urgent'
>

/**
 * What the dialog sends: only the parts the curator changed (null keeps the appeal's), an emptied
 * settlement as '' (the server removes it). Null when nothing changed, so no request is made.
 */
export function reclassifyInput(
  appeal: Current,
  chosen: {
    category: Category
    municipality: Municipality | ''
    settlement: string
    urgent: boolean
  },
): ReclassifyAppealInput | null {
  const settlement = chosen.settlement.trim()
  const input: ReclassifyAppealInput = {
    appealId: appeal.id,
    expectedVersion: appeal.version,
    category: chosen.category !== appeal.category ? chosen.category : null,
    municipality:
      chosen.municipality && chosen.municipality !== appeal.municipality
        ? chosen.municipality
        : null,
    settlement: settlement !== (appeal.settlement ?? '') ? settlement : null,
    urgent: chosen.urgent !== appeal.urgent ? chosen.urgent : null,
  }
  const changed =
    input.category != null ||
    input.municipality != null ||
    input.settlement != null ||
    input.urgent != null
  return changed ? input : null
}
