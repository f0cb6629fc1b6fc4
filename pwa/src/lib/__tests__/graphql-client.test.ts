import type { DefaultStorage } from '@urql/exchange-graphcache/default-storage'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { MeDocument } from '@/gql/graphql'
import { createGraphqlClient } from '../graphql/client'

/** A device storage whose read-back finishes only when the test says so. */
function slowStorage() {
  let finishReading!: () => void
  const storage = (_name: string, onCacheHydrated: () => void): DefaultStorage => ({
    readData: () =>
      new Promise((resolve) => {
        finishReading = () => resolve({})
      }),
    writeData: async () => undefined,
    readMetadata: async () => null,
    writeMetadata: () => undefined,
    onOnline: () => undefined,
    onCacheHydrated,
    clear: async () => undefined,
  })
  return { storage, finishReading: () => finishReading() }
}

const meResponse = () =>
  new Response(
    JSON.stringify({
      data: {
        me: {
          __typename: 'Me',
          id: 'u1',
          name: 'Исполнитель',
          roles: ['EXECUTOR'],
          agency: { __typename: 'Agency', id: 'a1', code: 'health', name: 'Минздрав' },
        },
      },
    }),
    { headers: { 'Content-Type': 'application/json' } },
  )

describe('createGraphqlClient', () => {
  afterEach(() => vi.unstubAllGlobals())

  it('sends no request before the offline cache has been read back, so every answer is persisted', async () => {
    const fetchMock = vi.fn<typeof fetch>(async () => meResponse())
    vi.stubGlobal('fetch', fetchMock)
    const { storage, finishReading } = slowStorage()
    const graphql = createGraphqlClient({
      owner: 'exec-1',
      accessToken: async () => 'token',
      onUnauthorized: () => undefined,
      makeStorage: storage,
    })
    const result = graphql.client
      .query(MeDocument, {}, { requestPolicy: 'network-only' })
      .toPromise()

    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(fetchMock).not.toHaveBeenCalled()

    finishReading()
    const { data } = await result
    expect(fetchMock).toHaveBeenCalled()
    expect(data?.me?.agency?.id).toBe('a1')
    graphql.dispose()
  })
})
