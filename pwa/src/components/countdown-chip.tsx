import { useNow } from '@/hooks/use-now'
import { useT } from '@/lib/i18n'
import { businessLeftLabel, urgencyLabel } from '@/lib/sla/format'
import { urgencyOf, type SlaLike } from '@/lib/sla/urgency'

const STATE_KEY = {
  ON_TRACK: 'sla.onTrack',
  AT_RISK: 'sla.atRisk',
  BREACHED: 'sla.breached',
  MET: 'sla.met',
} as const

interface Props {
  /** The appeal's SLA (Appeal.sla); null for appeals stored before SLA tracking: no chip then. */
  sla: SlaLike | null | undefined
  /** Fixed time for tests and for lists that share one clock. */
  now?: Date
}

/**
 * On track / at risk / overdue with the time left, ticking every 30 s. Colour is never the only
 * signal: the state is spelled out; the working time left (the server's measure) is in the title.
 */
export function CountdownChip({ sla, now }: Props) {
  const t = useT()
  const ticking = useNow(30_000)
  const urgency = urgencyOf(sla, now ?? ticking)
  if (!urgency) return null
  const state = urgency.paused ? 'PAUSED' : urgency.state
  const label = urgencyLabel(t, urgency)
  const stateText = urgency.paused
    ? t('sla.paused')
    : urgency.done && urgency.state === 'BREACHED'
      ? t('sla.metLate')
      : t(STATE_KEY[urgency.state])
  const title =
    urgency.businessSecondsLeft !== null && !urgency.done && !urgency.paused
      ? businessLeftLabel(t, urgency.businessSecondsLeft)
      : undefined
  return (
    <span
      className={`chip chip--${state.toLowerCase().replace('_', '-')}`}
      title={title}
      data-state={state}
    >
      <span className="chip__state">{stateText}</span>
      {label && <span className="chip__time">{label}</span>}
    </span>
  )
}
