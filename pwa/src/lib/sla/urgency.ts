/**
 * How urgent an appeal is right now: the state and time left of the clock that matters next.
 * Uses the server's SLA clocks (Appeal.sla) when present; until then estimates from typical deadlines
 * (domain guide) in wall-clock time and says it is an estimate.
 */
export type UrgencyState = 'ON_TRACK' | 'AT_RISK' | 'BREACHED' | 'MET'

export interface SlaClockLike {
  dueAt: string
  state: UrgencyState
  businessTimeLeft?: string | null
  businessTimeLeftSeconds?: number | null
  elapsedPercent?: number | null
}

export interface SlaLike {
  paused: boolean
  firstResponse: SlaClockLike | null
  finalAnswer: SlaClockLike | null
}

export interface AppealTiming {
  status: string
  channel: string
  urgent: boolean
  receivedAt: string
  firstRespondedAt?: string | null
  answeredAt?: string | null
}

export interface Urgency {
  state: UrgencyState
  /** Which clock: the first response until one is given, then the final answer. */
  clock: 'firstResponse' | 'finalAnswer'
  dueAt: Date | null
  /** Wall-clock seconds to dueAt; negative when overdue. */
  secondsLeft: number | null
  paused: boolean
  /** The server's figure in business time, when it sent one. */
  businessTimeLeft: string | null
  source: 'server' | 'estimate'
}

const HOUR = 3600
const DAY = 24 * HOUR
const SOCIAL = new Set(['VK', 'TELEGRAM', 'OK', 'MAX'])
const OPEN = new Set(['NEW', 'ASSIGNED', 'IN_PROGRESS', 'ON_REVIEW'])

/** Share of the window left under which a clock counts as at risk (the server decides once it sends sla). */
export const AT_RISK_SHARE = 0.25

/** Typical windows in seconds: urgent ~1 h; social media 8 h to first reaction; ПОС ~5 working days; 59-ФЗ 30 days. */
export function estimatedWindows(appeal: Pick<AppealTiming, 'channel' | 'urgent'>): {
  firstResponse: number
  finalAnswer: number
} {
  if (appeal.urgent) return { firstResponse: HOUR, finalAnswer: DAY }
  if (SOCIAL.has(appeal.channel)) return { firstResponse: 8 * HOUR, finalAnswer: 3 * DAY }
  if (appeal.channel === 'GOSUSLUGI') return { firstResponse: DAY, finalAnswer: 7 * DAY }
  if (appeal.channel === 'EMAIL') return { firstResponse: 3 * DAY, finalAnswer: 30 * DAY }
  return { firstResponse: DAY, finalAnswer: 7 * DAY }
}

function stateFor(secondsLeft: number, window: number): UrgencyState {
  if (secondsLeft < 0) return 'BREACHED'
  return secondsLeft < window * AT_RISK_SHARE ? 'AT_RISK' : 'ON_TRACK'
}

export function estimateUrgency(appeal: AppealTiming, now: Date): Urgency {
  const windows = estimatedWindows(appeal)
  const received = Date.parse(appeal.receivedAt)
  const responded = Boolean(appeal.firstRespondedAt)
  const clock = responded ? 'finalAnswer' : 'firstResponse'
  const base = { clock, paused: false, businessTimeLeft: null, source: 'estimate' } as const
  if (!OPEN.has(appeal.status) || appeal.answeredAt) {
    return { ...base, clock: 'finalAnswer', state: 'MET', dueAt: null, secondsLeft: null }
  }
  const window = windows[clock]
  const dueAt = new Date(received + window * 1000)
  const secondsLeft = Math.round((dueAt.getTime() - now.getTime()) / 1000)
  return { ...base, state: stateFor(secondsLeft, window), dueAt, secondsLeft }
}

function fromClock(
  clock: SlaClockLike,
  which: Urgency['clock'],
  paused: boolean,
  now: Date,
): Urgency {
  const dueAt = new Date(clock.dueAt)
  const secondsLeft = Math.round((dueAt.getTime() - now.getTime()) / 1000)
  // The server's state was right when it answered; a deadline that has passed since is breached now.
  const state = clock.state !== 'MET' && !paused && secondsLeft < 0 ? 'BREACHED' : clock.state
  return {
    state,
    clock: which,
    dueAt,
    secondsLeft,
    paused,
    businessTimeLeft: clock.businessTimeLeft ?? null,
    source: 'server',
  }
}

export function urgencyOf(
  appeal: AppealTiming,
  sla: SlaLike | null | undefined,
  now: Date,
): Urgency {
  if (!sla) return estimateUrgency(appeal, now)
  const first = sla.firstResponse
  if (first && first.state !== 'MET') return fromClock(first, 'firstResponse', sla.paused, now)
  if (sla.finalAnswer) return fromClock(sla.finalAnswer, 'finalAnswer', sla.paused, now)
  if (first) return fromClock(first, 'firstResponse', sla.paused, now)
  return estimateUrgency(appeal, now)
}

const RANK: Record<UrgencyState, number> = { BREACHED: 0, AT_RISK: 1, ON_TRACK: 2, MET: 3 }

/** Most urgent first: overdue (longest overdue first), at risk, on track by time left, then done; urgent wins ties. */
export function compareUrgency(
  a: { urgency: Urgency; urgent: boolean; receivedAt: string },
  b: { urgency: Urgency; urgent: boolean; receivedAt: string },
): number {
  const byState = RANK[a.urgency.state] - RANK[b.urgency.state]
  if (byState !== 0) return byState
  const left = (a.urgency.secondsLeft ?? Infinity) - (b.urgency.secondsLeft ?? Infinity)
  if (left !== 0 && Number.isFinite(left)) return left
  if (a.urgent !== b.urgent) return a.urgent ? -1 : 1
  return a.receivedAt.localeCompare(b.receivedAt)
}

/** Splits seconds into the two largest units: {days, hours} or {hours, minutes} or {minutes}. */
export function durationParts(
  totalSeconds: number,
): { unit: 'days' | 'hours' | 'minutes'; n: number }[] {
  const seconds = Math.abs(totalSeconds)
  const days = Math.floor(seconds / DAY)
  const hours = Math.floor((seconds % DAY) / HOUR)
  const minutes = Math.floor((seconds % HOUR) / 60)
  if (days > 0)
    return hours > 0
      ? [
          { unit: 'days', n: days },
          { unit: 'hours', n: hours },
        ]
      : [{ unit: 'days', n: days }]
  if (hours > 0)
    return minutes > 0
      ? [
          { unit: 'hours', n: hours },
          { unit: 'minutes', n: minutes },
        ]
      : [{ unit: 'hours', n: hours }]
  return minutes > 0 ? [{ unit: 'minutes', n: minutes }] : []
}
