import { CombinedError, type Client } from '@urql/core'
import { describe, expect, it, vi } from 'vitest'
import type { OutboxEntry } from '@/lib/offline/outbox'
import { GraphQLError } from 'graphql'
import { createOutboxSender } from '../api/outbox-sender'

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
    const result = await createOutboxSender(client, vi.fn<() => void>())(answer)
    expect(result).toEqual({ outcome: 'sent' })
    const [, variables] = mutation.mock.calls[0] as unknown as [unknown, unknown]
    expect(variables).toEqual({
      input: { appealId: 'a1', kind: 'FINAL', text: 'Ответ', clientAnswerId: 'uuid-1' },
    })
  })

  it('keeps the server’s code for a take that lost the race to a colleague', async () => {
    const { client } = clientReturning({
      data: {
        takeAppeal: {
          appeal: { status: 'IN_PROGRESS', executor: { id: 'someone-else' } },
          errors: [{ code: 'TAKEN_BY_OTHER', message: 'Обращение уже взял в работу Иван Петров' }],
        },
      },
    })
    expect(await createOutboxSender(client, vi.fn<() => void>())(take)).toEqual({
      outcome: 'rejected',
      code: 'TAKEN_BY_OTHER',
      message: 'Обращение уже взял в работу Иван Петров',
    })
  })

  it('treats a take the server answers without errors (a repeat included) as delivered', async () => {
    const { client } = clientReturning({
      data: {
        takeAppeal: { appeal: { status: 'IN_PROGRESS', executor: { id: 'me' } }, errors: [] },
      },
    })
    expect(await createOutboxSender(client, vi.fn<() => void>())(take)).toEqual({
      outcome: 'sent',
    })
  })

  it('rejects a top-level refusal with its errorDetail, and retries an unauthenticated one', async () => {
    const refused = clientReturning({
      error: new CombinedError({
        graphQLErrors: [
          new GraphQLError('Слишком много запросов', {
            extensions: { classification: 'BAD_REQUEST', errorDetail: 'RATE_LIMITED' },
          }),
        ],
      }),
    })
    expect(await createOutboxSender(refused.client, vi.fn<() => void>())(answer)).toEqual({
      outcome: 'rejected',
      code: 'RATE_LIMITED',
      message: 'Слишком много запросов',
    })

    const onUnauthorized = vi.fn<() => void>()
    const unauthenticated = clientReturning({
      error: new CombinedError({
        graphQLErrors: [
          new GraphQLError('Нужен вход', {
            extensions: { classification: 'UNAUTHORIZED', errorDetail: 'UNAUTHENTICATED' },
          }),
        ],
      }),
    })
    expect(await createOutboxSender(unauthenticated.client, onUnauthorized)(answer)).toEqual({
      outcome: 'retry',
    })
    expect(onUnauthorized).toHaveBeenCalled()
  })

  it('retries after a network failure or an expired session', async () => {
    const network = clientReturning({
      error: new CombinedError({ networkError: new TypeError('Failed to fetch') }),
    })
    expect(await createOutboxSender(network.client, vi.fn<() => void>())(answer)).toEqual({
      outcome: 'retry',
    })

    const onUnauthorized = vi.fn<() => void>()
    const unauthorized = clientReturning({
      error: new CombinedError({ networkError: new Error('401'), response: { status: 401 } }),
    })
    expect(await createOutboxSender(unauthorized.client, onUnauthorized)(answer)).toEqual({
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
    expect(await createOutboxSender(client, vi.fn<() => void>())(answer)).toMatchObject({
      outcome: 'rejected',
      code: 'FORBIDDEN',
    })
  })
})
