import { createContext, use, useSyncExternalStore } from 'react'
import type { Identity } from '@/lib/oidc/claims'
import type { Session, SessionState } from '@/lib/oidc/session'

export const SessionContext = createContext<Session | null>(null)

export function useSession(): Session {
  const session = use(SessionContext)
  if (!session) throw new Error('useSession outside SessionContext')
  return session
}

export function useSessionState(): SessionState {
  const session = useSession()
  return useSyncExternalStore(session.subscribe, session.getState, session.getState)
}

/** The signed-in identity; only under the protected layout, where one always exists. */
export function useIdentity(): Identity {
  const state = useSessionState()
  if (state.status !== 'signed-in') throw new Error('useIdentity without a signed-in user')
  return state.identity
}
