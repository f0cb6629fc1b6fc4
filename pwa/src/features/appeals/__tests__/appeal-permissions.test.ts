import { describe, expect, it } from 'vitest'
import { availableActions, type PermissionInput, type Viewer } from '../hooks/appeal-permissions'

const executor: Viewer = { subject: 'exec-1', roles: ['EXECUTOR'], agencyId: 'health' }
const curator: Viewer = { subject: 'cur-1', roles: ['CURATOR'], agencyId: null }
const head: Viewer = { subject: 'head-1', roles: ['HEAD'], agencyId: 'health' }
const appeal = (
  status: PermissionInput['status'],
  executorId: string | null = null,
  agencyId = 'health',
  more: Partial<PermissionInput> = {},
): PermissionInput => ({ status, executorId, agencyId, ...more })

describe('availableActions', () => {
  it('lets an executor take an assigned appeal of their agency, redirect or pause it', () => {
    expect(availableActions(appeal('ASSIGNED'), executor)).toEqual(['take', 'redirect', 'pause'])
  })

  it('offers nothing on another agency’s appeal', () => {
    expect(availableActions(appeal('ASSIGNED', null, 'roads'), executor)).toEqual([])
  })

  it('lets the executor who holds it answer; anyone of the agency pause it', () => {
    expect(availableActions(appeal('IN_PROGRESS', 'exec-1'), executor)).toEqual([
      'answer',
      'redirect',
      'pause',
    ])
    expect(availableActions(appeal('IN_PROGRESS', 'exec-2'), executor)).toEqual([
      'redirect',
      'pause',
    ])
  })

  it('offers resume instead of pause while paused, and extend once where the policy allows', () => {
    expect(
      availableActions(
        appeal('IN_PROGRESS', 'exec-1', 'health', { paused: true, extendable: true }),
        executor,
      ),
    ).toEqual(['answer', 'redirect', 'resume', 'extend'])
    expect(
      availableActions(appeal('ON_REVIEW', 'exec-1', 'health', { extendable: true }), executor),
    ).toEqual(['extend'])
    expect(
      availableActions(appeal('ANSWERED', 'exec-1', 'health', { extendable: true }), executor),
    ).toEqual([])
  })

  it('gives curators moderation, review, deadlines and closing', () => {
    expect(availableActions(appeal('NEW', null, ''), curator)).toEqual(['assign', 'reject'])
    expect(availableActions(appeal('IN_PROGRESS'), curator)).toEqual(['redirect', 'pause'])
    expect(availableActions(appeal('ON_REVIEW'), curator)).toEqual(['approve', 'return'])
    expect(availableActions(appeal('ANSWERED'), curator)).toEqual(['close', 'reopen'])
    expect(availableActions(appeal('REJECTED'), curator)).toEqual(['reopen'])
  })

  it('keeps heads read-only', () => {
    expect(availableActions(appeal('ASSIGNED', null, 'health', { paused: true }), head)).toEqual([])
  })
})
