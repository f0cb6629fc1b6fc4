#!/usr/bin/env node
// Crash test of the embedded default: starts the built jar as its own process on an H2 data directory,
// ingests with several integrator clients, kills it with SIGKILL at a random moment, restarts it on the
// same data, and checks that every acknowledged appeal is there once (a repeat of its (channel,
// externalId) answers duplicate: true with the same id), that requests which got no answer create their
// appeal at most once when retried, and that the integrator's list holds no document twice.
// The last round stops with SIGTERM instead. Exits non-zero on any loss or duplicate.
//
//   node crash/crash-ingest.mjs [--jar backend/target/otklik.jar] [--rounds 5] [--clients 6] [--port 18190]
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const args = Object.fromEntries(process.argv.slice(2).reduce((pairs, arg, i, all) => {
  if (arg.startsWith('--')) pairs.push([arg.slice(2), all[i + 1]]);
  return pairs;
}, []));
const jar = args.jar ?? 'backend/target/otklik.jar';
const rounds = Number(args.rounds ?? 5);
const clients = Number(args.clients ?? 6);
const port = Number(args.port ?? 18190);
const base = `http://127.0.0.1:${port}`;
const dataDir = mkdtempSync(join(tmpdir(), 'otklik-crash-'));

const acknowledged = new Map(); // externalId -> appeal id, as the server acknowledged it
const unanswered = new Set(); // externalIds sent whose answer never came (the process died)
let app;
const writerErrors = [];
process.on('exit', () => { if (app && app.exitCode === null) app.kill('SIGKILL'); });

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function start() {
  app = spawn('java', ['-Xmx512m', '-jar', jar], {
    env: { ...process.env, PORT: String(port), OTKLIK_DATA_DIR: dataDir, OTKLIK_EMBEDDED_BACKEND: 'h2',
      OTKLIK_SEED_DEMO: 'false',
      // A bucket no writer empties: this test is about what is kept, not about pacing clients.
      OTKLIK_INTEGRATOR_RATE_CAPACITY: '100000000' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

async function healthy() {
  for (let i = 0; i < 180; i++) {
    try {
      const response = await fetch(`${base}/actuator/health`);
      if (response.ok && (await response.json()).status === 'UP') return;
    } catch { /* not up yet */ }
    if (app.exitCode !== null) throw new Error(`the app exited with ${app.exitCode}`);
    await sleep(1000);
  }
  throw new Error('the app did not become healthy in 180 s');
}

async function token() {
  const response = await fetch(`${base}/idp/oauth2/token`, {
    method: 'POST',
    headers: { authorization: `Basic ${Buffer.from('demo-integrator:demo-integrator-secret').toString('base64')}`,
      'content-type': 'application/x-www-form-urlencoded' },
    body: 'grant_type=client_credentials',
  });
  return (await response.json()).access_token;
}

async function graphql(bearer, query, variables) {
  const response = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { authorization: `Bearer ${bearer}`, 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  const body = await response.json();
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

const INGEST = `mutation($in: IngestAppealInput!) { ingestAppeal(input: $in) { duplicate appeal { id } errors { code message } } }`;

function ingest(bearer, externalId) {
  return graphql(bearer, INGEST, { in: { channel: 'VK', externalId, text: `Не вывозят мусор, двор ${externalId}` } })
    .then((data) => data.ingestAppeal);
}

/** Ingests until the process dies; records what was acknowledged and what was left unanswered. */
async function writer(bearer, client, round) {
  for (let n = 0; ; n++) {
    const externalId = `crash-${round}-${client}-${n}`;
    unanswered.add(externalId);
    try {
      const result = await ingest(bearer, externalId);
      if (result.errors.length) throw new Error(JSON.stringify(result.errors));
      acknowledged.set(externalId, result.appeal.id);
      unanswered.delete(externalId);
    } catch (error) {
      if (error instanceof TypeError) return; // the connection died with the process
      writerErrors.push(String(error));
      return;
    }
  }
}

async function verify(bearer) {
  let lost = 0;
  let changed = 0;
  for (const [externalId, id] of acknowledged) {
    const again = await ingest(bearer, externalId);
    if (!again.duplicate) lost++;
    else if (again.appeal.id !== id) changed++;
  }
  // A client retries what got no answer: each must end up stored exactly once.
  for (const externalId of unanswered) {
    const first = await ingest(bearer, externalId);
    const second = await ingest(bearer, externalId);
    if (!second.duplicate || second.appeal.id !== first.appeal.id) changed++;
    acknowledged.set(externalId, first.appeal.id);
  }
  unanswered.clear();
  // Every document once: the integrator's list holds each acknowledged id exactly once.
  const seen = new Map();
  let after = null;
  for (;;) {
    const data = await graphql(bearer, `query($after: String) { appeals(first: 100, after: $after) {
      edges { node { id externalId } } pageInfo { hasNextPage endCursor } } }`, { after });
    for (const { node } of data.appeals.edges) seen.set(node.id, (seen.get(node.id) ?? 0) + 1);
    if (!data.appeals.pageInfo.hasNextPage) break;
    after = data.appeals.pageInfo.endCursor;
  }
  const duplicated = [...seen.values()].filter((count) => count > 1).length + Math.max(0, seen.size - acknowledged.size);
  const missing = [...acknowledged.values()].filter((id) => !seen.has(id)).length;
  return { lost: lost + missing, changed, duplicated, stored: seen.size };
}

let failed = false;
try {
  for (let round = 1; round <= rounds; round++) {
    start();
    await healthy();
    const bearer = await token();
    if (round > 1) {
      const result = await verify(bearer);
      console.log(`round ${round - 1}: acknowledged so far ${acknowledged.size}, stored ${result.stored}, `
        + `lost ${result.lost}, duplicated ${result.duplicated}, retried wrongly ${result.changed}`);
      if (result.lost || result.duplicated || result.changed) failed = true;
    }
    const writers = Array.from({ length: clients }, (_, c) => writer(bearer, c, round));
    await sleep(1500 + Math.random() * 3000);
    const signal = round === rounds ? 'SIGTERM' : 'SIGKILL';
    const exited = new Promise((resolve) => app.once('exit', resolve));
    app.kill(signal);
    await exited;
    await Promise.all(writers);
    if (writerErrors.length) throw new Error(`ingest refused: ${writerErrors[0]}`);
    console.log(`round ${round}: ${signal} with ${acknowledged.size} acknowledged, ${unanswered.size} unanswered`);
  }
  start();
  await healthy();
  const result = await verify(await token());
  console.log(`final: rounds ${rounds}, acknowledged ${acknowledged.size}, stored ${result.stored}, lost ${result.lost}, `
    + `duplicated ${result.duplicated}, retried wrongly ${result.changed}`);
  if (result.lost || result.duplicated || result.changed) failed = true;
} catch (error) {
  console.error(error);
  failed = true;
} finally {
  if (app && app.exitCode === null) {
    app.kill('SIGTERM');
    await new Promise((resolve) => app.once('exit', resolve));
  }
  rmSync(dataDir, { recursive: true, force: true });
}
console.log(failed ? 'CRASH TEST FAILED' : 'crash test passed');
process.exit(failed ? 1 : 0);
