import type { User, UserManager } from 'oidc-client-ts'
import type { AuthConfig } from './auth-config'
import { identityFrom, type Identity } from './claims'

export type SessionState =
  | { status: 'loading' }
  | { status: 'signed-out' }
  /** Signed in; `expired` when the token could not be renewed (the cached data stays readable). */
  | { status: 'signed-in'; identity: Identity; expired: boolean }
  | { status: 'error'; message: string }

export const CALLBACK_PATH = '/auth/callback'
const RETURN_TO_KEY = 'otklik.return-to'

/**
 * The signed-in user, behind one small store. oidc-client-ts is loaded on demand: the app shell
 * renders from the stored user, so the library stays out of the initial bundle.
 */
export class Session {
  private state: SessionState = { status: 'loading' }
  private listeners = new Set<() => void>()
  private manager: Promise<UserManager> | undefined
  private renewing: Promise<string | null> | undefined

  private readonly config: AuthConfig

  constructor(config: AuthConfig) {
    this.config = config
  }

  getState = (): SessionState => this.state

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  private set(state: SessionState) {
    this.state = state
    this.listeners.forEach((listener) => listener())
  }

  private userManager(): Promise<UserManager> {
    this.manager ??= import('oidc-client-ts').then(({ UserManager, WebStorageStateStore }) => {
      const origin = window.location.origin
      return new UserManager({
        authority: this.config.issuer,
        client_id: this.config.clientId,
        scope: this.config.scope,
        response_type: 'code',
        redirect_uri: origin + CALLBACK_PATH,
        silent_redirect_uri: origin + CALLBACK_PATH,
        post_logout_redirect_uri: origin + '/sign-in',
        // localStorage, not sessionStorage: an installed app is closed and reopened all the time,
        // and offline the stored user is what lets it open at all.
        userStore: new WebStorageStateStore({ store: window.localStorage }),
        automaticSilentRenew: false,
        monitorSession: false,
        loadUserInfo: false,
      })
    })
    return this.manager
  }

  private signedIn(user: User, expired = false) {
    this.set({
      status: 'signed-in',
      identity: identityFrom(user.access_token, user.profile as Record<string, unknown>),
      expired,
    })
  }

  /** Restores the stored user without touching the network. */
  async restore(): Promise<void> {
    try {
      const manager = await this.userManager()
      const user = await manager.getUser()
      if (user) this.signedIn(user, user.expired === true && navigator.onLine)
      else this.set({ status: 'signed-out' })
    } catch (error) {
      this.set({ status: 'error', message: error instanceof Error ? error.message : String(error) })
    }
  }

  async signIn(returnTo = window.location.pathname + window.location.search): Promise<void> {
    sessionStorage.setItem(RETURN_TO_KEY, returnTo.startsWith('/sign-in') ? '/' : returnTo)
    const manager = await this.userManager()
    await manager.signinRedirect()
  }

  /** Completes the redirect back from the provider; returns where the user was going. */
  async completeSignIn(): Promise<string> {
    const manager = await this.userManager()
    const user = await manager.signinRedirectCallback()
    this.signedIn(user)
    const returnTo = sessionStorage.getItem(RETURN_TO_KEY) ?? '/'
    sessionStorage.removeItem(RETURN_TO_KEY)
    return returnTo
  }

  /** Inside the hidden iframe of a silent renewal. */
  async completeSilentRenew(): Promise<void> {
    const manager = await this.userManager()
    await manager.signinSilentCallback()
  }

  async signOut(): Promise<void> {
    const manager = await this.userManager()
    await manager.removeUser()
    this.set({ status: 'signed-out' })
    try {
      await manager.signoutRedirect()
    } catch {
      // Offline or a provider without end_session_endpoint: the local sign-out is what matters.
      window.location.assign('/sign-in')
    }
  }

  /**
   * A usable access token, renewed when it is about to expire. Returns the stale token offline (no
   * request leaves the device anyway) and null when there is no session. Concurrent callers share one renewal.
   */
  async accessToken(): Promise<string | null> {
    const manager = await this.userManager()
    const user = await manager.getUser()
    if (!user) return null
    const fresh = (user.expires_in ?? Number.POSITIVE_INFINITY) > 30
    if (fresh || !navigator.onLine) return user.access_token
    this.renewing ??= manager
      .signinSilent()
      .then((renewed) => {
        if (renewed) this.signedIn(renewed)
        return renewed?.access_token ?? null
      })
      .catch(() => {
        this.markExpired()
        return null
      })
      .finally(() => {
        this.renewing = undefined
      })
    return this.renewing
  }

  /** The server refused the token: keep the user and the cached data, ask to sign in again. */
  markExpired(): void {
    if (this.state.status === 'signed-in' && !this.state.expired) {
      this.set({ ...this.state, expired: true })
    }
  }
}
