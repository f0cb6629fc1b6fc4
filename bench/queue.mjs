#!/usr/bin/env node
// Queue page through GraphQL against the raw MongoDB driver doing the same find on the same database.
// For each given jar: starts it (memory backend, demo region seeded), signs in as `curator`, and then
//  1. GraphQL: n requests of `appeals(first: 50)` with the queue's selection (the PWA's AppealSummary:
//     agency names, executor, SLA clocks) from c concurrent clients;
//  2. raw: n times the same find (same filter, sort and limit) plus the agencies of the page by id,
//     through the Node `mongodb` driver connected straight to the app's embedded server.
// Prints pages/s, latency p50/p99 and the app's CPU time per page (from /proc/PID/stat). The embedded
// server runs inside the app's JVM, so the raw line's CPU is what the database work alone costs there,
// and GraphQL's CPU above it is the cost of the API layer. CPU per page is the load-robust figure.
//
//   cd bench && npm ci && cd .. && node bench/queue.mjs [--n 400] [--c 8] [--port 18396] [--times 1] a.jar [b.jar ...]
import { MongoClient } from 'mongodb';
import { startJar, userToken, cpuMs, drive, percentile, load } from './lib.mjs';

const options = { n: 400, c: 8, port: 18396, first: 50, user: 'curator' };
const jars = [];
for (let i = 2; i < process.argv.length; i++) {
  const arg = process.argv[i];
  if (arg.startsWith('--')) options[arg.slice(2)] = isNaN(Number(process.argv[i + 1])) ? process.argv[++i] : Number(process.argv[++i]);
  else jars.push(arg);
}
if (jars.length === 0) jars.push('backend/target/otklik.jar');

const QUEUE = `query($first: Int) { appeals(first: $first) {
  edges { cursor node { id number version status channel text municipality category urgent receivedAt
    firstRespondedAt answeredAt redirectCount agency { id name } executor { id name }
    sla { paused firstResponse { state dueAt } finalAnswer { state dueAt } } } }
  pageInfo { hasNextPage endCursor } } }`;

function line(label, run, cpu) {
  const { latencies, seconds } = run;
  const n = latencies.length;
  return `${label.padEnd(11)} ${(n / seconds).toFixed(0).padStart(5)} pages/s, p50 ${percentile(latencies, 0.5).toFixed(1)} ms, `
    + `p99 ${percentile(latencies, 0.99).toFixed(1)} ms, app CPU ${(cpu / n).toFixed(2)} ms/page`;
}

async function measure(jar) {
  const mongoPort = options.port + 1;
  const app = await startJar(jar, { port: options.port, env: { OTKLIK_EMBEDDED_BACKEND: 'memory', OTKLIK_SEED_DEMO: 'true',
    OTKLIK_EMBEDDED_PORT: String(mongoPort) } });
  const client = new MongoClient(`mongodb://127.0.0.1:${mongoPort}/?directConnection=true&maxPoolSize=${options.c}`);
  try {
    const bearer = userToken(`http://localhost:${options.port}`, options.user);
    const graphql = async () => {
      const response = await fetch(`${app.base}/graphql`, { method: 'POST',
        headers: { authorization: `Bearer ${bearer}`, 'content-type': 'application/json' },
        body: JSON.stringify({ query: QUEUE, variables: { first: options.first } }) });
      const body = await response.json();
      const edges = body.data?.appeals?.edges;
      if (!edges || edges.length !== options.first || !edges[0].node.agency?.name) throw new Error(JSON.stringify(body).slice(0, 500));
    };
    const db = client.db('otklik');
    // The find AppealSearch issues for a curator (scope: all) in the default order, one extra row for
    // hasNextPage; `summary` leaves out what a summary selection never reads, as AppealSearch then does.
    const rawFind = (projection) => async () => {
      const page = await db.collection('appeals').find({}, { projection }).sort({ receivedAt: -1, _id: -1 })
        .limit(options.first + 1).toArray();
      const ids = [...new Set(page.map((a) => a.agencyId).filter(Boolean))];
      await db.collection('agencies').find({ _id: { $in: ids } }).toArray();
      if (page.length < options.first) throw new Error(`raw find returned ${page.length} appeals`);
    };
    // Warm-up: JIT, connections, caches, for both paths.
    await drive(Math.min(200, options.n), options.c, graphql);
    const raw = rawFind(undefined);
    const summary = rawFind({ history: 0, answers: 0, messages: 0, searchTerms: 0 });
    await drive(Math.min(200, options.n), options.c, raw);
    await drive(Math.min(200, options.n), options.c, summary);
    const results = [];
    for (const [label, operation] of [['graphql', graphql], ['raw', raw], ['raw summary', summary]]) {
      const before = cpuMs(app.pid);
      const started = new Date();
      const run = await drive(options.n, options.c, operation);
      results.push({ label, run, cpu: cpuMs(app.pid) - before });
      // With --times, each phase's wall-clock span, to cut a profile (JFR's startTime) to one phase.
      if (options.times) console.log(`  phase ${label}: ${started.toISOString()} .. ${new Date().toISOString()}`);
    }
    return results;
  } finally {
    await client.close();
    await app.stop();
  }
}

console.log(`queue page appeals(first: ${options.first}) as ${options.user}, n ${options.n}, c ${options.c}, load at start ${load()}`);
for (const jar of jars) {
  const [graphql, raw, summary] = await measure(jar);
  console.log(jar);
  for (const r of [graphql, raw, summary]) console.log('  ' + line(r.label, r.run, r.cpu));
  const rate = (r) => r.run.latencies.length / r.run.seconds;
  console.log(`  GraphQL/raw: throughput ${(rate(graphql) / rate(raw)).toFixed(2)}x, app CPU per page `
    + `${(graphql.cpu / raw.cpu).toFixed(1)}x raw's (load now ${load()})`);
}
