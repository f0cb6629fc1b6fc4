// Talking to the backend directly: the integrator's ingest, and reads that check what the UI did.
// The client-credentials details may still change on the backend: they live only in integratorToken().
import { BASE_URL, INTEGRATOR } from './env.mjs'

let authConfig
export async function getAuthConfig() {
  if (!authConfig) {
    const response = await fetch(`${BASE_URL}/auth/config`)
    if (!response.ok) throw new Error(`/auth/config: HTTP ${response.status}`)
    authConfig = await response.json()
  }
  return authConfig
}

async function tokenEndpoint() {
  if (process.env.E2E_TOKEN_URL) return process.env.E2E_TOKEN_URL
  const { issuer } = await getAuthConfig()
  try {
    const discovery = await fetch(`${issuer.replace(/\/$/, '')}/.well-known/openid-configuration`)
    if (discovery.ok) return (await discovery.json()).token_endpoint
  } catch {
    // Fall back to the Spring Authorization Server default below.
  }
  return `${issuer.replace(/\/$/, '')}/oauth2/token`
}

/** An integrator access token by the client-credentials grant. */
export async function integratorToken() {
  const body = new URLSearchParams({ grant_type: 'client_credentials' })
  if (INTEGRATOR.scope) body.set('scope', INTEGRATOR.scope)
  const response = await fetch(await tokenEndpoint(), {
    method: 'POST',
    headers: {
      Authorization: `Basic ${Buffer.from(`${INTEGRATOR.clientId}:${INTEGRATOR.clientSecret}`).toString('base64')}`,
      'Content-Type': 'application/x-www-form-urlencoded',
    },
    body,
  })
  if (!response.ok)
    throw new Error(`client_credentials: HTTP ${response.status} ${await response.text()}`)
  return (await response.json()).access_token
}

export async function gql(token, query, variables = {}) {
  const response = await fetch(`${BASE_URL}/graphql`, {
    method: 'POST',
    headers: {
      Authorization: `Bearer ${token}`,
      'Content-Type': 'application/json',
      Accept: 'application/json',
    },
    body: JSON.stringify({ query, variables }),
  })
  const json = await response.json()
  if (json.errors?.length) throw new Error(`GraphQL: ${JSON.stringify(json.errors)}`)
  return json.data
}

/** The signed-in user's access token, read from the PWA's own session storage. */
export async function tokenFromPage(page) {
  const token = await page.evaluate(() => {
    for (let i = 0; i < localStorage.length; i += 1) {
      const key = localStorage.key(i)
      if (key?.startsWith('oidc.user:')) return JSON.parse(localStorage.getItem(key)).access_token
    }
    return null
  })
  if (!token) throw new Error('No signed-in user in the page')
  return token
}

export async function me(token) {
  return (await gql(token, 'query { me { id name roles agency { id code name } } }')).me
}

let sequence = 0
/** Ingests a unique appeal as the integrator; returns its id. */
export async function ingestAppeal(overrides = {}) {
  sequence += 1
  const token = await integratorToken()
  const input = {
    channel: 'VK',
    externalId: `e2e-${Date.now()}-${sequence}`,
    url: 'https://vk.com/wall-1_1',
    text: `E2E ${new Date().toISOString()} #${sequence}: нет горячей воды в поликлинике на Пролетарской`,
    municipality: 'MAGADAN',
    category: 'HEALTHCARE',
    urgent: false,
    reach: { views: 120, likes: 4, comments: 2 },
    ...overrides,
  }
  const data = await gql(
    token,
    `mutation ($input: IngestAppealInput!) {
      ingestAppeal(input: $input) { appeal { id status } duplicate errors { code message } }
    }`,
    { input },
  )
  const payload = data.ingestAppeal
  if (payload.errors.length) throw new Error(`ingestAppeal: ${JSON.stringify(payload.errors)}`)
  return { id: payload.appeal.id, text: input.text }
}

export async function assignAppeal(curatorToken, appealId, agencyId) {
  const data = await gql(
    curatorToken,
    `mutation ($input: AssignAppealInput!) { assignAppeal(input: $input) { appeal { id status } errors { code message } } }`,
    { input: { appealId, agencyId } },
  )
  if (data.assignAppeal.errors.length)
    throw new Error(`assignAppeal: ${JSON.stringify(data.assignAppeal.errors)}`)
}

export async function readAppeal(token, id) {
  const data = await gql(
    token,
    `query ($id: ID!) { appeal(id: $id) { id status executor { id } answers { id kind text review } } }`,
    { id },
  )
  return data.appeal
}

/** Runs a mutation that takes one `input` and fails on any user error in its payload. */
export async function mutate(token, mutation, input) {
  const type = mutation[0].toUpperCase() + mutation.slice(1) + 'Input'
  const data = await gql(
    token,
    `mutation ($input: ${type}!) { ${mutation}(input: $input) { errors { code message } } }`,
    { input },
  )
  if (data[mutation].errors.length)
    throw new Error(`${mutation}: ${JSON.stringify(data[mutation].errors)}`)
}

/** The path of the appeal's citizen link, waiting for it to be issued (it follows the approval). */
export async function citizenLinkPath(token, appealId) {
  return waitFor('the citizen link', async () => {
    const { appeal } = await gql(
      token,
      `query ($id: ID!) { appeal(id: $id) { citizenLink { path } } }`,
      { id: appealId },
    )
    return appeal.citizenLink?.path
  })
}

/** Polls `read` until it gives something truthy, which it returns; fails after `timeout` ms. */
export async function waitFor(what, read, timeout = 15_000) {
  const until = Date.now() + timeout
  for (;;) {
    const value = await read()
    if (value) return value
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 300))
  }
}
