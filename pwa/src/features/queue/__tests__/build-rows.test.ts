import { describe, expect, it } from 'vitest'
import type { AppealSummaryFragment } from '@/gql/graphql'
import { buildRows } from '../hooks/use-queue'
import { pullOffset, PULL_THRESHOLD } from '../hooks/use-pull-to-refresh'

const now = new Date('2026-03-10T10:00:00Z')
let seq = 0
function appeal(overrides: Partial<AppealSummaryFragment>): AppealSummaryFragment {
  seq += 1
  return {
    __typename: 'Appeal',
    id: `a${seq}`,
    version: 1,
    status: 'ASSIGNED',
    channel: 'VK',
    text: 'Текст',
    municipality: 'MAGADAN',
    category: 'HEALTHCARE',
    urgent: false,
    receivedAt: '2026-03-10T09:00:00Z',
    firstRespondedAt: null,
    answeredAt: null,
    redirectCount: 0,
    agency: { id: 'health', name: 'Минздрав' },
    executor: null,
    sla: null,
    ...overrides,
  } as AppealSummaryFragment
}

describe('buildRows', () => {
  const options = {
    agencyId: 'health',
    filter: 'ACTIVE' as const,
    fresh: new Set<string>(),
    now,
  }

  it('keeps the server’s order (nearest deadline first, DUE_ASC)', () => {
    const first = appeal({ receivedAt: '2026-03-10T09:30:00Z' })
    const second = appeal({ receivedAt: '2026-03-09T10:00:00Z' })
    const third = appeal({ urgent: true })
    expect(buildRows([first, second, third], options).map((row) => row.appeal.id)).toEqual([
      first.id,
      second.id,
      third.id,
    ])
  })

  it('drops rows that left the agency or the filter, as live updates arrive', () => {
    const moved = appeal({ agency: { id: 'roads', name: 'Минтранс' } })
    const answered = appeal({ status: 'ANSWERED' })
    const taken = appeal({ status: 'IN_PROGRESS' })
    expect(buildRows([moved, answered, taken], options).map((row) => row.appeal.id)).toEqual([
      taken.id,
    ])
    expect(buildRows([taken], { ...options, filter: 'ASSIGNED' })).toEqual([])
  })

  it('flags new arrivals and reads urgency from the appeal’s own SLA', () => {
    const clock = {
      kind: 'FIRST_RESPONSE' as const,
      state: 'AT_RISK' as const,
      dueAt: '2026-03-10T09:59:00Z',
      dueAtLocal: '2026-03-10T20:59',
      businessTimeLeftSeconds: 60,
      elapsedPercent: 99,
      atRiskAt: '2026-03-10T09:00:00Z',
      breachAt: '2026-03-10T09:59:00Z',
      metAt: null,
      pausedSeconds: 0,
      provisional: false,
    }
    const fresh = appeal({
      sla: { paused: false, firstResponse: clock, finalAnswer: clock },
    })
    const legacy = appeal({})
    const rows = buildRows([fresh, legacy], { ...options, fresh: new Set([fresh.id]) })
    expect(rows[0]).toMatchObject({ isNew: true, urgency: { state: 'BREACHED' } })
    expect(rows[1]).toMatchObject({ isNew: false, urgency: null })
  })
})

describe('pullOffset', () => {
  it('resists the pull and caps it', () => {
    expect(pullOffset(-20)).toBe(0)
    expect(pullOffset(100)).toBe(50)
    expect(pullOffset(1000)).toBe(PULL_THRESHOLD * 1.5)
  })
})
