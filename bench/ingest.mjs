#!/usr/bin/env node
// Ingest through GraphQL against raw inserts of the same documents, for each given jar (for example
// before and after a change, alternated with --runs). Each jar starts on a fresh data directory (embedded
// default, H2 file unless --backend memory); C integrator clients send N ingestAppeal requests; then the
// Node `mongodb` driver, connected straight to the app's embedded server, inserts N copies of documents the
// app stored (fresh ids and external ids) with insertOne from C concurrent loops: the database's share.
// Prints appeals/s, latency p50/p99 and the app's CPU time per appeal (/proc/PID/stat) for both. The
// embedded server runs in the app's JVM, so the raw line's CPU is the storage work alone; CPU per appeal
// is the figure that survives a loaded machine, rates do not.
//
//   cd bench && npm ci && cd .. && node bench/ingest.mjs [--n 2000] [--c 16] [--runs 1] [--backend h2|memory] [--port 18199] a.jar [b.jar ...]
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

function figures(run, cpu) {
  const n = run.latencies.length;
  return { rate: n / run.seconds, p50: percentile(run.latencies, 0.5), p99: percentile(run.latencies, 0.99), cpu: cpu / n };
}

async function measure(jar, run) {
  const mongoPort = options.port + 1;
  const app = await startJar(jar, { port: options.port, env: { OTKLIK_EMBEDDED_BACKEND: options.backend, OTKLIK_SEED_DEMO: 'false',
    OTKLIK_EMBEDDED_PORT: String(mongoPort) } });
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
    let before = cpuMs(app.pid);
    const graphql = figures(await drive(options.n, options.c, (i) => send(`bench-${run}-${i}`)), cpuMs(app.pid) - before);

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
const results = new Map(jars.map((jar) => [jar, []]));
console.log(`ingest, n ${options.n}, c ${options.c}, backend ${options.backend}, load at start ${load()}`);
for (let run = 1; run <= options.runs; run++) {
  for (const jar of jars) {
    const result = await measure(jar, run);
    results.get(jar).push(result);
    console.log(`run ${run} ${jar}\n  graphql ${line(result.graphql)}\n  raw     ${line(result.raw)}`);
  }
}
const median = (values) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)];
console.log(`medians over ${options.runs} run(s), load now ${load()}:`);
for (const [jar, list] of results) {
  const m = (side) => ({ rate: median(list.map((r) => r[side].rate)), p50: median(list.map((r) => r[side].p50)),
    p99: median(list.map((r) => r[side].p99)), cpu: median(list.map((r) => r[side].cpu)) });
  const graphql = m('graphql');
  const raw = m('raw');
  console.log(`  ${jar}\n    graphql ${line(graphql)}\n    raw     ${line(raw)}\n`
    + `    GraphQL/raw: throughput ${(graphql.rate / raw.rate).toFixed(2)}x, app CPU per appeal ${(graphql.cpu / raw.cpu).toFixed(1)}x raw's`);
}
