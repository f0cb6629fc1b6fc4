// Helpers shared by the benchmarks: start a jar on a fresh data directory, sign in, read a process's CPU
// time from /proc (user + system, in ms), and percentiles. CPU time per operation is the figure that
// survives a loaded machine best; wall-clock rates do not.
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir, loadavg } from 'node:os';
import { join } from 'node:path';

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

const TICK_MS = 1000 / Number(execFileSync('getconf', ['CLK_TCK']).toString().trim() || 100);

/** CPU time (user + system) a process has used so far, in ms. */
export function cpuMs(pid) {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * TICK_MS; // utime, stime (fields 14 and 15)
}

/** Resident set size of a process, in MB. */
export function rssMb(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)[1]) / 1024;
}

export function percentile(sorted, q) {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] : undefined;
}

export const load = () => loadavg().map((l) => l.toFixed(1)).join(' ');

/** Starts a jar with the given environment (and JVM options) on a fresh data directory; resolves once it is healthy. */
export async function startJar(jar, { port, env = {}, javaOpts = [] }) {
  const dataDir = mkdtempSync(join(tmpdir(), 'otklik-bench-'));
  const app = spawn('java', [...javaOpts, '-jar', jar], {
    env: { ...process.env, PORT: String(port), OTKLIK_DATA_DIR: dataDir, OTKLIK_INTEGRATOR_RATE_CAPACITY: '100000000', ...env },
    // The app's output goes to a file beside the data (kept when the start fails, for the reason).
    stdio: ['ignore', openSync(join(tmpdir(), `otklik-bench-${port}.log`), 'w'), 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (app.exitCode === null) {
      const exited = new Promise((resolve) => app.once('exit', resolve));
      app.kill('SIGTERM');
      await exited;
    }
    rmSync(dataDir, { recursive: true, force: true });
  };
  for (let i = 0; i < 600; i++) { // a loaded machine may take minutes
    try {
      const response = await fetch(`${base}/actuator/health`);
      if (response.ok) return { app, pid: app.pid, base, stop };
    } catch { /* not up yet */ }
    if (app.exitCode !== null) break;
    await sleep(500);
  }
  await stop();
  throw new Error(`${jar} did not start (exit ${app.exitCode}); see ${join(tmpdir(), `otklik-bench-${port}.log`)}`);
}

/** An integrator's token (client credentials of the demo integrator). */
export async function integratorToken(base) {
  // The embedded identity provider starts on its first request; on a loaded machine that first one may time
  // out at the proxy (502) while it starts.
  for (let attempt = 1; ; attempt++) {
    try {
      return await fetchIntegratorToken(base);
    } catch (error) {
      if (attempt >= 20) throw error;
      await sleep(3000);
    }
  }
}

async function fetchIntegratorToken(base) {
  const response = await fetch(`${base}/idp/oauth2/token`, { method: 'POST',
    headers: { authorization: `Basic ${Buffer.from('demo-integrator:demo-integrator-secret').toString('base64')}`,
      'content-type': 'application/x-www-form-urlencoded' }, body: 'grant_type=client_credentials' });
  if (!response.ok) throw new Error(`token: HTTP ${response.status}`);
  return (await response.json()).access_token;
}

/** A demo user's token, signed in like the PWA (scripts/pkce-login.sh). */
export function userToken(base, username) {
  const script = new URL('../scripts/pkce-login.sh', import.meta.url).pathname;
  // A few tries: on a loaded machine one of the script's requests can run into curl's 15 s limit.
  for (let attempt = 1; ; attempt++) {
    try {
      return execFileSync(script, [base, username, 'demo'], { stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim();
    } catch (error) {
      if (attempt >= 4) throw error;
    }
  }
}

/** Runs `operation` n times from c concurrent loops; returns the sorted latencies in ms and the seconds taken. */
export async function drive(n, c, operation) {
  const latencies = [];
  let next = 0;
  const began = performance.now();
  await Promise.all(Array.from({ length: c }, async () => {
    while (next < n) {
      const i = next++;
      const t = performance.now();
      await operation(i);
      latencies.push(performance.now() - t);
    }
  }));
  const seconds = (performance.now() - began) / 1000;
  return { latencies: latencies.sort((a, b) => a - b), seconds };
}

/** Heap in use after a full collection, in MB (jcmd of the JDK on the PATH); NaN when jcmd is missing. */
export function liveHeapMb(pid) {
  try {
    execFileSync('jcmd', [String(pid), 'GC.run'], { stdio: 'ignore' });
    const info = execFileSync('jcmd', [String(pid), 'GC.heap_info']).toString();
    let used = 0;
    for (const m of info.matchAll(/(?:generation|heap)\s+total \d+K, used (\d+)K/g)) used += Number(m[1]);
    return used / 1024;
  } catch {
    return NaN;
  }
}
