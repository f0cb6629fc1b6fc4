/** The public `GET /auth/config` answer: which OpenID Connect provider the PWA signs in with. */
export interface AuthConfig {
  issuer: string
  clientId: string
  scope: string
  /** True when the backend's own embedded provider is used (demo, development). */
  embedded: boolean
}

const STORAGE_KEY = 'otklik.auth-config'

function isAuthConfig(value: unknown): value is AuthConfig {
  const candidate = value as Partial<AuthConfig> | null
  return typeof candidate?.issuer === 'string' && typeof candidate.clientId === 'string'
}

/**
 * Network first (the service worker also caches it); the last good answer in localStorage lets the
 * app start offline and open the cached queue.
 */
export async function loadAuthConfig(fetchImpl: typeof fetch = fetch): Promise<AuthConfig> {
  try {
    const response = await fetchImpl('/auth/config', { headers: { Accept: 'application/json' } })
    if (!response.ok) throw new Error(`HTTP ${response.status}`)
    const body: unknown = await response.json()
    if (!isAuthConfig(body)) throw new Error('Malformed /auth/config')
    const config: AuthConfig = {
      issuer: body.issuer,
      clientId: body.clientId,
      scope: body.scope || 'openid profile',
      embedded: Boolean(body.embedded),
    }
    try {
      localStorage.setItem(STORAGE_KEY, JSON.stringify(config))
    } catch {
      // Storage unavailable: offline start will not be possible, online works.
    }
    return config
  } catch (error) {
    const cached = localStorage.getItem(STORAGE_KEY)
    if (cached) {
      const parsed: unknown = JSON.parse(cached)
      if (isAuthConfig(parsed)) return parsed
    }
    throw error
  }
}
