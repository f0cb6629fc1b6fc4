#!/usr/bin/env node
// Crash test of the embedded default: starts the built jar as its own process on an H2 data directory,
// ingests with several integrator clients, kills it with SIGKILL at a random moment, restarts it on the
// same data, and checks that
//   - every acknowledged appeal is there once (a repeat of its (channel, externalId) answers
//     duplicate: true with the same id), and the integrator's list holds no document twice;
//   - requests which got no answer create their appeal exactly once when retried;
//   - a live subscriber that resumes after each restart with the cursor of the last event it received
//     gets the RECEIVED event of every appeal exactly once: nothing missed, nothing repeated.
// The last single-instance round stops with SIGTERM instead. Then two instances share the database
// (the first hosts the embedded server on a fixed port, the second connects to it as to an external
// MongoDB), both take ingests, and the second is killed: nothing it acknowledged is lost, and the
// subscriber on the first still sees every appeal once.
// Exits non-zero on any loss, duplicate or repeated event.
//
//   node --experimental-websocket crash/crash-ingest.mjs [--jar backend/target/otklik.jar] [--rounds 5]
//        [--clients 6] [--port 18190]
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

if (typeof WebSocket === 'undefined') {
  console.error('This suite needs a global WebSocket: run it with node --experimental-websocket (Node 20) or Node 22+.');
  process.exit(2);
}

const args = Object.fromEntries(process.argv.slice(2).reduce((pairs, arg, i, all) => {
  if (arg.startsWith('--')) pairs.push([arg.slice(2), all[i + 1]]);
  return pairs;
}, []));
const jar = args.jar ?? 'backend/target/otklik.jar';
const rounds = Number(args.rounds ?? 5);
const clients = Number(args.clients ?? 6);
const port = Number(args.port ?? 18190);
const secondPort = port + 1;
const mongoPort = port + 2;
const dataDir = mkdtempSync(join(tmpdir(), 'otklik-crash-'));
const startedAt = Date.now();

const acknowledged = new Map(); // externalId -> appeal id, as the server acknowledged it
const unanswered = new Set(); // externalIds sent whose answer never came (the process died)
const apps = new Set();
const writerErrors = [];
let ingestMillis = 0; // time the writers spent ingesting, for the rate printed at the end
let ingestCount = 0;
process.on('exit', () => { for (const app of apps) if (app.exitCode === null) app.kill('SIGKILL'); });

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const baseOf = (p) => `http://127.0.0.1:${p}`;

/** Starts the jar; `extra` adds environment (the second instance points MONGODB_URI at the first). */
function start(appPort, extra = {}) {
  const app = spawn('java', ['-Xmx512m', '-jar', jar], {
    env: { ...process.env, PORT: String(appPort), OTKLIK_DATA_DIR: dataDir, OTKLIK_EMBEDDED_BACKEND: 'h2',
      OTKLIK_SEED_DEMO: 'false', OTKLIK_EMBEDDED_PORT: String(mongoPort),
      // A bucket no writer empties: this test is about what is kept, not about pacing clients.
      OTKLIK_INTEGRATOR_RATE_CAPACITY: '100000000', ...extra },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  apps.add(app);
  app.once('exit', () => apps.delete(app));
  return app;
}

async function healthy(app, appPort) {
  const limit = Number(process.env.CRASH_START_TIMEOUT ?? 300);
  for (let i = 0; i < limit; i++) {
    try {
      const response = await fetch(`${baseOf(appPort)}/actuator/health`);
      if (response.ok && (await response.json()).status === 'UP') return;
    } catch { /* not up yet */ }
    if (app.exitCode !== null) throw new Error(`the app on port ${appPort} exited with ${app.exitCode}`);
    await sleep(1000);
  }
  throw new Error(`the app on port ${appPort} did not become healthy in ${limit} s`);
}

async function stop(app, signal) {
  if (app.exitCode !== null) return;
  const exited = new Promise((resolve) => app.once('exit', resolve));
  app.kill(signal);
  await exited;
}

async function token(appPort) {
  const response = await fetch(`${baseOf(appPort)}/idp/oauth2/token`, {
    method: 'POST',
    headers: { authorization: `Basic ${Buffer.from('demo-integrator:demo-integrator-secret').toString('base64')}`,
      'content-type': 'application/x-www-form-urlencoded' },
    body: 'grant_type=client_credentials',
  });
  return (await response.json()).access_token;
}

async function graphql(target, query, variables, renewed = false) {
  const response = await fetch(`${baseOf(target.port)}/graphql`, {
    method: 'POST',
    headers: { authorization: `Bearer ${target.bearer}`, 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  const body = await response.json();
  // Access tokens live 15 minutes; on a loaded machine one round's checks can outlast that. A token
  // that expired is renewed once, like any client would; every other error still fails the suite.
  if (!renewed && body.errors?.some((e) => e.extensions?.errorDetail === 'UNAUTHENTICATED')) {
    target.bearer = await token(target.port);
    return graphql(target, query, variables, true);
  }
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

const INGEST = `mutation($in: IngestAppealInput!) { ingestAppeal(input: $in) { duplicate appeal { id } errors { code message } } }`;

function ingest(target, externalId) {
  return graphql(target, INGEST, { in: { channel: 'VK', externalId, text: `Не вывозят мусор, двор ${externalId}` } })
    .then((data) => data.ingestAppeal);
}

/** Ingests until the process dies or `until()` says stop; records what was acknowledged and what not. */
async function writer(target, name, until = () => false) {
  for (let n = 0; !until(); n++) {
    const externalId = `crash-${name}-${n}`;
    unanswered.add(externalId);
    const began = Date.now();
    try {
      const result = await ingest(target, externalId);
      if (result.errors.length) throw new Error(JSON.stringify(result.errors));
      acknowledged.set(externalId, result.appeal.id);
      unanswered.delete(externalId);
      ingestMillis += Date.now() - began;
      ingestCount++;
    } catch (error) {
      if (error instanceof TypeError) return; // the connection died with the process
      writerErrors.push(String(error));
      return;
    }
  }
}

/**
 * A graphql-transport-ws client of appealReceived that keeps the cursor of the last event and, on every
 * (re)connect, subscribes with it as `after`, as the README tells integrators to.
 */
class Subscriber {
  received = new Map(); // appeal id -> how many RECEIVED events named it
  cursor = null;
  errors = [];
  socket = null;

  connect(target) {
    return new Promise((resolve, reject) => {
      const socket = new WebSocket(`${baseOf(target.port).replace('http', 'ws')}/graphql`, 'graphql-transport-ws');
      this.socket = socket;
      socket.onopen = () => socket.send(JSON.stringify({ type: 'connection_init',
        payload: { Authorization: `Bearer ${target.bearer}` } }));
      socket.onerror = () => reject(new Error('subscriber socket failed'));
      socket.onmessage = (message) => {
        const frame = JSON.parse(message.data);
        if (frame.type === 'connection_ack') {
          socket.send(JSON.stringify({ id: '1', type: 'subscribe', payload: {
            query: 'subscription($after: String) { appealReceived(after: $after) { cursor type appeal { id } } }',
            variables: { after: this.cursor } } }));
          resolve();
        } else if (frame.type === 'ping') {
          socket.send(JSON.stringify({ type: 'pong' }));
        } else if (frame.type === 'next') {
          if (frame.payload.errors) { this.errors.push(JSON.stringify(frame.payload.errors)); return; }
          const event = frame.payload.data.appealReceived;
          this.cursor = event.cursor;
          if (event.type !== 'RECEIVED') return;
          this.received.set(event.appeal.id, (this.received.get(event.appeal.id) ?? 0) + 1);
        } else if (frame.type === 'error' || frame.type === 'complete') {
          this.errors.push(`${frame.type}: ${JSON.stringify(frame.payload ?? {})}`);
        }
      };
    });
  }

  close() {
    this.socket?.close();
  }

  /** Waits until every acknowledged appeal has been received (or a minute passed), then counts. */
  async settle() {
    const ids = new Set(acknowledged.values());
    for (let i = 0; i < 600 && [...ids].some((id) => !this.received.has(id)); i++) await sleep(100);
    const missed = [...ids].filter((id) => !this.received.has(id)).length;
    const repeated = [...this.received.values()].filter((count) => count > 1).length;
    const unknown = [...this.received.keys()].filter((id) => !ids.has(id)).length;
    return { missed, repeated, unknown };
  }
}

async function verify(target) {
  let lost = 0;
  let changed = 0;
  for (const [externalId, id] of acknowledged) {
    const again = await ingest(target, externalId);
    if (!again.duplicate) lost++;
    else if (again.appeal.id !== id) changed++;
  }
  // A client retries what got no answer: each must end up stored exactly once.
  for (const externalId of unanswered) {
    const first = await ingest(target, externalId);
    const second = await ingest(target, externalId);
    if (!second.duplicate || second.appeal.id !== first.appeal.id) changed++;
    acknowledged.set(externalId, first.appeal.id);
  }
  unanswered.clear();
  // Every document once: the integrator's list holds each acknowledged id exactly once.
  const seen = new Map();
  let after = null;
  for (;;) {
    const data = await graphql(target, `query($after: String) { appeals(first: 100, after: $after) {
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
const subscriber = new Subscriber();

/** Verifies storage and the subscriber's events through `target`; prints one line; marks failures. */
async function check(label, target) {
  const stored = await verify(target);
  const events = await subscriber.settle();
  console.log(`${label}: acknowledged ${acknowledged.size}, stored ${stored.stored}, lost ${stored.lost}, `
    + `duplicated ${stored.duplicated}, retried wrongly ${stored.changed}; events missed ${events.missed}, `
    + `repeated ${events.repeated}, unknown ${events.unknown}`);
  if (stored.lost || stored.duplicated || stored.changed || events.missed || events.repeated || events.unknown
      || subscriber.errors.length) {
    if (subscriber.errors.length) console.log(`subscriber errors: ${subscriber.errors.slice(0, 3).join(' | ')}`);
    failed = true;
  }
}

/**
 * A subscriber can resume only from an event it has received: before the first kill, one appeal is
 * ingested and its event awaited, so the subscriber holds a cursor from then on.
 */
async function opening(target) {
  const result = await ingest(target, 'crash-opening');
  acknowledged.set('crash-opening', result.appeal.id);
  for (let i = 0; i < 600 && !subscriber.received.has(result.appeal.id); i++) await sleep(100);
  if (!subscriber.cursor) throw new Error('the subscriber received no event for the opening appeal');
}

/** Starts an instance and returns how to reach it as an integrator. */
async function instance(appPort, extra) {
  const app = start(appPort, extra);
  await healthy(app, appPort);
  return { app, port: appPort, bearer: await token(appPort) };
}

try {
  // Single instance: killed mid-ingest in every round but the last, which stops it with SIGTERM.
  for (let round = 1; round <= rounds; round++) {
    const first = await instance(port);
    await subscriber.connect(first);
    if (round > 1) await check(`round ${round - 1}`, first);
    else await opening(first);
    const writers = Array.from({ length: clients }, (_, c) => writer(first, `${round}-${c}`));
    await sleep(1500 + Math.random() * 3000);
    const signal = round === rounds ? 'SIGTERM' : 'SIGKILL';
    await stop(first.app, signal);
    await Promise.all(writers);
    subscriber.close();
    if (writerErrors.length) throw new Error(`ingest refused: ${writerErrors[0]}`);
    console.log(`round ${round}: ${signal} with ${acknowledged.size} acknowledged, ${unanswered.size} unanswered`);
  }

  // Two instances on one database; the second is killed while both ingest.
  const first = await instance(port);
  await subscriber.connect(first);
  await check(`round ${rounds}`, first);
  const second = await instance(secondPort, { MONGODB_URI: `mongodb://127.0.0.1:${mongoPort}/otklik`,
    OTKLIK_CHANNEL_SECRET_KEY: randomBytes(32).toString('base64') });
  let firstStops = false;
  const half = Math.max(1, Math.floor(clients / 2));
  const writers = [
    ...Array.from({ length: half }, (_, c) => writer(first, `two-a-${c}`, () => firstStops)),
    ...Array.from({ length: clients - half }, (_, c) => writer(second, `two-b-${c}`)),
  ];
  await sleep(1500 + Math.random() * 3000);
  await stop(second.app, 'SIGKILL');
  firstStops = true;
  await Promise.all(writers);
  if (writerErrors.length) throw new Error(`ingest refused: ${writerErrors[0]}`);
  console.log(`two instances: second SIGKILL with ${acknowledged.size} acknowledged, ${unanswered.size} unanswered`);
  await check('two instances, checked on the survivor', first);
  subscriber.close();
  await stop(first.app, 'SIGTERM');

  // And once more from a cold start on the same data.
  const last = await instance(port);
  await subscriber.connect(last);
  await check(`final (rounds ${rounds} + two instances)`, last);
  subscriber.close();
  await stop(last.app, 'SIGTERM');
  const rate = ingestMillis ? (ingestCount / (ingestMillis / 1000)) * clients : 0;
  console.log(`figures: ${acknowledged.size} appeals acknowledged over ${rounds + 1} kills/stops, about `
    + `${Math.round(rate)} acknowledged ingests/s with ${clients} clients, ${Math.round((Date.now() - startedAt) / 1000)} s in all`);
} catch (error) {
  console.error(error);
  failed = true;
} finally {
  subscriber.close();
  for (const app of [...apps]) await stop(app, 'SIGTERM');
  rmSync(dataDir, { recursive: true, force: true });
}
console.log(failed ? 'CRASH TEST FAILED' : 'crash test passed');
process.exit(failed ? 1 : 0);
