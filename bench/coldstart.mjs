#!/usr/bin/env node
// Cold start: how long the built jar takes from `java -jar` to a healthy /actuator/health (UP, which waits for
// the demo region on a fresh store), and how much CPU it spent getting there, on a fresh data directory
// (demo seeding included) and again on the same directory (a restart). With --baseline, another jar (for
// example main's) is measured in the same run, alternating, so both see the same machine load. Also prints
// the phases the app logs (context started, embedded identity provider, demo loaded). No assertions.
// --archive runs the --jar with that class data archive (the README's form: the extracted
// backend/target/app/otklik.jar with backend/target/app/otklik.jsa, ADR 0013); the baseline runs as given.
//
//   node bench/coldstart.mjs [--jar backend/target/otklik.jar] [--archive backend/target/app/otklik.jsa]
//        [--baseline other.jar] [--runs 2] [--backend h2|memory]
//        [--java-opts "-Xms64m -Xmx256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1"]
import { spawn, execSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

const args = Object.fromEntries(process.argv.slice(2).reduce((pairs, arg, i, all) =>
  (arg.startsWith('--') ? [...pairs, [arg.slice(2), all[i + 1]]] : pairs), []));
const jars = [args.jar ?? 'backend/target/otklik.jar', ...(args.baseline ? [args.baseline] : [])];
// JVM options of one jar only: the archive belongs to the --jar (it names that jar's class path).
const jarOpts = new Map([[jars[0], args.archive ? [`-XX:SharedArchiveFile=${args.archive}`] : []]]);
const runs = Number(args.runs ?? 2);
const backend = args.backend ?? 'h2';
const javaOpts = (args['java-opts'] ?? '-Xms64m -Xmx256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1').split(' ').filter(Boolean);
const port = Number(process.env.BENCH_PORT ?? 18397);
const ticks = Number(execSync('getconf CLK_TCK').toString().trim());

function cpuSeconds(pid) {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / ticks;
}

const load = () => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');

async function start(jar, dataDir) {
  const env = { ...process.env, PORT: String(port), OTKLIK_DATA_DIR: dataDir, OTKLIK_EMBEDDED_BACKEND: backend };
  delete env.OTKLIK_EMBEDDED_PORT;
  const began = performance.now();
  const app = spawn('java', [...javaOpts, ...(jarOpts.get(jar) ?? []), '-jar', jar],
    { env, stdio: ['ignore', 'pipe', 'inherit'] });
  let log = '';
  app.stdout.on('data', (chunk) => { log += chunk; });
  try {
    for (;;) {
      if (app.exitCode !== null) throw new Error(`${jar} exited with ${app.exitCode}`);
      try {
        const response = await fetch(`http://127.0.0.1:${port}/actuator/health`);
        if (response.ok && (await response.json()).status === 'UP') break;
      } catch { /* not up yet */ }
      if (performance.now() - began > 600_000) throw new Error(`${jar} not healthy in 10 minutes`);
      await sleep(100);
    }
    const seconds = (performance.now() - began) / 1000;
    const cpu = cpuSeconds(app.pid);
    const phase = (re) => (log.match(re)?.[1] ?? '-');
    return { seconds, cpu, started: phase(/Started \w+ in ([\d.]+) seconds/),
      idp: phase(/identity provider .*started in (\d+) ms/), seeded: /Demo region loaded/.test(log),
      unshared: /class data archive .* is not in use/.test(log) };
  } finally {
    const exited = new Promise((resolve) => (app.exitCode !== null ? resolve() : app.once('exit', resolve)));
    app.kill('SIGTERM');
    await exited;
  }
}

const results = new Map(jars.map((jar) => [jar, { fresh: [], restart: [] }]));
for (let run = 1; run <= runs; run++) {
  for (const jar of jars) {
    const dataDir = mkdtempSync(join(tmpdir(), 'otklik-cold-'));
    try {
      for (const kind of ['fresh', 'restart']) {
        const r = await start(jar, dataDir);
        results.get(jar)[kind].push(r);
        console.log(`run ${run} ${jar} ${kind}: healthy in ${r.seconds.toFixed(1)} s, ${r.cpu.toFixed(1)} s CPU `
          + `(context ${r.started} s, identity provider ${r.idp} ms${r.seeded ? ', demo seeded' : ''}`
          + `${r.unshared ? ', ARCHIVE NOT IN USE' : ''}), load ${load()}`);
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }
}
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)];
for (const [jar, r] of results) {
  for (const kind of ['fresh', 'restart']) {
    console.log(`median ${jar} ${kind}: healthy in ${median(r[kind].map((x) => x.seconds)).toFixed(1)} s, `
      + `${median(r[kind].map((x) => x.cpu)).toFixed(1)} s CPU (${[...javaOpts, ...(jarOpts.get(jar) ?? [])].join(' ')}, `
      + `backend ${backend})`);
  }
}
