import type { AgencyDashboardQuery, AgencyQualityQuery } from '@/gql/graphql'
import { deskHref } from '@/features/desk'
import type { Translate } from '@/lib/i18n'
import { formatDuration } from '@/lib/sla/format'

export const TREND_DAYS = 14

export interface Figure {
  key: string
  label: string
  value: string
  href?: string
}

/** Where a tap on a figure leads: the list of the appeals it counts. */
export type FigureLinks = Partial<Record<'received' | 'answered' | 'overdueNow', string>>

/**
 * Links from the figures of a period to the desk's list with the same criteria (the agency's, or the
 * region's when `agencyId` is null). «Overdue now» goes to the grouped overdue screen.
 */
export function figureLinks(
  period: { fromDate: string; toDate: string },
  agencyId: string | null,
): FigureLinks {
  const agency = agencyId ?? undefined
  return {
    received: deskHref({ agency, from: period.fromDate, to: period.toDate }),
    answered: deskHref({ agency, answeredFrom: period.fromDate, answeredTo: period.toDate }),
    overdueNow: '/dashboard/overdue',
  }
}

function share(value: number | null | undefined): string {
  return value === null || value === undefined ? '—' : `${Math.round(value * 100)} %`
}

/** The headline figures in display order; `data-figure` keys are what the e2e spec compares. */
export function figuresOf(
  t: Translate,
  stats: Pick<AgencyDashboardQuery['agencyStats'], 'figures'>,
  links: FigureLinks = { overdueNow: '/dashboard/overdue' },
): Figure[] {
  const f = stats.figures
  return [
    {
      key: 'received',
      label: t('dashboard.received'),
      value: String(f.received),
      href: links.received,
    },
    {
      key: 'answered',
      label: t('dashboard.answered'),
      value: String(f.answered),
      href: links.answered,
    },
    {
      key: 'overdueNow',
      label: t('dashboard.overdueNow'),
      value: String(f.overdueNow),
      href: links.overdueNow,
    },
    {
      key: 'medianFirstResponse',
      label: t('dashboard.medianFirstResponse'),
      // Working time: hours and minutes, never days.
      value:
        f.firstResponse.medianBusinessSeconds === null
          ? '—'
          : formatDuration(t, f.firstResponse.medianBusinessSeconds, 'working'),
    },
    {
      key: 'firstResponseWithinSla',
      label: t('dashboard.firstResponseWithinSla'),
      value: share(f.firstResponseWithinSla),
    },
    {
      key: 'finalAnswerWithinSla',
      label: t('dashboard.finalAnswerWithinSla'),
      value: share(f.finalAnswerWithinSla),
    },
    { key: 'redirects', label: t('dashboard.redirects'), value: String(f.redirects) },
    { key: 'returned', label: t('dashboard.returned'), value: String(f.returnedForRework) },
  ]
}

/** Where the agency stands in agencyRanking: its place among rated agencies, or why it is unrated. */
export function rankText(
  t: Translate,
  ranking: AgencyDashboardQuery['agencyRanking'],
  agencyId: string,
): string | null {
  const rated = ranking.rated.find((entry) => entry.agency.id === agencyId)
  if (rated?.place)
    return t('dashboard.rank', {
      place: rated.place,
      total: ranking.rated.length,
      score: rated.score === null || rated.score === undefined ? '—' : rated.score.toFixed(1),
    })
  const unrated = ranking.unrated.find((entry) => entry.agency.id === agencyId)
  if (unrated?.unratedReason === 'TOO_FEW_APPEALS')
    return t('dashboard.unratedFew', { min: ranking.minAppeals })
  if (unrated) return t('dashboard.unratedNothing')
  return null
}

type Executor = AgencyQualityQuery['qualityStats']['executors'][number]

/** An executor's most frequent mistakes, most frequent first, at most `limit`. */
export function topMistakes(executor: Executor, limit = 2): Executor['rules'] {
  return executor.rules
    .filter((rule) => rule.answers > 0)
    .toSorted((a, b) => b.answers - a.answers)
    .slice(0, limit)
}
