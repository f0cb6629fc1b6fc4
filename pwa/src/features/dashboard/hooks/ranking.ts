import type { RankingEntryFieldsFragment } from '@/gql/graphql'
import type { Translate } from '@/lib/i18n'
import { formatDuration } from '@/lib/sla/format'

function percent(value: number | null | undefined): string {
  return value === null || value === undefined ? '—' : `${Math.round(value * 100)} %`
}

/** What an entry's score is made of, in one line a phone can hold. */
export function rankingDetails(t: Translate, entry: RankingEntryFieldsFragment): string {
  const median =
    entry.medianFirstResponseBusinessSeconds === null ||
    entry.medianFirstResponseBusinessSeconds === undefined
      ? '—'
      : formatDuration(t, entry.medianFirstResponseBusinessSeconds, 'working')
  return t('ranking.details', {
    received: entry.received,
    median,
    deadlines: percent(entry.deadlinesMet),
    returned: percent(entry.returnedForReworkShare),
  })
}
