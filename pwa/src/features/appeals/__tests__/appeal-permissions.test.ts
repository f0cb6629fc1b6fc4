import { describe, expect, it } from 'vitest'
import { availableActions, type Viewer } from '../hooks/appeal-permissions'

const executor: Viewer = { subject: 'exec-1', roles: ['EXECUTOR'], agencyId: 'health' }
const curator: Viewer = { subject: 'cur-1', roles: ['CURATOR'], agencyId: null }
const head: Viewer = { subject: 'head-1', roles: ['HEAD'], agencyId: 'health' }
const appeal = (
  status: Parameters<typeof availableActions>[0]['status'],
  executorId: string | null = null,
  agencyId = 'health',
) => ({
  status,
  executorId,
  agencyId,
})

describe('availableActions', () => {
  it('lets an executor take an assigned appeal of their agency, or redirect it', () => {
    expect(availableActions(appeal('ASSIGNED'), executor, false)).toEqual(['take', 'redirect'])
  })

  it('offers nothing on another agency’s appeal', () => {
    expect(availableActions(appeal('ASSIGNED', null, 'roads'), executor, false)).toEqual([])
  })

  it('lets the executor who holds it answer; pause only with the SLA schema', () => {
    expect(availableActions(appeal('IN_PROGRESS', 'exec-1'), executor, false)).toEqual([
      'answer',
      'redirect',
    ])
    expect(availableActions(appeal('IN_PROGRESS', 'exec-1'), executor, true)).toEqual([
      'answer',
      'redirect',
      'pause',
    ])
    expect(availableActions(appeal('IN_PROGRESS', 'exec-2'), executor, false)).toEqual(['redirect'])
  })

  it('gives curators moderation, review and closing', () => {
    expect(availableActions(appeal('NEW', null, ''), curator, false)).toEqual(['assign', 'reject'])
    expect(availableActions(appeal('ON_REVIEW'), curator, false)).toEqual(['approve', 'return'])
    expect(availableActions(appeal('ANSWERED'), curator, false)).toEqual(['close', 'reopen'])
    expect(availableActions(appeal('REJECTED'), curator, false)).toEqual(['reopen'])
  })

  it('keeps heads read-only', () => {
    expect(availableActions(appeal('ASSIGNED'), head, true)).toEqual([])
  })
})
