#!/usr/bin/env node
// Ingest throughput through GraphQL: starts each given jar in turn on a fresh data directory (embedded
// default, H2 file unless --backend memory), sends N ingestAppeal requests from C integrator clients, and
// prints appeals/s and request latency percentiles per jar; with --runs R the jars alternate R times and
// the medians are printed. Comparing two jars in one run (for example before and after a storage change)
// is what the figures are for: the machine is shared, absolute numbers wander.
//
//   node bench/ingest.mjs [--n 2000] [--c 16] [--runs 3] [--backend h2|memory] [--port 18199] a.jar [b.jar ...]
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const options = { n: 2000, c: 16, runs: 1, backend: 'h2', port: 18199 };
const jars = [];
for (let i = 2; i < process.argv.length; i++) {
  const arg = process.argv[i];
  if (arg.startsWith('--')) options[arg.slice(2)] = isNaN(Number(process.argv[i + 1])) ? process.argv[++i] : Number(process.argv[++i]);
  else jars.push(arg);
}
if (jars.length === 0) jars.push('backend/target/otklik.jar');
const base = `http://127.0.0.1:${options.port}`;
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function startJar(jar, dataDir) {
  const app = spawn('java', ['-jar', jar], {
    env: { ...process.env, PORT: String(options.port), OTKLIK_DATA_DIR: dataDir, OTKLIK_EMBEDDED_BACKEND: options.backend,
      OTKLIK_SEED_DEMO: 'false', OTKLIK_INTEGRATOR_RATE_CAPACITY: '100000000' },
    stdio: 'ignore',
  });
  for (let i = 0; i < 300; i++) {
    try {
      const response = await fetch(`${base}/actuator/health`);
      if (response.ok) return app;
    } catch { /* not up yet */ }
    if (app.exitCode !== null) throw new Error(`${jar} exited with ${app.exitCode}`);
    await sleep(1000);
  }
  throw new Error(`${jar} did not start`);
}

async function token() {
  const response = await fetch(`${base}/idp/oauth2/token`, { method: 'POST',
    headers: { authorization: `Basic ${Buffer.from('demo-integrator:demo-integrator-secret').toString('base64')}`,
      'content-type': 'application/x-www-form-urlencoded' }, body: 'grant_type=client_credentials' });
  return (await response.json()).access_token;
}

const INGEST = 'mutation($in: IngestAppealInput!) { ingestAppeal(input: $in) { duplicate appeal { id } errors { code } } }';

async function measure(jar, run) {
  const dataDir = mkdtempSync(join(tmpdir(), 'otklik-ingest-bench-'));
  const app = await startJar(jar, dataDir);
  try {
    const bearer = await token();
    const send = async (externalId) => {
      const began = performance.now();
      const response = await fetch(`${base}/graphql`, { method: 'POST',
        headers: { authorization: `Bearer ${bearer}`, 'content-type': 'application/json' },
        body: JSON.stringify({ query: INGEST, variables: { in: { channel: 'VK', externalId,
          text: `Не вывозят мусор во дворе дома ${externalId} на Пролетарской` } } }) });
      const body = await response.json();
      if (!body.data?.ingestAppeal || body.data.ingestAppeal.errors.length) throw new Error(JSON.stringify(body));
      return performance.now() - began;
    };
    for (let i = 0; i < 200; i++) await send(`warm-${run}-${i}`); // JIT and connections warm
    const latencies = [];
    let next = 0;
    const began = performance.now();
    await Promise.all(Array.from({ length: options.c }, async () => {
      while (next < options.n) latencies.push(await send(`bench-${run}-${next++}`));
    }));
    const seconds = (performance.now() - began) / 1000;
    latencies.sort((a, b) => a - b);
    const at = (q) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))];
    return { rate: options.n / seconds, p50: at(0.5), p99: at(0.99) };
  } finally {
    const exited = new Promise((resolve) => app.once('exit', resolve));
    app.kill('SIGTERM');
    await exited;
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const results = new Map(jars.map((jar) => [jar, []]));
for (let run = 1; run <= options.runs; run++) {
  for (const jar of jars) {
    const result = await measure(jar, run);
    results.get(jar).push(result);
    console.log(`run ${run} ${jar}: ${result.rate.toFixed(0)} appeals/s, p50 ${result.p50.toFixed(1)} ms, p99 ${result.p99.toFixed(1)} ms`);
  }
}
const median = (values) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)];
console.log(`medians over ${options.runs} run(s), n ${options.n}, c ${options.c}, backend ${options.backend}, load ${(await import('node:os')).loadavg().map((l) => l.toFixed(1)).join(' ')}:`);
for (const [jar, list] of results) {
  console.log(`  ${jar}: ${median(list.map((r) => r.rate)).toFixed(0)} appeals/s, p50 ${median(list.map((r) => r.p50)).toFixed(1)} ms, `
    + `p99 ${median(list.map((r) => r.p99)).toFixed(1)} ms`);
}
