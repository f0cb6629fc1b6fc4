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

/** The live requirement: a new appeal shows in the queue within 2 s of reaching the server. */
export const LIVE_DEADLINE_MS = Number(process.env.E2E_LIVE_DEADLINE_MS ?? 2000)
