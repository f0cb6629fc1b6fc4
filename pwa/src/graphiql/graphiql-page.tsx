import { createGraphiQLFetcher, type Fetcher } from '@graphiql/toolkit'
import { GraphiQL } from 'graphiql'
import { Kind, parse, type DocumentNode } from 'graphql'
import { createClient } from 'graphql-ws'
import { useEffect, useMemo, useState } from 'react'
import { loadAuthConfig } from '@/lib/oidc/auth-config'
import { Session } from '@/lib/oidc/session'

const DEFAULT_QUERY = `# Отклик: GraphQL API. Запросы уходят с токеном вошедшего в PWA пользователя
# или с токеном, вставленным в поле выше (интегратор: client credentials).
query Me {
  me { id name roles }
}
`

type TokenSource = () => Promise<string | null>

function parsed(query: string): DocumentNode | undefined {
  try {
    return parse(query)
  } catch {
    return undefined
  }
}

/**
 * The PWA's stored OpenID Connect session (the same localStorage user the app signs in with, renewed the
 * same way), so a signed-in user needs nothing more; null until it is restored or when there is none.
 */
function useStoredSession(): { session: Session | null; who: string | null } {
  const [session, setSession] = useState<Session | null>(null)
  const [who, setWho] = useState<string | null>(null)
  useEffect(() => {
    let active = true
    loadAuthConfig()
      .then(async (config) => {
        const restored = new Session(config)
        await restored.restore()
        const state = restored.getState()
        if (!active) return
        setSession(restored)
        setWho(state.status === 'signed-in' ? state.identity.name || state.identity.subject : null)
      })
      .catch(() => {
        // No provider known (first visit offline): only a pasted token works.
      })
    return () => {
      active = false
    }
  }, [])
  return { session, who }
}

export function GraphiQlPage() {
  const [pasted, setPasted] = useState('')
  const { session, who } = useStoredSession()
  const token = pasted.trim().replace(/^Bearer\s+/i, '')

  // A pasted token wins over the session. Rebuilt only when either changes (GraphiQL refetches the schema).
  const { fetcher, wsClient } = useMemo(() => {
    const current: TokenSource = token
      ? () => Promise.resolve(token)
      : () => (session ? session.accessToken() : Promise.resolve(null))
    const origin = window.location.origin
    // Subscriptions: the token goes in connection_init, never in the URL.
    const ws = createClient({
      url: origin.replace(/^http/, 'ws') + '/graphql',
      lazy: true,
      connectionParams: async () => {
        const value = await current()
        return value ? { Authorization: `Bearer ${value}` } : {}
      },
    })
    const http = createGraphiQLFetcher({
      url: origin + '/graphql',
      wsClient: ws,
      // HTTP: an Authorization header typed in GraphiQL's own headers tab is left as it is.
      fetch: async (input, init) => {
        const headers = new Headers(init?.headers)
        if (!headers.has('Authorization')) {
          const value = await current()
          if (value) headers.set('Authorization', `Bearer ${value}`)
        }
        return fetch(input, { ...init, headers })
      },
    })
    // The toolkit sends subscriptions over the WebSocket only when the parsed document and operation name
    // it is given say so; GraphiQL's may lag behind the editor, and a subscription then went out as an
    // HTTP POST. The query being sent is what counts (with one operation in it, that one).
    const sending: Fetcher = (params, opts) => {
      const document = parsed(params.query)
      const operations =
        document?.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION) ?? []
      const only = operations.length === 1 ? operations[0] : undefined
      const operationName = only ? only.name?.value : params.operationName
      return http(
        { ...params, operationName },
        { ...opts, documentAST: document ?? opts?.documentAST },
      )
    }
    return { fetcher: sending, wsClient: ws }
  }, [token, session])
  useEffect(() => () => void wsClient.dispose(), [wsClient])

  return (
    <>
      <div className="otklik-graphiql-auth">
        <strong>Отклик · GraphiQL</strong>
        <label>
          Токен
          <input
            type="password"
            autoComplete="off"
            spellCheck={false}
            placeholder={who ? `не нужен: вы вошли как ${who}` : 'вставьте access token (Bearer)'}
            value={pasted}
            onChange={(event) => setPasted(event.target.value)}
          />
        </label>
        <span>
          {token ? (
            'запросы с вставленным токеном'
          ) : who ? (
            `вход: ${who}`
          ) : (
            <a href="/">войти в Отклик</a>
          )}
        </span>
      </div>
      <div className="otklik-graphiql-editor">
        <GraphiQL fetcher={fetcher} defaultQuery={DEFAULT_QUERY} />
      </div>
    </>
  )
}
