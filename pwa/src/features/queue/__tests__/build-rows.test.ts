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
    ...overrides,
  } as AppealSummaryFragment
}

describe('buildRows', () => {
  const options = {
    agencyId: 'health',
    filter: 'ACTIVE' as const,
    sla: new Map(),
    fresh: new Set<string>(),
    now,
  }

  it('puts the most urgent first', () => {
    const calm = appeal({ receivedAt: '2026-03-10T09:30:00Z' })
    const late = appeal({ receivedAt: '2026-03-09T10:00:00Z' })
    const urgent = appeal({ urgent: true, receivedAt: '2026-03-10T09:45:00Z' })
    expect(buildRows([calm, late, urgent], options).map((row) => row.appeal.id)).toEqual([
      late.id,
      urgent.id,
      calm.id,
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

  it('flags new arrivals and uses server SLA when it has it', () => {
    const fresh = appeal({})
    const sla = {
      paused: false,
      firstResponse: { dueAt: '2026-03-10T09:59:00Z', state: 'AT_RISK' as const },
      finalAnswer: null,
    }
    const [row] = buildRows([fresh], {
      ...options,
      fresh: new Set([fresh.id]),
      sla: new Map([[fresh.id, sla]]),
    })
    expect(row).toMatchObject({ isNew: true, urgency: { source: 'server', state: 'BREACHED' } })
  })
})

describe('pullOffset', () => {
  it('resists the pull and caps it', () => {
    expect(pullOffset(-20)).toBe(0)
    expect(pullOffset(100)).toBe(50)
    expect(pullOffset(1000)).toBe(PULL_THRESHOLD * 1.5)
  })
})
