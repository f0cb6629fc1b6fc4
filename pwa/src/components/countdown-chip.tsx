import { useNow } from '@/hooks/use-now'
import { useT } from '@/lib/i18n'
import { urgencyLabel } from '@/lib/sla/format'
import { urgencyOf, type AppealTiming, type SlaLike } from '@/lib/sla/urgency'

const STATE_KEY = {
  ON_TRACK: 'sla.onTrack',
  AT_RISK: 'sla.atRisk',
  BREACHED: 'sla.breached',
  MET: 'sla.met',
} as const

interface Props {
  appeal: AppealTiming
  sla?: SlaLike | null
  /** Fixed time for tests and for lists that share one clock. */
  now?: Date
}

/**
 * On track / at risk / overdue with the time left, ticking every 30 s. Colour is never the only
 * signal: the state is spelled out, and an estimate (no server SLA yet) is marked with «≈».
 */
export function CountdownChip({ appeal, sla, now }: Props) {
  const t = useT()
  const ticking = useNow(30_000)
  const urgency = urgencyOf(appeal, sla, now ?? ticking)
  const state = urgency.paused ? 'PAUSED' : urgency.state
  const estimate = urgency.source === 'estimate'
  const label = urgencyLabel(t, urgency)
  const stateText = urgency.paused ? t('sla.paused') : t(STATE_KEY[urgency.state])
  const title = estimate
    ? t('sla.estimateHint')
    : urgency.businessTimeLeft
      ? t('sla.businessLeft', { time: urgency.businessTimeLeft })
      : undefined
  return (
    <span
      className={`chip chip--${state.toLowerCase().replace('_', '-')}`}
      title={title}
      data-state={state}
    >
      <span className="chip__state">{stateText}</span>
      {urgency.state !== 'MET' && !urgency.paused && (
        <span className="chip__time">
          {estimate && <span aria-label={t('sla.estimate')}>≈ </span>}
          {label}
        </span>
      )}
    </span>
  )
}
