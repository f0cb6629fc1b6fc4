import { describe, expect, it } from 'vitest'
import {
  compareUrgency,
  durationParts,
  estimateUrgency,
  urgencyOf,
  type AppealTiming,
} from '../sla/urgency'

const now = new Date('2026-03-10T10:00:00Z')
const appeal = (overrides: Partial<AppealTiming> = {}): AppealTiming => ({
  status: 'ASSIGNED',
  channel: 'VK',
  urgent: false,
  receivedAt: '2026-03-10T06:00:00Z',
  ...overrides,
})

describe('estimateUrgency', () => {
  it('gives a social-media appeal eight hours to the first response', () => {
    const urgency = estimateUrgency(appeal(), now)
    expect(urgency.source).toBe('estimate')
    expect(urgency.clock).toBe('firstResponse')
    expect(urgency.secondsLeft).toBe(4 * 3600)
    expect(urgency.state).toBe('ON_TRACK')
  })

  it('is at risk in the last quarter of the window', () => {
    expect(estimateUrgency(appeal({ receivedAt: '2026-03-10T02:30:00Z' }), now).state).toBe(
      'AT_RISK',
    )
  })

  it('is breached once the window has passed, with negative time left', () => {
    const urgency = estimateUrgency(appeal({ urgent: true }), now)
    expect(urgency.state).toBe('BREACHED')
    expect(urgency.secondsLeft).toBe(-3 * 3600)
  })

  it('moves to the final-answer clock after a first response', () => {
    const urgency = estimateUrgency(
      appeal({ firstRespondedAt: '2026-03-10T07:00:00Z', status: 'IN_PROGRESS' }),
      now,
    )
    expect(urgency.clock).toBe('finalAnswer')
  })

  it('counts answered appeals as met', () => {
    expect(estimateUrgency(appeal({ status: 'ANSWERED' }), now).state).toBe('MET')
  })
})

const clock = (dueAt: string, state: 'ON_TRACK' | 'AT_RISK' | 'BREACHED' | 'MET' = 'ON_TRACK') => ({
  dueAt,
  state,
  businessTimeLeft: '2 ч',
  businessTimeLeftSeconds: 7200,
  elapsedPercent: 50,
})

describe('urgencyOf with server clocks', () => {
  it('prefers the server clock and its business-time figure', () => {
    const urgency = urgencyOf(
      appeal(),
      { paused: false, firstResponse: clock('2026-03-10T12:00:00Z'), finalAnswer: null },
      now,
    )
    expect(urgency.source).toBe('server')
    expect(urgency.secondsLeft).toBe(7200)
    expect(urgency.businessTimeLeft).toBe('2 ч')
  })

  it('turns a passed deadline into BREACHED even if the server said ON_TRACK earlier', () => {
    const urgency = urgencyOf(
      appeal(),
      { paused: false, firstResponse: clock('2026-03-10T09:00:00Z'), finalAnswer: null },
      now,
    )
    expect(urgency.state).toBe('BREACHED')
  })

  it('uses the final-answer clock once the first response is met', () => {
    const urgency = urgencyOf(
      appeal(),
      {
        paused: false,
        firstResponse: clock('2026-03-10T09:00:00Z', 'MET'),
        finalAnswer: clock('2026-03-12T09:00:00Z'),
      },
      now,
    )
    expect(urgency.clock).toBe('finalAnswer')
    expect(urgency.state).toBe('ON_TRACK')
  })

  it('does not breach a paused clock', () => {
    const urgency = urgencyOf(
      appeal(),
      { paused: true, firstResponse: clock('2026-03-10T09:00:00Z'), finalAnswer: null },
      now,
    )
    expect(urgency).toMatchObject({ paused: true, state: 'ON_TRACK' })
  })
})

describe('compareUrgency', () => {
  it('orders overdue (longest first), at risk, on track, then done', () => {
    const rows = [
      appeal({ receivedAt: '2026-03-10T09:00:00Z' }), // on track, 7 h left
      appeal({ status: 'ANSWERED' }),
      appeal({ receivedAt: '2026-03-09T20:00:00Z' }), // overdue 6 h
      appeal({ receivedAt: '2026-03-10T01:00:00Z' }), // overdue 1 h
      appeal({ receivedAt: '2026-03-10T03:00:00Z' }), // at risk, 1 h left
    ].map((item) => ({
      urgency: estimateUrgency(item, now),
      urgent: item.urgent,
      receivedAt: item.receivedAt,
    }))
    const sorted = rows
      .toSorted(compareUrgency)
      .map((row) => [row.urgency.state, row.urgency.secondsLeft])
    expect(sorted).toEqual([
      ['BREACHED', -6 * 3600],
      ['BREACHED', -3600],
      ['AT_RISK', 3600],
      ['ON_TRACK', 7 * 3600],
      ['MET', null],
    ])
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
