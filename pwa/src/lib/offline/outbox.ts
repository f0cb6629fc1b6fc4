import { uuid } from '@/lib/uuid'
import type { KeyValueStore } from './kv-store'

/**
 * Actions an executor may take without a connection. They are written here first (write-ahead),
 * then sent; an entry leaves the outbox only when the server has answered.
 */
export type OutboxAction =
  | { kind: 'take'; appealId: string }
  | {
      kind: 'answer'
      appealId: string
      answerKind: 'INTERIM' | 'FINAL'
      text: string
      /** Generated once when queued; the server drops repeats, so retries never duplicate the answer. */
      clientAnswerId: string
    }

export type OutboxState = 'pending' | 'sending' | 'failed'

export interface OutboxEntry {
  id: string
  /** Subject of the user who queued it; another user signing in on the device never sends it. */
  owner: string
  action: OutboxAction
  createdAt: string
  attempts: number
  state: OutboxState
  /** Why the server refused it (state `failed`). */
  error?: { code: string; message: string }
}

export type SendResult =
  | { outcome: 'sent' }
  /** No answer from the server (offline, timeout, 5xx, expired session): keep it and try later. */
  | { outcome: 'retry' }
  /** The server refused it for good: keep it visible with the reason until the user removes it. */
  | { outcome: 'rejected'; code: string; message: string }

export type Sender = (entry: OutboxEntry) => Promise<SendResult>

export interface OutboxOptions {
  store: KeyValueStore<OutboxEntry>
  owner: string
  send: Sender
  /** Delay before retrying after attempt `n` (1-based). */
  backoff?: (attempt: number) => number
  newId?: () => string
  now?: () => Date
}

export const defaultBackoff = (attempt: number) => Math.min(60_000, 2_000 * 2 ** (attempt - 1))

export class Outbox {
  private entries: OutboxEntry[] = []
  private listeners = new Set<() => void>()
  private flushing: Promise<void> | undefined
  private timer: ReturnType<typeof setTimeout> | undefined
  private readonly options: Required<OutboxOptions>

  constructor(options: OutboxOptions) {
    this.options = {
      backoff: defaultBackoff,
      newId: uuid,
      now: () => new Date(),
      ...options,
    }
  }

  /** Reads what a previous session left; an entry caught mid-send is pending again. */
  async load(): Promise<void> {
    const all = await this.options.store.values()
    this.entries = all
      .filter((entry) => entry.owner === this.options.owner)
      .map((entry) => (entry.state === 'sending' ? { ...entry, state: 'pending' as const } : entry))
      .toSorted((a, b) => a.createdAt.localeCompare(b.createdAt))
    this.emit()
  }

  list(): readonly OutboxEntry[] {
    return this.entries
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /** Persists the action, then tries to send it. Resolves once it is safely stored. */
  async enqueue(action: OutboxAction): Promise<OutboxEntry> {
    const entry: OutboxEntry = {
      id: this.options.newId(),
      owner: this.options.owner,
      action,
      createdAt: this.options.now().toISOString(),
      attempts: 0,
      state: 'pending',
    }
    await this.options.store.set(entry.id, entry)
    this.entries = [...this.entries, entry]
    this.emit()
    void this.flush()
    return entry
  }

  async discard(id: string): Promise<void> {
    await this.options.store.delete(id)
    this.entries = this.entries.filter((entry) => entry.id !== id)
    this.emit()
  }

  async retry(id: string): Promise<void> {
    const entry = this.entries.find((candidate) => candidate.id === id)
    if (!entry) return
    await this.replace({ ...entry, state: 'pending', error: undefined })
    await this.flush()
  }

  /**
   * Sends pending entries oldest first, one at a time (a take must reach the server before the
   * answer that follows it). Stops at the first entry that could not be delivered and schedules
   * another attempt. Calls while a flush runs join it.
   */
  flush(): Promise<void> {
    this.flushing ??= this.drain().finally(() => {
      this.flushing = undefined
    })
    return this.flushing
  }

  dispose(): void {
    clearTimeout(this.timer)
    this.listeners.clear()
  }

  private async drain(): Promise<void> {
    clearTimeout(this.timer)
    for (;;) {
      const next = this.entries.find((entry) => entry.state === 'pending')
      if (!next) return
      const sending: OutboxEntry = { ...next, state: 'sending', attempts: next.attempts + 1 }
      await this.replace(sending)
      let result: SendResult
      try {
        result = await this.options.send(sending)
      } catch {
        result = { outcome: 'retry' }
      }
      if (result.outcome === 'sent') {
        await this.discard(sending.id)
      } else if (result.outcome === 'rejected') {
        await this.replace({
          ...sending,
          state: 'failed',
          error: { code: result.code, message: result.message },
        })
      } else {
        await this.replace({ ...sending, state: 'pending' })
        this.timer = setTimeout(() => void this.flush(), this.options.backoff(sending.attempts))
        return
      }
    }
  }

  private async replace(entry: OutboxEntry): Promise<void> {
    await this.options.store.set(entry.id, entry)
    this.entries = this.entries.map((candidate) => (candidate.id === entry.id ? entry : candidate))
    this.emit()
  }

  private emit() {
    this.listeners.forEach((listener) => listener())
  }
}
