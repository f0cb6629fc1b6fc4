import { createContext, use } from 'react'

export interface AppServices {
  /** Signs out and removes this user's offline copy of the data from the device. */
  signOut: () => Promise<void>
}

export const AppServicesContext = createContext<AppServices | null>(null)

export function useAppServices(): AppServices {
  const services = use(AppServicesContext)
  if (!services) throw new Error('useAppServices outside SignedInProviders')
  return services
}
