import type { StatsPeriodInput, StatsPeriodKind } from '@/gql/graphql'
import { REGION_TIME_ZONE } from '@/lib/i18n'

/** The periods a head switches between: today, this week (Monday to Sunday), this month. */
export type DashboardPeriod = Exclude<StatsPeriodKind, 'CUSTOM'>
export const DASHBOARD_PERIODS: DashboardPeriod[] = ['DAY', 'WEEK', 'MONTH']

/** The region's local date of an instant, as the server counts days (`Asia/Magadan`). */
export function regionDate(now: Date): string {
  // en-CA formats as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: REGION_TIME_ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now)
}

/** The last `days` local days up to and including `to` (a local date), as a CUSTOM period. */
export function lastDays(to: string, days: number): StatsPeriodInput {
  const from = new Date(Date.parse(`${to}T00:00:00Z`) - (days - 1) * 86_400_000)
  return { kind: 'CUSTOM', from: from.toISOString().slice(0, 10), to }
}

/** DAY, WEEK and MONTH default to the period containing today on the server. */
export function periodInput(kind: DashboardPeriod): StatsPeriodInput {
  return { kind }
}
