#!/usr/bin/env node
// What an idle server costs: starts the built jar with no clients at all, optionally ingests N appeals
// first (to show whether the idle cost grows with the oplog), lets it settle, then reads its CPU time from
// /proc/PID/stat over a window and its resident memory from /proc/PID/status. With --ingest it also prints the
// CPU seconds the process spent during the settle time right after the ingest (the durable consumers catching
// up). With --baseline, another jar (for example main's) is measured in the same run, alternating with the
// first. Prints one line per run and the medians per jar. No assertions: the machine is shared.
//
//   node bench/idle.mjs [--jar backend/target/otklik.jar] [--baseline other.jar] [--backend h2|memory]
//        [--runs 3] [--ingest 0] [--settle 30] [--window 60] [--java-opts "-Xms64m -Xmx256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1"]
import { spawn, execSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

const args = Object.fromEntries(process.argv.slice(2).reduce((pairs, arg, i, all) =>
  (arg.startsWith('--') ? [...pairs, [arg.slice(2), all[i + 1]]] : pairs), []));
const jars = [args.jar ?? 'backend/target/otklik.jar', ...(args.baseline ? [args.baseline] : [])];
const backend = args.backend ?? 'h2';
const runs = Number(args.runs ?? 3);
const ingestCount = Number(args.ingest ?? 0);
const settle = Number(args.settle ?? 30);
const window = Number(args.window ?? 60);
const javaOpts = (args['java-opts'] ?? '-Xms64m -Xmx256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1').split(' ').filter(Boolean);
const port = Number(process.env.BENCH_PORT ?? 18396);
const ticks = Number(execSync('getconf CLK_TCK').toString().trim());
const base = `http://127.0.0.1:${port}`;

function cpuSeconds(pid) {
  // Fields after the command name (which may contain spaces): utime and stime are fields 14 and 15.
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / ticks;
}

function rssMb(pid) {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((l) => l.startsWith('VmRSS:'));
  return Number(line.split(/\s+/)[1]) / 1024;
}

async function healthy(app) {
  for (let i = 0; i < Number(process.env.BENCH_START_TIMEOUT ?? 300); i++) {
    try {
      const response = await fetch(`${base}/actuator/health`);
      if (response.ok && (await response.json()).status === 'UP') return;
    } catch { /* not up yet */ }
    if (app.exitCode !== null) throw new Error(`the app exited with ${app.exitCode}`);
    await sleep(1000);
  }
  throw new Error('the app did not become healthy');
}

async function ingest(count) {
  const response = await fetch(`${base}/idp/oauth2/token`, {
    method: 'POST',
    headers: { authorization: `Basic ${Buffer.from('demo-integrator:demo-integrator-secret').toString('base64')}`,
      'content-type': 'application/x-www-form-urlencoded' },
    body: 'grant_type=client_credentials',
  });
  const bearer = (await response.json()).access_token;
  const query = 'mutation($in: IngestAppealInput!) { ingestAppeal(input: $in) { appeal { id } errors { code } } }';
  let next = 0;
  const writer = async () => {
    while (next < count) {
      const n = next++;
      const answer = await fetch(`${base}/graphql`, {
        method: 'POST',
        headers: { authorization: `Bearer ${bearer}`, 'content-type': 'application/json' },
        body: JSON.stringify({ query, variables: { in: { channel: 'VK', externalId: `idle-${n}`, text: `Не вывозят мусор, двор ${n}` } } }),
      });
      const body = await answer.json();
      if (body.errors || body.data.ingestAppeal.errors.length) throw new Error(JSON.stringify(body));
    }
  };
  await Promise.all(Array.from({ length: 6 }, writer));
}

async function once(run, jar) {
  const dataDir = mkdtempSync(join(tmpdir(), 'otklik-idle-'));
  const env = { ...process.env, PORT: String(port), OTKLIK_DATA_DIR: dataDir, OTKLIK_EMBEDDED_BACKEND: backend,
    OTKLIK_INTEGRATOR_RATE_CAPACITY: '100000000' };
  delete env.OTKLIK_EMBEDDED_PORT; // a free port of its own
  const app = spawn('java', [...javaOpts, '-jar', jar], { env, stdio: ['ignore', 'ignore', 'inherit'] });
  try {
    await healthy(app);
    if (ingestCount > 0) await ingest(ingestCount);
    const ingested = cpuSeconds(app.pid);
    await sleep(settle * 1000);
    const cpu0 = cpuSeconds(app.pid);
    const catchUp = cpu0 - ingested;
    await sleep(window * 1000);
    const cpu = (cpuSeconds(app.pid) - cpu0) / window * 100;
    const rss = rssMb(app.pid);
    const load = readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
    console.log(`run ${run}: ${jar} backend ${backend}, ingested ${ingestCount}, `
      + `${ingestCount > 0 ? `CPU in the ${settle} s after the ingest ${catchUp.toFixed(1)} s, ` : ''}`
      + `idle CPU ${cpu.toFixed(1)} % of a core over ${window} s, RSS ${rss.toFixed(0)} MB, load ${load}`);
    return { cpu, rss, catchUp };
  } finally {
    const exited = new Promise((resolve) => (app.exitCode !== null ? resolve() : app.once('exit', resolve)));
    app.kill('SIGTERM');
    await exited;
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const results = new Map(jars.map((jar) => [jar, []]));
for (let run = 1; run <= runs; run++) {
  for (const jar of jars) results.get(jar).push(await once(run, jar));
}
for (const [jar, r] of results) {
  console.log(`median: ${jar} ${javaOpts.join(' ')} backend ${backend}, ingested ${ingestCount}: `
    + `${ingestCount > 0 ? `CPU in the ${settle} s after the ingest ${median(r.map((x) => x.catchUp)).toFixed(1)} s, ` : ''}`
    + `idle CPU ${median(r.map((x) => x.cpu)).toFixed(1)} % of a core, RSS ${median(r.map((x) => x.rss)).toFixed(0)} MB`);
}
