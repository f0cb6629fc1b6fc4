import { describe, expect, it, vi } from 'vitest'
import { cursorOf, trackCursor, type SubscriptionPayload } from '../graphql/live-cursor'
import { backoffDelay } from '../graphql/backoff'

describe('trackCursor', () => {
  it('moves the payload’s after to the newest cursor, so a reconnect resumes there', () => {
    const payload: SubscriptionPayload = {
      query: 'subscription …',
      variables: { agencyId: '7', after: null },
    }
    const onCursor = vi.fn<(cursor: string) => void>()
    trackCursor(payload, { data: { appealReceived: { cursor: 'c-1', appeal: {} } } }, onCursor)
    trackCursor(payload, { data: { appealReceived: { cursor: 'c-2', appeal: {} } } }, onCursor)
    expect(payload.variables).toEqual({ agencyId: '7', after: 'c-2' })
    expect(onCursor).toHaveBeenLastCalledWith('c-2')
  })

  it('leaves subscriptions without an after variable alone', () => {
    const payload: SubscriptionPayload = { query: 's', variables: { id: '1' } }
    trackCursor(payload, { data: { other: { cursor: 'c-1' } } })
    expect(payload.variables).toEqual({ id: '1' })
  })

  it('ignores results without a cursor (errors, nulls)', () => {
    expect(cursorOf({ data: null })).toBeNull()
    expect(cursorOf({ data: { appealChanged: null } })).toBeNull()
  })
})

describe('backoffDelay', () => {
  it('grows exponentially with jitter and is capped at 30 s', () => {
    expect(backoffDelay(0, () => 0)).toBe(500)
    expect(backoffDelay(0, () => 1)).toBe(1000)
    expect(backoffDelay(3, () => 1)).toBe(8000)
    expect(backoffDelay(20, () => 1)).toBe(30_000)
  })
})
