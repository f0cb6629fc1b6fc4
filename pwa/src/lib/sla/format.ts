import type { Translate } from '@/lib/i18n'
import { durationParts, type Urgency } from './urgency'

/** «2 ч 15 мин», «3 д 4 ч»: the two largest units, as the countdown chips show them. */
export function formatDuration(t: Translate, seconds: number): string {
  const parts = durationParts(seconds)
  if (parts.length === 0) return t('time.lessThanMinute')
  return parts.map(({ unit, n }) => t(`time.${unit}`, { n })).join(' ')
}

/** What a countdown chip says: time left, overdue by, paused or met. */
export function urgencyLabel(t: Translate, urgency: Urgency): string {
  if (urgency.paused) return t('sla.paused')
  if (urgency.state === 'MET' || urgency.secondsLeft === null) return t('sla.met')
  if (urgency.secondsLeft < 0)
    return t('sla.overdueBy', { time: formatDuration(t, urgency.secondsLeft) })
  return t('sla.left', { time: formatDuration(t, urgency.secondsLeft) })
}
