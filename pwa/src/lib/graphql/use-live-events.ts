import type { TypedDocumentNode } from '@urql/core'
import { useEffect, useRef } from 'react'
import { useClient } from 'urql'
import { onEnd, pipe, subscribe } from 'wonka'
import { clearCursor, loadCursor, saveCursor } from '@/lib/offline/cursor-store'
import { backoffDelay } from './backoff'
import { cursorRefused } from './errors'

/** What every live event has: its position in the stream. */
export interface LiveEvent {
  cursor: string
}

interface Options<Data, Vars, Event extends LiveEvent> {
  query: TypedDocumentNode<Data, Vars>
  /** Variables without `after`; the hook supplies it from the stored cursor. */
  variables: Omit<Vars, 'after'>
  /** Names the stream for its stored cursor, e.g. `received:agency-7`. */
  stream: string
  owner: string
  select: (data: Data) => Event | null | undefined
  onEvent: (event: Event) => void
  pause?: boolean
  /**
   * Keep the cursor across reloads (default). Screens that refetch on open anyway (one appeal's card)
   * pass false: they still resume from the newest cursor after a dropout, within the session.
   */
  persistCursor?: boolean
}

/**
 * A live subscription that survives everything: it starts from the last cursor stored on the
 * device (catching up on what happened while the app was closed), the transport reconnects with
 * backoff and resumes from the newest cursor, and if the server ends or refuses the stream the hook
 * subscribes again; a refused cursor (too old, unknown) is dropped and the stream restarts from now.
 */
export function useLiveEvents<Data, Vars, Event extends LiveEvent>(
  options: Options<Data, Vars, Event>,
): void {
  const client = useClient()
  const latest = useRef(options)
  useEffect(() => {
    latest.current = options
  })
  const { query, stream, owner, pause, persistCursor = true } = options
  const variablesKey = JSON.stringify(options.variables)

  useEffect(() => {
    if (pause) return
    let stopped = false
    let attempt = 0
    let timer: ReturnType<typeof setTimeout> | undefined
    let current: { unsubscribe: () => void } | undefined
    let sessionCursor: string | null = null

    const start = () => {
      if (stopped) return
      const after = persistCursor ? loadCursor(owner, stream) : sessionCursor
      let ended = false
      const variables = { ...JSON.parse(variablesKey), after } as Vars
      const end = () => {
        if (ended) return
        ended = true
        restart()
      }
      current = pipe(
        client.subscription(query, variables as Vars & object),
        // The server completed the stream (a restart, a deploy): subscribe again.
        onEnd(() => {
          if (!stopped) end()
        }),
        subscribe((result) => {
          if (result.error) {
            // A GraphQL error (not a transport one: graphql-ws retries those itself) that refuses
            // the cursor (errorDetail INVALID_CURSOR, CURSOR_EXPIRED): start again from now.
            // SLOW_SUBSCRIBER and the like resubscribe with the cursor, missing nothing.
            if (cursorRefused(result.error)) {
              clearCursor(owner, stream)
              sessionCursor = null
            }
            end()
            return
          }
          const event = result.data ? latest.current.select(result.data) : null
          if (!event) return
          attempt = 0
          sessionCursor = event.cursor
          if (persistCursor) saveCursor(owner, stream, event.cursor)
          latest.current.onEvent(event)
        }),
      )
    }

    const restart = () => {
      const previous = current
      current = undefined
      queueMicrotask(() => previous?.unsubscribe())
      if (stopped) return
      attempt += 1
      timer = setTimeout(start, backoffDelay(attempt))
    }

    start()
    return () => {
      stopped = true
      clearTimeout(timer)
      current?.unsubscribe()
    }
  }, [client, query, stream, owner, pause, persistCursor, variablesKey])
}
