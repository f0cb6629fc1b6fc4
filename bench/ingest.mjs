#!/usr/bin/env node
// Ingest through GraphQL against raw inserts of the same documents, for each given jar (for example
// before and after a change, alternated with --runs). Each jar starts on a fresh data directory (embedded
// default, H2 file unless --backend memory); C integrator clients send N ingestAppeal requests; then the
// Node `mongodb` driver, connected straight to the app's embedded server, inserts N copies of documents the
// app stored (fresh ids and external ids) with insertOne from C concurrent loops: the database's share.
// Prints appeals/s, latency p50/p99 and the app's CPU time per appeal (/proc/PID/stat) for both, and for
// GraphQL how long the durable consumers (routing, incidents, audit, webhooks) took after the last
// acknowledgement to catch up (all stored positions equal and steady, no unfinished work item; positions are
// stored every second) with the rate and CPU per appeal that count their work too. The raw phase starts
// after that catch-up, but its inserts are events the consumers follow as well. The
// embedded server runs in the app's JVM, so the raw line's CPU is the storage work alone; CPU per appeal
// is the figure that survives a loaded machine, rates do not.
//
//   cd bench && npm ci && cd .. && node bench/ingest.mjs [--n 2000] [--c 16] [--runs 1] [--backend h2|memory] [--port 18199] [--env K=V,...] [--jfr DIR] a.jar [b.jar ...]
import { execFileSync } from 'node:child_process';
import { basename, join } from 'node:path';
import { MongoClient, ObjectId } from 'mongodb';
import { startJar, integratorToken, cpuMs, drive, percentile, load } from './lib.mjs';

const options = { n: 2000, c: 16, runs: 1, backend: 'h2', port: 18199 };
const jars = [];
for (let i = 2; i < process.argv.length; i++) {
  const arg = process.argv[i];
  if (arg.startsWith('--')) options[arg.slice(2)] = isNaN(Number(process.argv[i + 1])) ? process.argv[++i] : Number(process.argv[++i]);
  else jars.push(arg);
}
if (jars.length === 0) jars.push('backend/target/otklik.jar');

const INGEST = 'mutation($in: IngestAppealInput!) { ingestAppeal(input: $in) { duplicate appeal { id } errors { code } } }';

/**
 * Waits until every durable consumer has caught up: all stored positions equal (they are stored every second)
 * and unchanged for 2 s, and no work item unfinished. Returns when and at what CPU time that state began.
 */
async function caughtUp(db, pid = caughtUp.pid) {
  let previous = null;
  let since = { at: performance.now(), cpu: cpuMs(pid) };
  for (const deadline = performance.now() + 600_000; performance.now() < deadline;) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    const positions = (await db.collection('appeal_event_checkpoints').find().toArray()).map((c) => String(c.position));
    // Counting unfinished work scans the work collection on the embedded server (a seventh of the app's CPU
    // during catch-up when done every poll), so only once the positions agree.
    const agree = new Set(positions).size === 1;
    const open = agree ? await db.collection('appeal_event_work').countDocuments({ state: { $ne: 'DONE' } }) : -1;
    const key = (agree && open === 0) ? positions[0] : null;
    if (key !== null && key === previous) {
      if (performance.now() - since.at > 2000) return since;
    } else {
      previous = key;
      since = { at: performance.now(), cpu: cpuMs(pid) };
    }
  }
  throw new Error('the durable consumers did not catch up within 10 minutes');
}

function figures(run, cpu) {
  const n = run.latencies.length;
  return { rate: n / run.seconds, p50: percentile(run.latencies, 0.5), p99: percentile(run.latencies, 0.99), cpu: cpu / n };
}

async function measure(jar, run) {
  const mongoPort = options.port + 1;
  // --env K=V,K2=V2: settings for the jar, e.g. OTKLIK_INCIDENT_WINDOW=1ms to leave incident grouping out.
  const extra = Object.fromEntries(String(options.env ?? '').split(',').filter(Boolean).map((kv) => kv.split('=')));
  const app = await startJar(jar, { port: options.port, env: { ...extra, OTKLIK_EMBEDDED_BACKEND: options.backend, OTKLIK_SEED_DEMO: 'false',
    OTKLIK_EMBEDDED_PORT: String(mongoPort) } });
  caughtUp.pid = app.pid;
  const client = new MongoClient(`mongodb://127.0.0.1:${mongoPort}/?directConnection=true&maxPoolSize=${options.c}`);
  try {
    const bearer = await integratorToken(app.base);
    const send = async (externalId) => {
      const response = await fetch(`${app.base}/graphql`, { method: 'POST',
        headers: { authorization: `Bearer ${bearer}`, 'content-type': 'application/json' },
        body: JSON.stringify({ query: INGEST, variables: { in: { channel: 'VK', externalId,
          text: `Не вывозят мусор во дворе дома ${externalId} на Пролетарской` } } }) });
      const body = await response.json();
      if (!body.data?.ingestAppeal || body.data.ingestAppeal.errors.length) throw new Error(JSON.stringify(body));
    };
    await drive(200, options.c, (i) => send(`warm-${run}-${i}`)); // JIT and connections warm
    await caughtUp(client.db('otklik'));
    // --jfr DIR: a JFR profile (settings=profile) of the acknowledged phase and another of the catch-up.
    const jfr = (command, name, file) => options.jfr && execFileSync('jcmd', [String(app.pid), command, `name=${name}`,
      ...(command === 'JFR.start' ? ['settings=profile'] : []), ...(file ? [`filename=${join(options.jfr, file)}`] : [])]);
    jfr('JFR.start', 'acknowledged');
    let before = cpuMs(app.pid);
    const began = performance.now();
    const graphql = figures(await drive(options.n, options.c, (i) => send(`bench-${run}-${i}`)), cpuMs(app.pid) - before);
    // The durable consumers (routing, incidents, audit, webhooks, ...) follow the acknowledged ingests: the rate
    // that counts their work too ends when they have caught up, and so does the raw phase's start.
    const acknowledged = performance.now();
    const tag = `${basename(jar, '.jar')}-${run}`;
    jfr('JFR.stop', 'acknowledged', `${tag}-acknowledged.jfr`);
    jfr('JFR.start', 'catchup');
    const settled = await caughtUp(client.db('otklik'));
    jfr('JFR.stop', 'catchup', `${tag}-catchup.jfr`);
    graphql.catchUp = (settled.at - acknowledged) / 1000;
    graphql.withCatchUp = options.n / ((settled.at - began) / 1000);
    graphql.cpuWithCatchUp = (settled.cpu - before) / options.n;

    // The same documents the app stored, inserted raw: fresh _id and externalId so the unique index admits them.
    const appeals = client.db('otklik').collection('appeals');
    const stored = await appeals.find({ externalId: { $regex: `^bench-${run}-` } }).limit(100).toArray();
    const copy = (i) => ({ ...stored[i % stored.length], _id: new ObjectId(), externalId: `raw-${run}-${i}` });
    await drive(200, options.c, (i) => appeals.insertOne({ ...copy(i), externalId: `raw-warm-${run}-${i}` }));
    before = cpuMs(app.pid);
    const raw = figures(await drive(options.n, options.c, (i) => appeals.insertOne(copy(i))), cpuMs(app.pid) - before);
    return { graphql, raw };
  } finally {
    await client.close();
    await app.stop();
  }
}

const line = (f) => `${f.rate.toFixed(0).padStart(5)} appeals/s, p50 ${f.p50.toFixed(1)} ms, p99 ${f.p99.toFixed(1)} ms, `
  + `app CPU ${f.cpu.toFixed(2)} ms/appeal`;
const catchUpLine = (f) => `  consumers caught up ${f.catchUp.toFixed(1)} s after the last acknowledgement: `
  + `${f.withCatchUp.toFixed(0)} appeals/s and app CPU ${f.cpuWithCatchUp.toFixed(2)} ms/appeal with their work`;
const results = new Map(jars.map((jar) => [jar, []]));
console.log(`ingest, n ${options.n}, c ${options.c}, backend ${options.backend}, load at start ${load()}`);
for (let run = 1; run <= options.runs; run++) {
  for (const jar of jars) {
    const result = await measure(jar, run);
    results.get(jar).push(result);
    console.log(`run ${run} ${jar}\n  graphql ${line(result.graphql)}\n  ${catchUpLine(result.graphql)}\n  raw     ${line(result.raw)}`);
  }
}
const median = (values) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)];
console.log(`medians over ${options.runs} run(s), load now ${load()}:`);
for (const [jar, list] of results) {
  const m = (side) => ({ rate: median(list.map((r) => r[side].rate)), p50: median(list.map((r) => r[side].p50)),
    p99: median(list.map((r) => r[side].p99)), cpu: median(list.map((r) => r[side].cpu)),
    catchUp: median(list.map((r) => r[side].catchUp ?? 0)), withCatchUp: median(list.map((r) => r[side].withCatchUp ?? 0)),
    cpuWithCatchUp: median(list.map((r) => r[side].cpuWithCatchUp ?? 0)) });
  const graphql = m('graphql');
  const raw = m('raw');
  console.log(`  ${jar}\n    graphql ${line(graphql)}\n    ${catchUpLine(graphql)}\n    raw     ${line(raw)}\n`
    + `    GraphQL/raw: throughput ${(graphql.rate / raw.rate).toFixed(2)}x, app CPU per appeal ${(graphql.cpu / raw.cpu).toFixed(1)}x raw's`);
}
