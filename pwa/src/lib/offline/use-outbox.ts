import { createContext, use, useSyncExternalStore } from 'react'
import type { Outbox, OutboxEntry } from './outbox'

export const OutboxContext = createContext<Outbox | null>(null)

export function useOutbox(): Outbox {
  const outbox = use(OutboxContext)
  if (!outbox) throw new Error('useOutbox outside OutboxContext')
  return outbox
}

const NONE: readonly OutboxEntry[] = []

/** Entries waiting or refused, optionally of one appeal; re-renders when the outbox changes. */
export function useOutboxEntries(appealId?: string): readonly OutboxEntry[] {
  const outbox = use(OutboxContext)
  const all = useSyncExternalStore(
    outbox?.subscribe ?? (() => () => {}),
    () => outbox?.list() ?? NONE,
    () => NONE,
  )
  return appealId ? all.filter((entry) => entry.action.appealId === appealId) : all
}
