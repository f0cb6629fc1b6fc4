// A burst of VK Callback API events at one community webhook: N events (a share of them sent twice, as
// VK does), C at a time. Prints events/s, webhook answer times (VK gives up on a slow server), and once
// the inbox is drained, how many appeals were created: each distinct comment once, no repeat.
// Run it alone on the machine against a started jar (embedded default; it connects its own account). The
// VK API URL points at a closed local port, so looking up authors' names fails fast and nothing leaves:
//
//   OTKLIK_EMBEDDED_BACKEND=memory OTKLIK_SEED_DEMO=false OTKLIK_VK_API_URL=http://127.0.0.1:9 \
//     java -jar backend/target/otklik.jar &
//   node bench/channel-burst.mjs [baseUrl] [events] [concurrency] [repeatShare]
import { execFileSync } from 'node:child_process'

const base = process.argv[2] ?? 'http://localhost:8080'
const events = Number(process.argv[3] ?? 1000)
const concurrency = Number(process.argv[4] ?? 50)
const repeatShare = Number(process.argv[5] ?? 0.1)

const token = execFileSync(new URL('../scripts/pkce-login.sh', import.meta.url).pathname, [base, 'curator', 'demo'], {
  stdio: ['ignore', 'pipe', 'ignore'],
})
  .toString()
  .trim()
async function graphql(query, variables) {
  const response = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  })
  const body = await response.json()
  if (body.errors) throw new Error(JSON.stringify(body.errors))
  return body.data
}

const run = `burst${Date.now()}`
const { connectChannelAccount } = await graphql(
  `mutation($in: ConnectChannelAccountInput!) { connectChannelAccount(input: $in) { errors { message } account { webhookPath } } }`,
  { in: { kind: 'VK', name: run, token: 'bench', secret: 'bench-secret', confirmationCode: 'x', externalAccountId: '100' } },
)
const path = connectChannelAccount.account.webhookPath

const distinct = Math.round(events * (1 - repeatShare))
const queue = []
for (let i = 0; i < events; i++) queue.push(i < distinct ? i : Math.floor(Math.random() * distinct))
const times = []
let refused = 0
async function send(n) {
  const body = JSON.stringify({
    type: 'wall_reply_new', event_id: `${run}-${n}`, v: '5.199', group_id: 100, secret: 'bench-secret',
    object: { id: 1000 + n, from_id: 5000 + n, post_id: 7, owner_id: -100, date: 1764500000, text: `${run} комментарий ${n}: нет света` },
  })
  const started = performance.now()
  const response = await fetch(`${base}${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body })
  const text = await response.text()
  times.push(performance.now() - started)
  if (response.status !== 200 || text !== 'ok') refused++
}
const started = performance.now()
await Promise.all(Array.from({ length: concurrency }, async () => {
  while (queue.length > 0) await send(queue.shift())
}))
const seconds = (performance.now() - started) / 1000

// Wait until the appeals stop growing (the inbox drained), counting them page by page.
async function count() {
  let total = 0
  let after = null
  for (;;) {
    const data = await graphql(
      `query($t: String, $a: String) { appeals(filter: { text: $t }, first: 100, after: $a) { edges { node { id } } pageInfo { hasNextPage endCursor } } }`,
      { t: run, a: after },
    )
    total += data.appeals.edges.length
    if (!data.appeals.pageInfo.hasNextPage) return total
    after = data.appeals.pageInfo.endCursor
  }
}
let created = -1
for (let stable = 0; stable < 3; ) {
  await new Promise((r) => setTimeout(r, 1000))
  const now = await count()
  stable = now === created ? stable + 1 : 0
  created = now
}
times.sort((a, b) => a - b)
const at = (q) => times[Math.min(times.length - 1, Math.floor(q * times.length))].toFixed(1)
console.log(
  `${events} events (${events - distinct} repeats) at concurrency ${concurrency}: ${(events / seconds).toFixed(0)} events/s, ` +
    `answered p50 ${at(0.5)} ms p99 ${at(0.99)} ms max ${times.at(-1).toFixed(1)} ms, refused ${refused}; ` +
    `appeals created ${created} of ${distinct} distinct comments`,
)
