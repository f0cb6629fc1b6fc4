import { CombinedError, type Client } from '@urql/core'
import { describe, expect, it, vi } from 'vitest'
import type { OutboxEntry } from '@/lib/offline/outbox'
import { createOutboxSender, TAKEN_BY_OTHER } from '../api/outbox-sender'

function clientReturning(result: { data?: unknown; error?: CombinedError }) {
  const mutation = vi.fn<(...args: unknown[]) => { toPromise: () => Promise<typeof result> }>(
    () => ({
      toPromise: async () => result,
    }),
  )
  return { client: { mutation } as unknown as Client, mutation }
}

const take: OutboxEntry = {
  id: 'e1',
  owner: 'me',
  action: { kind: 'take', appealId: 'a1' },
  createdAt: '2026-03-10T10:00:00Z',
  attempts: 1,
  state: 'sending',
}
const answer: OutboxEntry = {
  ...take,
  action: {
    kind: 'answer',
    appealId: 'a1',
    answerKind: 'FINAL',
    text: 'Ответ',
    clientAnswerId: 'uuid-1',
  },
}

describe('createOutboxSender', () => {
  it('sends answers with their clientAnswerId', async () => {
    const { client, mutation } = clientReturning({
      data: { submitAnswer: { appeal: { status: 'ON_REVIEW' }, errors: [] } },
    })
    const result = await createOutboxSender(client, 'me', vi.fn<() => void>())(answer)
    expect(result).toEqual({ outcome: 'sent' })
    const [, variables] = mutation.mock.calls[0] as unknown as [unknown, unknown]
    expect(variables).toEqual({
      input: { appealId: 'a1', kind: 'FINAL', text: 'Ответ', clientAnswerId: 'uuid-1' },
    })
  })

  it('explains a take that lost the race to another executor', async () => {
    const { client } = clientReturning({
      data: {
        takeAppeal: {
          appeal: { status: 'IN_PROGRESS', executor: { id: 'someone-else' } },
          errors: [{ code: 'ILLEGAL_TRANSITION', message: 'Обращение уже в работе' }],
        },
      },
    })
    expect(await createOutboxSender(client, 'me', vi.fn<() => void>())(take)).toEqual({
      outcome: 'rejected',
      code: TAKEN_BY_OTHER,
      message: 'Обращение уже в работе',
    })
  })

  it('treats a repeated take of an appeal the caller already holds as delivered', async () => {
    const { client } = clientReturning({
      data: {
        takeAppeal: {
          appeal: { status: 'IN_PROGRESS', executor: { id: 'me' } },
          errors: [{ code: 'ILLEGAL_TRANSITION', message: 'Уже в работе' }],
        },
      },
    })
    expect(await createOutboxSender(client, 'me', vi.fn<() => void>())(take)).toEqual({
      outcome: 'sent',
    })
  })

  it('retries after a network failure or an expired session', async () => {
    const network = clientReturning({
      error: new CombinedError({ networkError: new TypeError('Failed to fetch') }),
    })
    expect(await createOutboxSender(network.client, 'me', vi.fn<() => void>())(answer)).toEqual({
      outcome: 'retry',
    })

    const onUnauthorized = vi.fn<() => void>()
    const unauthorized = clientReturning({
      error: new CombinedError({ networkError: new Error('401'), response: { status: 401 } }),
    })
    expect(await createOutboxSender(unauthorized.client, 'me', onUnauthorized)(answer)).toEqual({
      outcome: 'retry',
    })
    expect(onUnauthorized).toHaveBeenCalled()
  })

  it('rejects for good what the server refuses', async () => {
    const { client } = clientReturning({
      data: {
        submitAnswer: { appeal: null, errors: [{ code: 'FORBIDDEN', message: 'Нет прав' }] },
      },
    })
    expect(await createOutboxSender(client, 'me', vi.fn<() => void>())(answer)).toMatchObject({
      outcome: 'rejected',
      code: 'FORBIDDEN',
    })
  })
})
