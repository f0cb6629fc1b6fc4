/**
 * Keeps a subscription's `after` variable at the newest cursor it has delivered.
 *
 * graphql-ws re-sends a subscription's payload object on every reconnect. By updating that object's
 * `variables.after` as events arrive, a resubscription after a dropout asks the server for exactly
 * what came after the last event seen: nothing missed, nothing repeated. `onCursor` persists it so
 * the same holds across reloads.
 */
/** The part of a subscription result we read (graphql-ws and urql disagree on the error type). */
export interface ResultLike {
  data?: unknown
}

export interface SubscriptionPayload {
  query: string
  variables?: Record<string, unknown>
  operationName?: string | null
  extensions?: Record<string, unknown>
}

/** The `cursor` of the (single) root field of a subscription result, if any. */
export function cursorOf(result: ResultLike): string | null {
  const data = result.data as Record<string, { cursor?: unknown } | null> | null | undefined
  if (!data) return null
  for (const value of Object.values(data)) {
    if (value && typeof value.cursor === 'string') return value.cursor
  }
  return null
}

export function trackCursor(
  payload: SubscriptionPayload,
  result: ResultLike,
  onCursor?: (cursor: string) => void,
): void {
  if (!payload.variables || !('after' in payload.variables)) return
  const cursor = cursorOf(result)
  if (cursor === null) return
  payload.variables.after = cursor
  onCursor?.(cursor)
}
