import { describe, expect, it } from 'vitest'
import { durationParts, stateAt, urgencyOf, type SlaClockLike } from '../sla/urgency'

const now = new Date('2026-03-10T10:00:00Z')

const clock = (overrides: Partial<SlaClockLike> = {}): SlaClockLike => ({
  state: 'ON_TRACK',
  dueAt: '2026-03-10T12:00:00Z',
  businessTimeLeftSeconds: 7200,
  atRiskAt: '2026-03-10T11:00:00Z',
  breachAt: '2026-03-10T12:00:00Z',
  metAt: null,
  ...overrides,
})

describe('urgencyOf', () => {
  it('is null for an appeal stored before SLA tracking', () => {
    expect(urgencyOf(null, now)).toBeNull()
  })

  it('counts down the first response until it is met, with the server’s working time', () => {
    const urgency = urgencyOf(
      {
        paused: false,
        firstResponse: clock(),
        finalAnswer: clock({ dueAt: '2026-03-20T00:00:00Z' }),
      },
      now,
    )
    expect(urgency).toMatchObject({
      clock: 'firstResponse',
      state: 'ON_TRACK',
      secondsLeft: 7200,
      businessSecondsLeft: 7200,
      done: false,
    })
  })

  it('moves to the final answer once the first response is met', () => {
    const urgency = urgencyOf(
      {
        paused: false,
        firstResponse: clock({ state: 'MET', metAt: '2026-03-10T09:00:00Z' }),
        finalAnswer: clock({ dueAt: '2026-03-12T10:00:00Z', atRiskAt: null, breachAt: null }),
      },
      now,
    )
    expect(urgency).toMatchObject({ clock: 'finalAnswer', secondsLeft: 2 * 86400 })
  })

  it('is done when both clocks are met, on time or late', () => {
    const late = clock({ state: 'BREACHED', metAt: '2026-03-10T09:00:00Z' })
    const urgency = urgencyOf({ paused: false, firstResponse: late, finalAnswer: late }, now)
    expect(urgency).toMatchObject({ done: true, state: 'BREACHED', secondsLeft: null })
  })

  it('keeps a paused clock paused', () => {
    const urgency = urgencyOf(
      {
        paused: true,
        firstResponse: clock({ breachAt: null, atRiskAt: null }),
        finalAnswer: clock(),
      },
      now,
    )
    expect(urgency).toMatchObject({ paused: true, state: 'ON_TRACK' })
  })
})

describe('stateAt', () => {
  it('moves on at the announced instants without a refetch, never back', () => {
    const c = clock()
    expect(stateAt(c, false, now)).toBe('ON_TRACK')
    expect(stateAt(c, false, new Date('2026-03-10T11:00:00Z'))).toBe('AT_RISK')
    expect(stateAt(c, false, new Date('2026-03-10T12:30:00Z'))).toBe('BREACHED')
    expect(stateAt(clock({ state: 'BREACHED' }), false, now)).toBe('BREACHED')
  })

  it('trusts the server for met and paused clocks', () => {
    expect(
      stateAt(
        clock({ state: 'MET', metAt: '2026-03-10T09:00:00Z' }),
        false,
        new Date('2026-03-11T00:00:00Z'),
      ),
    ).toBe('MET')
    expect(stateAt(clock(), true, new Date('2026-03-11T00:00:00Z'))).toBe('ON_TRACK')
  })
})

describe('durationParts', () => {
  it('keeps the two largest units', () => {
    expect(durationParts(2 * 86400 + 3 * 3600 + 59)).toEqual([
      { unit: 'days', n: 2 },
      { unit: 'hours', n: 3 },
    ])
    expect(durationParts(-(3600 + 15 * 60))).toEqual([
      { unit: 'hours', n: 1 },
      { unit: 'minutes', n: 15 },
    ])
    expect(durationParts(30)).toEqual([])
  })
})
