// Live delivery latency: N WebSocket subscribers (graphql-transport-ws) on `appealReceived`, appeals
// ingested through GraphQL at a steady rate; for every (appeal, subscriber) pair it records the time from
// sending the ingest request to the event arriving. Prints p50/p95/p99/max in ms, deliveries and losses.
// Run it alone on the machine, against a started jar with the memory backend:
//
//   OTKLIK_EMBEDDED_BACKEND=memory OTKLIK_SEED_DEMO=false java -jar backend/target/otklik.jar &
//   node bench/live-latency.mjs [baseUrl] [subscribers] [appeals] [perSecond]
//
// Client-side numbers on a shared machine: compare builds in the same session, medians of several runs.
import { createRequire } from 'node:module'

const require = createRequire(new URL('../pwa/package.json', import.meta.url))
const { createClient } = require('graphql-ws')
const WebSocket = require('ws')

const base = process.argv[2] ?? 'http://localhost:8080'
const subscribers = Number(process.argv[3] ?? 200)
const appeals = Number(process.argv[4] ?? 200)
const perSecond = Number(process.argv[5] ?? 20)

async function token() {
  const response = await fetch(`${base}/idp/oauth2/token`, {
    method: 'POST',
    headers: {
      Authorization: 'Basic ' + Buffer.from('demo-integrator:demo-integrator-secret').toString('base64'),
      'Content-Type': 'application/x-www-form-urlencoded',
    },
    body: 'grant_type=client_credentials',
  })
  if (!response.ok) throw new Error(`token: HTTP ${response.status}`)
  return (await response.json()).access_token
}

const bearer = await token()
const run = `bench-${Date.now()}`
const sentAt = new Map()
const latencies = []
let delivered = 0
const ingestLatencies = []

const clients = []
let ready = 0
await new Promise((resolve, reject) => {
  for (let i = 0; i < subscribers; i++) {
    const client = createClient({
      url: base.replace(/^http/, 'ws') + '/graphql',
      webSocketImpl: WebSocket,
      connectionParams: { Authorization: `Bearer ${bearer}` },
      lazy: false,
      retryAttempts: 0,
    })
    clients.push(client)
    client.subscribe(
      { query: 'subscription { appealReceived { cursor appeal { externalId } } }' },
      {
        next: ({ data }) => {
          const sent = sentAt.get(data?.appealReceived?.appeal?.externalId)
          if (sent !== undefined) {
            latencies.push(performance.now() - sent)
            delivered++
          }
        },
        error: (e) => reject(new Error('subscription failed: ' + JSON.stringify(e))),
        complete: () => {},
      },
    )
    client.on('connected', () => {
      if (++ready === subscribers) resolve()
    })
  }
})
// Give the server a moment to register the subscriptions behind the acknowledged connections.
await new Promise((r) => setTimeout(r, 2000))

const ingest = `mutation($in: IngestAppealInput!) { ingestAppeal(input: $in) { errors { code } } }`
const started = performance.now()
for (let i = 0; i < appeals; i++) {
  const externalId = `${run}-${i}`
  const due = started + (i * 1000) / perSecond
  const wait = due - performance.now()
  if (wait > 0) await new Promise((r) => setTimeout(r, wait))
  const sent = performance.now()
  sentAt.set(externalId, sent)
  fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${bearer}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({
      query: ingest,
      variables: { in: { channel: 'VK', externalId, text: `Замер задержки ${i}: нет света на улице Ленина` } },
    }),
  })
    .then((response) => response.text())
    .then(() => ingestLatencies.push(performance.now() - sent))
    .catch(() => {})
}
const expected = appeals * subscribers
const deadline = performance.now() + 120_000
while (delivered < expected && performance.now() < deadline) await new Promise((r) => setTimeout(r, 100))
for (const client of clients) client.dispose()

latencies.sort((a, b) => a - b)
const at = (q) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]
const f = (ms) => (ms === undefined ? '-' : ms.toFixed(1))
console.log(
  `subscribers ${subscribers}, appeals ${appeals} at ${perSecond}/s: delivered ${delivered} of ${expected} ` +
    `(lost ${expected - delivered}); latency ms p50 ${f(at(0.5))} p95 ${f(at(0.95))} p99 ${f(at(0.99))} max ${f(latencies.at(-1))}`,
)
ingestLatencies.sort((a, b) => a - b)
const inAt = (q) => ingestLatencies[Math.min(ingestLatencies.length - 1, Math.floor(q * ingestLatencies.length))]
console.log(`ingest round trip ms p50 ${f(inAt(0.5))} p95 ${f(inAt(0.95))} max ${f(ingestLatencies.at(-1))}`)
process.exit(0)
