import { describe, expect, it, vi } from 'vitest'
import { indexedDbStore, memoryStore } from '../offline/kv-store'
import { Outbox, type OutboxEntry, type SendResult } from '../offline/outbox'

const answer = (text: string) => ({
  kind: 'answer' as const,
  appealId: 'a1',
  answerKind: 'FINAL' as const,
  text,
  clientAnswerId: `client-${text}`,
})

function setup(results: SendResult[], store = memoryStore<OutboxEntry>()) {
  const sent: OutboxEntry[] = []
  const send = vi.fn<(entry: OutboxEntry) => Promise<SendResult>>(async (entry) => {
    sent.push(entry)
    return results.shift() ?? { outcome: 'sent' as const }
  })
  let id = 0
  const outbox = new Outbox({
    store,
    owner: 'exec-1',
    send,
    backoff: () => 60_000,
    newId: () => `e${++id}`,
  })
  return { outbox, send, sent, store }
}

describe('Outbox', () => {
  it('persists before sending and removes the entry once delivered', async () => {
    const { outbox, store, send } = setup([])
    await outbox.enqueue({ kind: 'take', appealId: 'a1' })
    await outbox.flush()
    expect(send).toHaveBeenCalledTimes(1)
    expect(outbox.list()).toEqual([])
    expect(await store.values()).toEqual([])
  })

  it('keeps an undelivered entry pending and retries it with the same clientAnswerId', async () => {
    vi.useFakeTimers()
    try {
      const { outbox, sent } = setup([
        { outcome: 'retry' },
        { outcome: 'retry' },
        { outcome: 'sent' },
      ])
      await outbox.enqueue(answer('hello'))
      await outbox.flush()
      expect(outbox.list()[0]).toMatchObject({ state: 'pending', attempts: 1 })
      await outbox.flush()
      await outbox.flush()
      expect(outbox.list()).toEqual([])
      const ids = sent.map((entry) =>
        entry.action.kind === 'answer' ? entry.action.clientAnswerId : null,
      )
      expect(ids).toEqual(['client-hello', 'client-hello', 'client-hello'])
    } finally {
      vi.useRealTimers()
    }
  })

  it('sends in order and stops at the first entry that cannot be delivered', async () => {
    const { outbox, sent } = setup([{ outcome: 'retry' }])
    await outbox.enqueue({ kind: 'take', appealId: 'a1' })
    await outbox.enqueue(answer('after take'))
    await outbox.flush()
    expect(sent.map((entry) => entry.action.kind)).toEqual(['take'])
    expect(outbox.list().map((entry) => entry.state)).toEqual(['pending', 'pending'])
  })

  it('keeps a refused entry with its reason, and lets the next one go', async () => {
    const { outbox } = setup([
      { outcome: 'rejected', code: 'TAKEN_BY_OTHER', message: 'Уже взято' },
    ])
    await outbox.enqueue({ kind: 'take', appealId: 'a1' })
    await outbox.enqueue(answer('second'))
    await outbox.flush()
    expect(outbox.list()).toHaveLength(1)
    expect(outbox.list()[0]).toMatchObject({
      state: 'failed',
      error: { code: 'TAKEN_BY_OTHER', message: 'Уже взято' },
    })
    await outbox.discard('e1')
    expect(outbox.list()).toEqual([])
  })

  it('never sends twice concurrently: a flush during a flush joins it', async () => {
    const gate: { release: (value: SendResult) => void } = { release: () => undefined }
    const send = vi.fn<() => Promise<SendResult>>(
      () => new Promise((resolve) => (gate.release = resolve)),
    )
    const outbox = new Outbox({ store: memoryStore(), owner: 'x', send, newId: () => 'only' })
    const queued = outbox.enqueue({ kind: 'take', appealId: 'a1' })
    await queued
    const second = outbox.flush()
    await vi.waitFor(() => expect(send).toHaveBeenCalledTimes(1))
    gate.release({ outcome: 'sent' })
    await second
    expect(send).toHaveBeenCalledTimes(1)
  })

  it('survives a reload: what was sending is pending again, other users’ entries are ignored', async () => {
    const store = indexedDbStore<OutboxEntry>(`outbox-test-${Math.random()}`)
    const base = {
      action: { kind: 'take' as const, appealId: 'a1' },
      attempts: 1,
      createdAt: '2026-01-01T00:00:00Z',
    }
    await store.set('mine', { ...base, id: 'mine', owner: 'exec-1', state: 'sending' })
    await store.set('theirs', { ...base, id: 'theirs', owner: 'exec-2', state: 'pending' })
    const { outbox } = setup([], store)
    await outbox.load()
    expect(outbox.list().map((entry) => [entry.id, entry.state])).toEqual([['mine', 'pending']])
  })

  it('notifies subscribers on every change', async () => {
    const { outbox } = setup([])
    const listener = vi.fn<() => void>()
    outbox.subscribe(listener)
    await outbox.enqueue({ kind: 'take', appealId: 'a1' })
    await outbox.flush()
    expect(listener.mock.calls.length).toBeGreaterThanOrEqual(3)
  })
})
