// Web push: the executor allows notifications in the profile, the device appears there, and an urgent
// appeal assigned to the agency makes the backend POST an encrypted, VAPID-signed message to the push
// service. Headless Chromium cannot reach a real push service, so PushManager.subscribe is stubbed to
// return a subscription whose endpoint is a local fake (support/fake-push.mjs); the app must accept
// http://127.0.0.1 endpoints (OTKLIK_PUSH_ALLOW_HTTP_LOCALHOST=true, set by scripts/e2e).
import assert from 'node:assert/strict'
import { createECDH, randomBytes, randomUUID } from 'node:crypto'
import { after, before, describe, it } from 'node:test'
import { assignAppeal, gql, ingestAppeal, me, tokenFromPage, waitFor } from './support/api.mjs'
import { launchPhone, screenshot } from './support/browser.mjs'
import { BASE_URL, USERS } from './support/env.mjs'
import { startFakePush } from './support/fake-push.mjs'
import { signIn } from './support/login.mjs'

/** What a browser's PushSubscription.toJSON() gives: its endpoint, P-256 public key and auth secret. */
function browserKeys() {
  const ecdh = createECDH('prime256v1')
  ecdh.generateKeys()
  return {
    p256dh: ecdh.getPublicKey().toString('base64url'),
    auth: randomBytes(16).toString('base64url'),
  }
}

describe('web push', () => {
  let executor
  let curator
  let push
  let deviceId
  let executorToken
  before(async () => {
    push = await startFakePush()
    executor = await launchPhone('push-executor')
    curator = await launchPhone('push-curator')
  })
  after(async () => {
    if (deviceId && executorToken) {
      await gql(
        executorToken,
        'mutation ($id: ID!) { deletePushDevice(input: { deviceId: $id }) { errors { code } } }',
        { id: deviceId },
      ).catch(() => {})
    }
    await executor?.close()
    await curator?.close()
    await push?.close()
  })

  it('allows push in the profile and receives an appeal assigned to the agency', async () => {
    const { context, page } = executor
    const endpoint = `${push.origin}/push/${randomUUID()}`
    await context.grantPermissions(['notifications'], { origin: BASE_URL })
    await context.addInitScript(
      ({ url, keys }) => {
        if (!('PushManager' in window)) return
        const subscription = {
          endpoint: url,
          expirationTime: null,
          options: { userVisibleOnly: true },
          getKey: () => null,
          unsubscribe: async () => true,
          toJSON: () => ({ endpoint: url, expirationTime: null, keys }),
        }
        let subscribed = false
        window.PushManager.prototype.subscribe = async function () {
          subscribed = true
          return subscription
        }
        window.PushManager.prototype.getSubscription = async function () {
          return subscribed ? subscription : null
        }
      },
      { url: endpoint, keys: browserKeys() },
    )

    await signIn(page, USERS.executor, /\/queue/)
    executorToken = await tokenFromPage(page)
    const agencyId = (await me(executorToken)).agency.id
    await page.goto('/profile')
    await page.getByRole('heading', { name: 'Уведомления на телефон' }).waitFor()
    await page.getByRole('button', { name: 'Включить уведомления' }).click()
    await page.getByRole('status').filter({ hasText: 'Уведомления включены' }).waitFor()
    const device = page.getByTestId('push-device')
    await device.waitFor()
    assert.ok(
      await device.getByRole('switch', { name: 'Новое обращение в ведомство' }).isChecked(),
      'a new device receives new appeals',
    )
    await screenshot(page, 'push-profile-devices')
    const listed = await gql(executorToken, '{ pushDevices { edges { node { id pushService } } } }')
    const mine = listed.pushDevices.edges.map((edge) => edge.node)
    const registered = mine.find((node) => node.pushService === push.origin)
    assert.ok(registered, 'the device is registered with the fake push service')
    deviceId = registered.id

    await signIn(curator.page, USERS.curator)
    const curatorToken = await tokenFromPage(curator.page)
    // Urgent: sent at once, not after the group window.
    const appeal = await ingestAppeal({ urgent: true })
    await assignAppeal(curatorToken, appeal.id, agencyId)

    const path = new URL(endpoint).pathname
    const call = await waitFor(
      'the push message',
      () => push.calls.find((c) => c.path === path),
      60_000,
    )
    assert.equal(call.method, 'POST')
    assert.equal(call.headers['content-encoding'], 'aes128gcm')
    assert.equal(call.headers.urgency, 'high')
    assert.ok(Number(call.headers.ttl) > 0, 'a TTL is set')
    // Encrypted: nothing of the appeal can be read off the wire.
    assert.ok(call.body.length > 100)
    assert.ok(!call.body.toString('latin1').includes(appeal.id))
    const vapid = /^vapid t=([^,]+),\s*k=(.+)$/.exec(call.headers.authorization)
    assert.ok(vapid, `a VAPID header: ${call.headers.authorization}`)
    const claims = JSON.parse(Buffer.from(vapid[1].split('.')[1], 'base64url').toString())
    assert.equal(claims.aud, push.origin)
    const { pushPublicKey } = await gql(executorToken, '{ pushPublicKey }')
    assert.equal(vapid[2], pushPublicKey)
  })
})
