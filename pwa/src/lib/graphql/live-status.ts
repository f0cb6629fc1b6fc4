import { useSyncExternalStore } from 'react'

/** State of the WebSocket that carries live updates, for the small indicator in the app bar. */
export type LiveStatus = 'idle' | 'connecting' | 'connected' | 'reconnecting'

let status: LiveStatus = 'idle'
const listeners = new Set<() => void>()

export function setLiveStatus(next: LiveStatus): void {
  if (next === status) return
  status = next
  listeners.forEach((listener) => listener())
}

export function getLiveStatus(): LiveStatus {
  return status
}

function subscribe(listener: () => void) {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

export function useLiveStatus(): LiveStatus {
  return useSyncExternalStore(subscribe, getLiveStatus, getLiveStatus)
}
