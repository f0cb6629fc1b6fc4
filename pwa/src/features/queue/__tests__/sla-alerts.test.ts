import { describe, expect, it } from 'vitest'
import { addAlert, MAX_ALERTS, type SlaAlert } from '../hooks/use-sla-alerts'

function alert(id: string, overrides: Partial<SlaAlert> = {}, status = 'IN_PROGRESS'): SlaAlert {
  return {
    cursor: `c-${id}-${overrides.state ?? 'AT_RISK'}`,
    state: 'AT_RISK',
    clock: 'FIRST_RESPONSE',
    at: '2026-03-10T10:00:00Z',
    appeal: { id, status } as SlaAlert['appeal'],
    ...overrides,
  }
}

describe('addAlert', () => {
  it('keeps the newest first', () => {
    const list = addAlert(addAlert([], alert('a1')), alert('a2'))
    expect(list.map((item) => item.appeal.id)).toEqual(['a2', 'a1'])
  })

  it('replaces an at-risk alert by the breach of the same deadline, not of the other one', () => {
    let list = addAlert([], alert('a1'))
    list = addAlert(list, alert('a1', { clock: 'FINAL_ANSWER' }))
    list = addAlert(list, alert('a1', { state: 'BREACHED' }))
    expect(list.map((item) => [item.clock, item.state])).toEqual([
      ['FIRST_RESPONSE', 'BREACHED'],
      ['FINAL_ANSWER', 'AT_RISK'],
    ])
  })

  it('drops alerts about appeals answered since, and caps the list', () => {
    let list = addAlert([], alert('a1'))
    list = addAlert(list, alert('a1', {}, 'ANSWERED'))
    expect(list).toEqual([])
    for (let i = 0; i < MAX_ALERTS + 5; i += 1) list = addAlert(list, alert(`x${i}`))
    expect(list).toHaveLength(MAX_ALERTS)
  })
})
