import type { Translate } from '@/lib/i18n'
import { durationParts, type Urgency } from './urgency'

/** «2 ч 15 мин», «3 д 4 ч»: the two largest units, as the countdown chips show them. */
export function formatDuration(t: Translate, seconds: number): string {
  const parts = durationParts(seconds)
  if (parts.length === 0) return t('time.lessThanMinute')
  return parts.map(({ unit, n }) => t(`time.${unit}`, { n })).join(' ')
}

/** What a countdown chip says after its state: time left or overdue by; nothing when met or paused. */
export function urgencyLabel(t: Translate, urgency: Urgency): string | null {
  if (urgency.paused || urgency.done || urgency.secondsLeft === null) return null
  if (urgency.secondsLeft < 0)
    return t('sla.overdueBy', { time: formatDuration(t, urgency.secondsLeft) })
  return t('sla.left', { time: formatDuration(t, urgency.secondsLeft) })
}
