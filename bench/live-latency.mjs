#!/usr/bin/env node
// Live fan-out: for each size (default 1, 1000, 5000, 10000) N WebSocket subscribers (graphql-transport-ws)
// on `appealReceived`, appeals ingested through GraphQL at a steady rate; for every (appeal, subscriber)
// pair it records the time from sending the ingest request to the event arriving. Prints per size:
// latency p50/p95/p99/max, deliveries, lost and duplicated pairs, the app's CPU time per delivery
// (/proc/PID/stat over the ingest-and-deliver phase) and its RSS growth per 1,000 idle subscribers. The
// size-1 line is the baseline of the same run: what one ingest-to-event costs without fan-out.
//
// Starts the jar itself (memory backend, no demo data) unless given --url of a running one (then --pid for
// the CPU and RSS figures):
//
//   cd bench && npm ci && cd .. && node bench/live-latency.mjs [--jar backend/target/otklik.jar] [--port 18199]
//       [--sizes 1,1000,5000,10000] [--appeals 100] [--rate 20] [--url http://localhost:8080 --pid 1234]
//
// Run it alone on the machine for figures to compare; on a shared machine CPU per delivery is the figure.
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { startJar, integratorToken, cpuMs, rssMb, percentile, load, sleep } from './lib.mjs';

const options = { jar: 'backend/target/otklik.jar', port: 18199, sizes: '1,1000,5000,10000', appeals: 100, rate: 20, url: '', pid: 0 };
for (let i = 2; i < process.argv.length; i++) {
  const arg = process.argv[i];
  if (arg.startsWith('--')) options[arg.slice(2)] = isNaN(Number(process.argv[i + 1])) ? process.argv[++i] : Number(process.argv[++i]);
}
const sizes = String(options.sizes).split(',').map(Number);

const app = options.url ? { base: options.url, pid: options.pid || null, stop: async () => {} }
  : await startJar(options.jar, { port: options.port, env: { OTKLIK_EMBEDDED_BACKEND: 'memory', OTKLIK_SEED_DEMO: 'false' } });
const bearer = await integratorToken(app.base);
const ingest = 'mutation($in: IngestAppealInput!) { ingestAppeal(input: $in) { errors { code } } }';
const f = (ms) => (ms === undefined ? '-' : ms.toFixed(1));

async function send(externalId, i) {
  const response = await fetch(`${app.base}/graphql`, { method: 'POST',
    headers: { Authorization: `Bearer ${bearer}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ query: ingest, variables: { in: { channel: 'VK', externalId,
      text: `Замер задержки ${i}: нет света на улице Ленина` } } }) });
  await response.text();
}

async function measure(subscribers, run) {
  const sentAt = new Map();
  const seen = new Map(); // externalId -> deliveries (to count duplicates and losses per pair)
  const latencies = [];
  const clients = [];
  const rssBefore = app.pid ? rssMb(app.pid) : NaN;
  let ready = 0;
  let failed = 0;
  await new Promise((resolve) => {
    for (let i = 0; i < subscribers; i++) {
      const client = createClient({ url: app.base.replace(/^http/, 'ws') + '/graphql', webSocketImpl: WebSocket,
        connectionParams: { Authorization: `Bearer ${bearer}` }, lazy: false, retryAttempts: 0 });
      clients.push(client);
      const delivered = new Set(); // this subscriber's appeals: a second delivery of one is a duplicate
      client.subscribe({ query: 'subscription { appealReceived { cursor appeal { externalId } } }' }, {
        next: ({ data }) => {
          const externalId = data?.appealReceived?.appeal?.externalId;
          const sent = sentAt.get(externalId);
          if (sent === undefined) return;
          if (delivered.has(externalId)) {
            seen.set('duplicates', (seen.get('duplicates') ?? 0) + 1);
            return;
          }
          delivered.add(externalId);
          latencies.push(performance.now() - sent);
        },
        error: () => { failed++; },
        complete: () => {},
      });
      client.on('connected', () => { if (++ready === subscribers) resolve(); });
    }
  });
  // The server registers the subscriptions behind the acknowledged connections; then they sit idle.
  await sleep(Math.max(2000, subscribers / 2));
  const rssIdle = app.pid ? rssMb(app.pid) : NaN;

  const cpuBefore = app.pid ? cpuMs(app.pid) : NaN;
  const started = performance.now();
  const ingests = [];
  for (let i = 0; i < options.appeals; i++) {
    const externalId = `live-${run}-${subscribers}-${i}`;
    const wait = started + (i * 1000) / options.rate - performance.now();
    if (wait > 0) await sleep(wait);
    sentAt.set(externalId, performance.now());
    ingests.push(send(externalId, i).catch(() => {}));
  }
  await Promise.all(ingests);
  const expected = options.appeals * subscribers;
  const deadline = performance.now() + 120_000;
  while (latencies.length < expected && performance.now() < deadline) await sleep(100);
  const cpu = app.pid ? cpuMs(app.pid) - cpuBefore : NaN;
  for (const client of clients) client.dispose();
  await sleep(1000);

  latencies.sort((a, b) => a - b);
  const delivered = latencies.length;
  console.log(`${String(subscribers).padStart(6)} subscribers: delivered ${delivered} of ${expected}, lost ${expected - delivered}, `
    + `duplicated ${seen.get('duplicates') ?? 0}, failed subscriptions ${failed}; ms p50 ${f(percentile(latencies, 0.5))} `
    + `p95 ${f(percentile(latencies, 0.95))} p99 ${f(percentile(latencies, 0.99))} max ${f(latencies.at(-1))}; `
    + `app CPU ${(1000 * cpu / Math.max(1, delivered)).toFixed(0)} µs/delivery; `
    + (subscribers >= 100 ? `RSS +${((rssIdle - rssBefore) * 1000 / subscribers).toFixed(1)} MB per 1,000 idle subscribers, `
      : '') + `RSS ${rssIdle.toFixed(0)} MB`);
}

console.log(`live fan-out on appealReceived, ${options.appeals} appeals at ${options.rate}/s per size, load at start ${load()}`);
try {
  // Warm-up without subscribers: JIT and connections, so the first size is not the cold one.
  await Promise.all(Array.from({ length: 50 }, (_, i) => send(`live-warm-${i}`, i)));
  let run = 0;
  for (const size of sizes) await measure(size, run++);
} finally {
  console.log(`load at end ${load()}`);
  await app.stop();
}
process.exit(0);
