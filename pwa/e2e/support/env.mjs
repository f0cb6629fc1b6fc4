// Everything the e2e specs assume about the running system, overridable from the environment.
export const BASE_URL = (process.env.E2E_BASE_URL ?? 'http://localhost:8080').replace(/\/$/, '')
export const CHROMIUM = process.env.CHROME_PATH ?? '/usr/bin/chromium'

export const USERS = {
  executor: {
    username: process.env.E2E_EXECUTOR ?? 'exec.health',
    password: process.env.E2E_PASSWORD ?? 'demo',
  },
  curator: {
    username: process.env.E2E_CURATOR ?? 'curator',
    password: process.env.E2E_PASSWORD ?? 'demo',
  },
  head: {
    username: process.env.E2E_HEAD ?? 'head.health',
    password: process.env.E2E_PASSWORD ?? 'demo',
  },
}

export const INTEGRATOR = {
  clientId: process.env.E2E_INTEGRATOR_ID ?? 'demo-integrator',
  clientSecret: process.env.E2E_INTEGRATOR_SECRET ?? 'demo-integrator-secret',
  scope: process.env.E2E_INTEGRATOR_SCOPE ?? '',
}

/**
 * How long a spec waits for a live update before it fails: a bound for slow machines, not a figure to
 * meet (bench/live-latency.mjs measures delivery time).
 */
export const LIVE_WAIT_MS = Number(process.env.E2E_LIVE_WAIT_MS ?? 15_000)
