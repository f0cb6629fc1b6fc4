/**
 * How urgent an appeal is right now, from the server's SLA clocks (Appeal.sla): the state and time
 * left of the clock that matters next. Between fetches the state moves on by itself at the clock's
 * `atRiskAt` / `breachAt` instants, which the server computes in working time.
 */
import type { SlaState } from '@/gql/graphql'

export type UrgencyState = SlaState

export interface SlaClockLike {
  state: UrgencyState
  dueAt?: string | null
  businessTimeLeftSeconds?: number | null
  atRiskAt?: string | null
  breachAt?: string | null
  metAt?: string | null
}

export interface SlaLike {
  paused: boolean
  firstResponse: SlaClockLike
  finalAnswer: SlaClockLike
}

export interface Urgency {
  state: UrgencyState
  /** Which clock: the first response until it is met, then the final answer. */
  clock: 'firstResponse' | 'finalAnswer'
  dueAt: Date | null
  /** Wall-clock seconds to dueAt; negative when overdue; null when met or unknown. */
  secondsLeft: number | null
  paused: boolean
  /** Both clocks are met (on time or late): nothing left to count down. */
  done: boolean
  /** The server's figure in seconds of working time (negative when over), as of the last fetch. */
  businessSecondsLeft: number | null
}

const RANK: Record<UrgencyState, number> = { MET: 0, ON_TRACK: 1, AT_RISK: 2, BREACHED: 3 }

function reached(instant: string | null | undefined, now: Date): boolean {
  return Boolean(instant) && Date.parse(instant!) <= now.getTime()
}

/** The state now: the server's, moved on (never back) when a threshold it announced has passed. */
export function stateAt(clock: SlaClockLike, paused: boolean, now: Date): UrgencyState {
  if (paused || clock.metAt) return clock.state
  const local = reached(clock.breachAt, now)
    ? 'BREACHED'
    : reached(clock.atRiskAt, now)
      ? 'AT_RISK'
      : 'ON_TRACK'
  return RANK[local] > RANK[clock.state] ? local : clock.state
}

/** The clock that matters next, or null when the appeal has no SLA (stored before tracking began). */
export function urgencyOf(sla: SlaLike | null | undefined, now: Date): Urgency | null {
  if (!sla) return null
  const which = sla.firstResponse.metAt ? 'finalAnswer' : 'firstResponse'
  const clock = sla[which]
  const done = Boolean(clock.metAt)
  const dueAt = clock.dueAt ? new Date(clock.dueAt) : null
  return {
    state: stateAt(clock, sla.paused, now),
    clock: which,
    dueAt,
    secondsLeft: dueAt && !done ? Math.round((dueAt.getTime() - now.getTime()) / 1000) : null,
    paused: sla.paused && !done,
    done,
    businessSecondsLeft: clock.businessTimeLeftSeconds ?? null,
  }
}

const HOUR = 3600
const DAY = 24 * HOUR

/**
 * Splits seconds into the two largest units: {days, hours} or {hours, minutes} or {minutes}. Without
 * `withDays` hours go beyond 24 (working time: a working day is not 24 hours).
 */
export function durationParts(
  totalSeconds: number,
  withDays = true,
): { unit: 'days' | 'hours' | 'minutes'; n: number }[] {
  const seconds = Math.abs(totalSeconds)
  const days = withDays ? Math.floor(seconds / DAY) : 0
  const hours = Math.floor((seconds - days * DAY) / HOUR)
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
