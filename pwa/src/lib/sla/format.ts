import type { SlaTimeUnit } from '@/gql/graphql'
import { enumKey, type Translate } from '@/lib/i18n'
import { durationParts, type Urgency } from './urgency'

/**
 * What a number of seconds measures: working time (office hours, never shown in days, as a working
 * day is not 24 hours) or calendar time. The API gives numbers; the words are the client's.
 */
export type Measure = 'working' | 'calendar'

/** The measure of a clock whose term is in `unit` (the server counts working time for these). */
export function measureOf(unit: SlaTimeUnit): Measure {
  return unit === 'BUSINESS_HOURS' || unit === 'WORKING_DAYS' ? 'working' : 'calendar'
}

/** «2 ч 15 мин», «3 д 4 ч» (calendar only): the two largest units, as the countdown chips show them. */
export function formatDuration(
  t: Translate,
  seconds: number,
  measure: Measure = 'calendar',
): string {
  const parts = durationParts(seconds, measure === 'calendar')
  if (parts.length === 0) return t('time.lessThanMinute')
  return parts.map(({ unit, n }) => t(`time.${unit}`, { n })).join(' ')
}

/** The server's working time left (`SlaClock.businessTimeLeftSeconds`): left, or over the term. */
export function businessLeftLabel(t: Translate, seconds: number): string {
  const time = formatDuration(t, seconds, 'working')
  return seconds < 0 ? t('sla.businessOver', { time }) : t('sla.businessLeft', { time })
}

/** A policy's term (`SlaTarget.amount` and `unit`): «8 рабочих часов», «30 calendar days». */
export function formatTerm(t: Translate, target: { amount: number; unit: SlaTimeUnit }): string {
  return t(enumKey('sla.unit', target.unit), { count: target.amount })
}

/** What a countdown chip says after its state: time left or overdue by; nothing when met or paused. */
export function urgencyLabel(t: Translate, urgency: Urgency): string | null {
  if (urgency.paused || urgency.done || urgency.secondsLeft === null) return null
  if (urgency.secondsLeft < 0)
    return t('sla.overdueBy', { time: formatDuration(t, urgency.secondsLeft) })
  return t('sla.left', { time: formatDuration(t, urgency.secondsLeft) })
}

/**
 * A time zone as people say it: the city («Магадан») instead of the IANA id (`Asia/Magadan`); zones
 * without a translation fall back to the id's city part («Asia/Ust-Nera» → «Ust-Nera»).
 */
export function zoneName(t: Translate, zone: string): string {
  if (zone === 'Asia/Magadan') return t('zone.magadan')
  return zone.split('/').pop()!.replaceAll('_', ' ')
}
