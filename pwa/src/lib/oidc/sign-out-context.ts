import { createContext, use } from 'react'

/** Signs out and removes this user's offline copy of the data from the device. */
export type SignOut = () => Promise<void>

/**
 * Provided by the signed-in shell, which owns what must be wiped (the GraphQL cache); screens only
 * ask for it, so they need not know the shell.
 */
export const SignOutContext = createContext<SignOut | null>(null)

export function useSignOut(): SignOut {
  const signOut = use(SignOutContext)
  if (!signOut) throw new Error('useSignOut outside SignOutContext')
  return signOut
}
