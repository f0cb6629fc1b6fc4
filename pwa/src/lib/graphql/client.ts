import { Client, fetchExchange, subscriptionExchange } from '@urql/core'
import { offlineExchange } from '@urql/exchange-graphcache'
import { makeDefaultStorage, type DefaultStorage } from '@urql/exchange-graphcache/default-storage'
import { createClient as createWsClient } from 'graphql-ws'
import { waitToReconnect } from './backoff'
import { keys } from './cache-config'
import { trackCursor, type SubscriptionPayload } from './live-cursor'
import { setLiveStatus } from './live-status'

export interface GraphqlClientOptions {
  /** Subject of the signed-in user: each user gets their own offline cache on a shared device. */
  owner: string
  accessToken: () => Promise<string | null>
  /** The server answered 401: the token is no longer accepted. */
  onUnauthorized: () => void
  /** The device storage of the offline cache; IndexedDB unless a test supplies its own. */
  makeStorage?: (idbName: string, onCacheHydrated: () => void) => DefaultStorage
}

const indexedDbStorage = (idbName: string, onCacheHydrated: () => void): DefaultStorage =>
  makeDefaultStorage({
    idbName,
    // Days to keep an unused cache: long enough for a fortnight in a district without signal.
    maxAge: 14,
    onCacheHydrated,
  })

export interface GraphqlClient {
  client: Client
  /** Removes this user's offline cache (sign-out). */
  clearCache: () => Promise<void>
  dispose: () => void
}

function webSocketUrl(): string {
  const url = new URL('/graphql', window.location.href)
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:'
  return url.toString()
}

export function createGraphqlClient(options: GraphqlClientOptions): GraphqlClient {
  let markHydrated!: () => void
  const hydrated = new Promise<void>((resolve) => {
    markHydrated = resolve
  })
  const storage = (options.makeStorage ?? indexedDbStorage)(
    `otklik-graphcache-${options.owner}`,
    () => markHydrated(),
  )

  const ws = createWsClient({
    url: webSocketUrl(),
    lazy: true,
    lazyCloseTimeout: 5_000,
    keepAlive: 20_000,
    retryAttempts: Number.POSITIVE_INFINITY,
    shouldRetry: () => true,
    retryWait: waitToReconnect,
    // The token goes in connection_init, never in the URL (URLs end up in proxy and server logs).
    connectionParams: async () => {
      const token = await options.accessToken()
      return token ? { Authorization: `Bearer ${token}` } : {}
    },
    on: {
      connecting: (isRetry) => setLiveStatus(isRetry ? 'reconnecting' : 'connecting'),
      connected: () => setLiveStatus('connected'),
      closed: () => setLiveStatus('reconnecting'),
    },
  })

  const authFetch: typeof fetch = async (input, init) => {
    // graphcache marks nothing for its offline storage while it is still reading that storage back,
    // so an answer that arrived first (typically `me`, which the queue needs offline) would be kept in
    // memory only. Requests leave once the device's cache is loaded, a matter of milliseconds.
    await hydrated
    const token = await options.accessToken()
    const headers = new Headers(init?.headers)
    if (token) headers.set('Authorization', `Bearer ${token}`)
    const response = await fetch(input, { ...init, headers })
    if (response.status === 401) options.onUnauthorized()
    return response
  }

  const client = new Client({
    url: '/graphql',
    fetch: authFetch,
    // urql sends short queries as GET by default; Spring for GraphQL answers GET with 405, and
    // query texts with variables (appeal text, draft answers) do not belong in URLs and logs anyway.
    preferGetMethod: false,
    // Show what the device has at once, then what the server says.
    requestPolicy: 'cache-and-network',
    exchanges: [
      offlineExchange({ storage, keys }),
      fetchExchange,
      subscriptionExchange({
        forwardSubscription(request) {
          const payload: SubscriptionPayload = {
            ...request,
            query: request.query ?? '',
            variables: { ...(request.variables as Record<string, unknown> | undefined) },
          }
          return {
            subscribe(sink) {
              const unsubscribe = ws.subscribe(payload, {
                next: (result) => {
                  trackCursor(payload, result)
                  sink.next(result as Parameters<typeof sink.next>[0])
                },
                error: (error) => sink.error(error),
                complete: () => sink.complete(),
              })
              return { unsubscribe }
            },
          }
        },
      }),
    ],
  })

  return {
    client,
    clearCache: () => storage.clear(),
    dispose: () => void ws.dispose(),
  }
}
