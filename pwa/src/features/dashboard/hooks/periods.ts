import type { StatsPeriodInput, StatsPeriodKind } from '@/gql/graphql'
import { formatDay, REGION_TIME_ZONE, type Translate } from '@/lib/i18n'

/**
 * The periods a head and a curator switch between: today, the calendar week containing today (Monday to
 * Sunday) and the calendar month containing today. Calendar periods, not the last 7 or 30 days, because
 * regional ratings are monthly; the screen says so and shows each period's dates.
 */
export type DashboardPeriod = Exclude<StatsPeriodKind, 'CUSTOM'>
export const DASHBOARD_PERIODS: DashboardPeriod[] = ['DAY', 'WEEK', 'MONTH']

/** The period named in the URL (`?period=WEEK`); today when absent or unknown. */
export function parsePeriod(value: string | null): DashboardPeriod {
  return DASHBOARD_PERIODS.includes(value as DashboardPeriod) ? (value as DashboardPeriod) : 'DAY'
}

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

/** «6 декабря 2026» for one day, «30 ноября – 6 декабря 2026» or «1 – 31 декабря 2026» for a range. */
export function formatPeriodDates(fromDate: string, toDate: string): string {
  if (fromDate === toDate) return formatDay(fromDate)
  const sameYear = fromDate.slice(0, 4) === toDate.slice(0, 4)
  const sameMonth = sameYear && fromDate.slice(0, 7) === toDate.slice(0, 7)
  const start = sameMonth
    ? formatDay(fromDate, { day: 'numeric' })
    : formatDay(fromDate, sameYear ? { day: 'numeric', month: 'long' } : undefined)
  return `${start} – ${formatDay(toDate)}`
}

/** What the chosen period covers, with its dates: «Календарная неделя (пн–вс): 30 ноября – 6 декабря 2026». */
export function periodCaption(
  t: Translate,
  period: { kind: StatsPeriodKind; fromDate: string; toDate: string },
): string {
  const dates = formatPeriodDates(period.fromDate, period.toDate)
  return t(`dashboard.periodCaption.${period.kind === 'CUSTOM' ? 'DAY' : period.kind}`, { dates })
}
