#!/usr/bin/env node
// Live fan-out: for each size (default 1, 1000, 5000, 10000) N WebSocket subscribers (graphql-transport-ws)
// on `appealReceived`, appeals ingested through GraphQL at a steady rate; for every (appeal, subscriber)
// pair it records the time from sending the ingest request to the event arriving. Prints per size:
// latency p50/p95/p99/max, deliveries, lost and duplicated pairs, the app's CPU time per delivery
// (/proc/PID/stat over the ingest-and-deliver phase), its RSS growth and its live heap growth (after a full
// collection, through jcmd) per 1,000 idle subscribers. The size-1 line is the baseline of the same run: what
// one ingest-to-event costs without fan-out. Several jars (--jar a.jar,b.jar) run one after the other in one
// invocation, for a before/after from the same run.
//
// Starts each jar itself (memory backend, no demo data, JVM options as the README runs it) unless given --url
// of a running one (then --pid for the CPU and RSS figures):
//
//   cd bench && npm ci && cd .. && node bench/live-latency.mjs [--jar backend/target/otklik.jar[,other.jar]]
//       [--port 18199] [--sizes 1,1000,5000,10000] [--appeals 100] [--rate 20] [--clients N]
//       [--java-opts "-Xms64m -Xmx256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1"] [--url http://localhost:8080 --pid 1234]
//
// The subscribers speak graphql-transport-ws over `ws` themselves instead of through the graphql-ws client:
// 1,000 of them receive 20,000 messages a second on the same two cores as the app, and a full JSON parse and
// the client's validation of each cost the app CPU time it needs. A `next` frame is read with a targeted search
// for the appeal's externalId; every other message is parsed in full. Every delivery is still counted per
// (appeal, subscriber) pair, for losses and duplicates. The subscribers are spread over worker threads
// (--clients, by default one per 2,000 subscribers up to the number of cores), each with its own event loop
// and sockets, all timed on the one monotonic clock the threads share; the line's client CPU is the whole
// load generator's per delivery.
//
// Run it alone on the machine for figures to compare; on a shared machine CPU per delivery is the figure.
import { availableParallelism } from 'node:os';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import WebSocket from 'ws';
import { startJar, integratorToken, cpuMs, rssMb, liveHeapMb, percentile, load, sleep } from './lib.mjs';

const options = { jar: 'backend/target/otklik.jar', port: 18199, sizes: '1,1000,5000,10000', appeals: 100, rate: 20, url: '', pid: 0,
  'java-opts': '-Xms64m -Xmx256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1' };
for (let i = 2; i < process.argv.length; i++) {
  const arg = process.argv[i];
  if (arg.startsWith('--')) options[arg.slice(2)] = isNaN(Number(process.argv[i + 1])) ? process.argv[++i] : Number(process.argv[++i]);
}
const sizes = String(options.sizes).split(',').map(Number);
const javaOpts = String(options['java-opts']).split(' ').filter(Boolean);
const ingest = 'mutation($in: IngestAppealInput!) { ingestAppeal(input: $in) { errors { code } } }';
const subscription = 'subscription { appealReceived { cursor appeal { externalId } } }';
const f = (ms) => (ms === undefined ? '-' : ms.toFixed(1));
const EXTERNAL_ID = Buffer.from('"externalId":"');
const NEXT = Buffer.from('"type":"next"');
let app;
let bearer;
let ingestCpu;

async function send(externalId, i) {
  const response = await fetch(`${app.base}/graphql`, { method: 'POST',
    headers: { Authorization: `Bearer ${bearer}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ query: ingest, variables: { in: { channel: 'VK', externalId,
      text: `Замер задержки ${i}: нет света на улице Ленина` } } }) });
  await response.text();
}

/** Milliseconds on the monotonic clock every thread of the process shares (performance.now() is per thread). */
const now = () => Number(process.hrtime.bigint()) / 1e6;

/**
 * A worker's share of the subscribers: each a graphql-transport-ws WebSocket of its own, every `next` frame
 * counted per (appeal, subscriber) pair and timed on arrival with the shared clock. Reports 'settled' once each
 * of its sockets is subscribed or closed, 'progress' every 100 ms, and on 'close' the arrival times by appeal.
 */
function subscribers({ base, bearer, count, prefix }) {
  const arrivals = new Map(); // externalId -> arrival times (ms, shared clock)
  const clients = [];
  let delivered = 0;
  let duplicates = 0;
  let ready = 0;
  let failed = 0;
  let settled = false;
  let closing = false;
  const closes = {}; // close code -> subscribers closed by the server before the end
  const settle = () => {
    if (!settled && ready + failed === count) {
      settled = true;
      parentPort.postMessage({ type: 'settled' });
    }
  };
  for (let i = 0; i < count; i++) {
    const socket = new WebSocket(base.replace(/^http/, 'ws') + '/graphql', 'graphql-transport-ws', { perMessageDeflate: false });
    clients.push(socket);
    const seen = new Set(); // this subscriber's appeals: a second delivery of one is a duplicate
    socket.on('open', () => socket.send(JSON.stringify({ type: 'connection_init', payload: { Authorization: `Bearer ${bearer}` } })));
    socket.on('error', () => {});
    socket.on('close', (code) => {
      if (closing) return;
      failed++;
      closes[code] = (closes[code] ?? 0) + 1;
      // One that never got its ack (a 4408 init timeout on a starved server) no longer holds the start back.
      settle();
    });
    socket.on('message', (data) => {
      const at = data.indexOf(EXTERNAL_ID);
      if (at >= 0 && data.indexOf(NEXT) >= 0) {
        const received = now();
        const start = at + EXTERNAL_ID.length;
        const externalId = data.toString('utf8', start, data.indexOf(34, start)); // up to the closing quote
        if (!externalId.startsWith(prefix)) return; // a late event of the warm-up or an earlier size
        if (seen.has(externalId)) {
          duplicates++;
          return;
        }
        seen.add(externalId);
        delivered++;
        let times = arrivals.get(externalId);
        if (times === undefined) arrivals.set(externalId, times = []);
        times.push(received);
        return;
      }
      const message = JSON.parse(data.toString());
      if (message.type === 'connection_ack') {
        socket.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query: subscription } }));
        ready++;
        settle();
      } else if (message.type === 'ping') {
        socket.send('{"type":"pong"}');
      } else if (message.type === 'error' || (message.type === 'next' && message.payload?.errors)) {
        failed++;
      }
    });
  }
  const progress = setInterval(() => parentPort.postMessage({ type: 'progress', delivered, open: count - failed }), 100);
  parentPort.on('message', async (message) => {
    if (message !== 'close') return;
    clearInterval(progress);
    closing = true;
    for (const socket of clients) socket.close();
    await sleep(1000);
    parentPort.postMessage({ type: 'closed', arrivals: [...arrivals], duplicates, failed, closes });
    process.exit(0);
  });
}

async function measure(subscribers, run) {
  const sentAt = new Map();
  // The subscribers live in worker threads, a share each, so that reading 10,000 sockets is not one thread's
  // queue: at one thread's ~20 µs a frame the last of 10,000 subscribers would read an event 200 ms late
  // whatever the server did.
  const workers = Math.max(1, Math.min(Number(options.clients) || Math.min(availableParallelism(), Math.ceil(subscribers / 2000)), subscribers));
  const rssBefore = app.pid ? rssMb(app.pid) : NaN;
  const heapBefore = app.pid && subscribers >= 100 ? liveHeapMb(app.pid) : NaN;
  const threads = Array.from({ length: workers }, (_, w) => {
    const count = Math.floor(subscribers / workers) + (w < subscribers % workers ? 1 : 0);
    const thread = new Worker(new URL(import.meta.url), { argv: process.argv.slice(2), workerData: { base: app.base, bearer, count, prefix: `live-${run}-${subscribers}-` } });
    thread.delivered = 0;
    thread.open = count;
    thread.on('error', (error) => {
      console.error(`subscriber thread ${w}:`, error);
      process.exit(1);
    });
    thread.settled = new Promise((resolve) => thread.on('message', (message) => {
      if (message.type === 'settled') resolve();
      else if (message.type === 'progress') Object.assign(thread, { delivered: message.delivered, open: message.open });
    }));
    thread.closed = new Promise((resolve) => thread.on('message', (message) => message.type === 'closed' && resolve(message)));
    return thread;
  });
  await Promise.all(threads.map((thread) => thread.settled));
  // The server registers the subscriptions behind the acknowledged connections; then they sit idle.
  await sleep(Math.max(2000, subscribers / 2));
  const rssIdle = app.pid ? rssMb(app.pid) : NaN;
  const heapIdle = app.pid && subscribers >= 100 ? liveHeapMb(app.pid) : NaN;

  const cpuBefore = app.pid ? cpuMs(app.pid) : NaN;
  const clientCpuBefore = process.cpuUsage();
  const started = now();
  const ingests = [];
  for (let i = 0; i < options.appeals; i++) {
    const externalId = `live-${run}-${subscribers}-${i}`;
    const wait = started + (i * 1000) / options.rate - now();
    if (wait > 0) await sleep(wait);
    sentAt.set(externalId, now());
    ingests.push(send(externalId, i).catch(() => {}));
  }
  await Promise.all(ingests);
  const expected = options.appeals * subscribers;
  const deadline = now() + 120_000;
  const arrived = () => threads.reduce((sum, thread) => sum + thread.delivered, 0);
  // Until every subscriber still open has every appeal: one the server closed (a 4408 on a starved machine)
  // would otherwise hold the end back to the deadline, and its idle CPU would count as the deliveries'.
  const open = () => threads.reduce((sum, thread) => sum + thread.open, 0);
  while (arrived() < options.appeals * open() && now() < deadline) await sleep(100);
  const cpu = app.pid ? cpuMs(app.pid) - cpuBefore : NaN;
  const clientCpu = process.cpuUsage(clientCpuBefore);
  threads.forEach((thread) => thread.postMessage('close'));
  const reports = await Promise.all(threads.map((thread) => thread.closed));

  const latencies = [];
  let duplicated = 0;
  let failed = 0;
  const closes = new Map();
  for (const report of reports) {
    duplicated += report.duplicates;
    failed += report.failed;
    for (const [code, n] of Object.entries(report.closes)) closes.set(code, (closes.get(code) ?? 0) + n);
    for (const [externalId, times] of report.arrivals) {
      const sent = sentAt.get(externalId);
      if (sent !== undefined) for (const time of times) latencies.push(time - sent);
    }
  }
  latencies.sort((a, b) => a - b);
  const delivered = latencies.length;
  // One subscriber: what an appeal costs with its single delivery, subtracted from the larger sizes' figures.
  if (subscribers === 1) ingestCpu = cpu / options.appeals;
  console.log(`${String(subscribers).padStart(6)} subscribers: delivered ${delivered} of ${expected}, lost ${expected - delivered}, `
    + `duplicated ${duplicated}, failed subscriptions ${failed}`
    + (closes.size ? ` (closed: ${[...closes].map(([code, n]) => `${n}× ${code}`).join(', ')})` : '') + `; ms p50 ${f(percentile(latencies, 0.5))} `
    + `p95 ${f(percentile(latencies, 0.95))} p99 ${f(percentile(latencies, 0.99))} max ${f(latencies.at(-1))}; `
    + `app CPU ${(1000 * cpu / Math.max(1, delivered)).toFixed(0)} µs/delivery`
    + (subscribers > 1 && ingestCpu !== undefined
      ? ` (${(1000 * (cpu - ingestCpu * options.appeals) / Math.max(1, delivered)).toFixed(0)} beyond the size-1 line's per appeal)` : '')
    + `, client CPU ${((clientCpu.user + clientCpu.system) / 1000 / Math.max(1, delivered) * 1000).toFixed(0)} µs/delivery in ${workers} thread${workers > 1 ? 's' : ''}`
    + '; '
    + (subscribers >= 100 ? `RSS +${((rssIdle - rssBefore) * 1000 / subscribers).toFixed(1)} MB and live heap `
      + `+${((heapIdle - heapBefore) * 1000 / subscribers).toFixed(1)} MB per 1,000 idle subscribers, ` : '')
    + `RSS ${rssIdle.toFixed(0)} MB`);
}

async function main() {
  const jars = options.url ? [options.url] : String(options.jar).split(',');
  console.log(`live fan-out on appealReceived, ${options.appeals} appeals at ${options.rate}/s per size, `
    + `JVM options ${javaOpts.join(' ') || 'none'}, load at start ${load()}`);
  for (const jar of jars) {
    app = options.url ? { base: options.url, pid: options.pid || null, stop: async () => {} }
      : await startJar(jar, { port: options.port, javaOpts,
        env: { OTKLIK_EMBEDDED_BACKEND: 'memory', OTKLIK_SEED_DEMO: 'false' } });
    bearer = await integratorToken(app.base);
    ingestCpu = undefined;
    console.log(`${jar} (load ${load()})`);
    try {
      // Warm-up without subscribers: JIT and connections, so the first size is not the cold one.
      await Promise.all(Array.from({ length: 50 }, (_, i) => send(`live-warm-${i}`, i)));
      let run = 0;
      for (const size of sizes) await measure(size, run++);
    } finally {
      await app.stop();
    }
  }
  console.log(`load at end ${load()}`);
  process.exit(0);
}

if (isMainThread) await main();
else subscribers(workerData);
