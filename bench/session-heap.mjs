#!/usr/bin/env node
// What one idle live subscriber costs: starts each jar (memory backend, no demo data, the README's JVM
// options), connects N graphql-transport-ws subscribers on `appealReceived` (as bench/live-latency.mjs does),
// and compares the app before and after: RSS, live heap after a full collection, direct memory Netty reports,
// and the class histogram (`jcmd GC.class_histogram`, which collects first), divided by N. The histogram
// deltas are bytes per session by class and survive a loaded machine, which RSS and latencies do not.
//
//   cd bench && npm ci && cd .. && node bench/session-heap.mjs [--n 2000] [--top 25] [--port 18199]
//       [--java-opts "-Xms64m -Xmx256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1"] a.jar [b.jar ...]
import { execFileSync } from 'node:child_process';
import WebSocket from 'ws';
import { startJar, integratorToken, rssMb, liveHeapMb, load, sleep } from './lib.mjs';

const options = { n: 2000, top: 25, port: 18199, 'java-opts': '-Xms64m -Xmx256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1' };
const jars = [];
for (let i = 2; i < process.argv.length; i++) {
  const arg = process.argv[i];
  if (arg.startsWith('--')) options[arg.slice(2)] = isNaN(Number(process.argv[i + 1])) ? process.argv[++i] : Number(process.argv[++i]);
  else jars.push(arg);
}
if (!jars.length) jars.push('backend/target/otklik.jar');
const subscription = 'subscription { appealReceived { cursor appeal { externalId } } }';

/** Bytes and instances by class after a full collection. */
function histogram(pid) {
  const text = execFileSync('jcmd', [String(pid), 'GC.class_histogram'], { maxBuffer: 64 << 20 }).toString();
  const classes = new Map();
  for (const m of text.matchAll(/^\s*\d+:\s+(\d+)\s+(\d+)\s+(\S+)/gm)) classes.set(m[3], { count: Number(m[1]), bytes: Number(m[2]) });
  return classes;
}

/** Netty's direct memory counter and the JVM's direct buffer pool, in MB (NaN when not reported). */
function directMb(pid) {
  try {
    const text = execFileSync('jcmd', [String(pid), 'VM.native_memory', 'summary'], { stdio: ['ignore', 'pipe', 'ignore'] }).toString();
    const other = /-\s+Other \(reserved=\d+KB, committed=(\d+)KB\)/.exec(text);
    return other ? Number(other[1]) / 1024 : NaN;
  } catch {
    return NaN;
  }
}

async function connect(base, bearer, n) {
  const sockets = [];
  let ready = 0;
  let failed = 0;
  await new Promise((resolve) => {
    for (let i = 0; i < n; i++) {
      const socket = new WebSocket(base.replace(/^http/, 'ws') + '/graphql', 'graphql-transport-ws', { perMessageDeflate: false });
      sockets.push(socket);
      socket.on('open', () => socket.send(JSON.stringify({ type: 'connection_init', payload: { Authorization: `Bearer ${bearer}` } })));
      socket.on('error', () => {});
      socket.on('close', () => { if (++failed + ready === n) resolve(); });
      socket.on('message', (data) => {
        const message = JSON.parse(data.toString());
        if (message.type === 'connection_ack') {
          socket.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query: subscription } }));
          if (++ready + failed === n) resolve();
        } else if (message.type === 'ping') {
          socket.send('{"type":"pong"}');
        }
      });
    }
  });
  return { sockets, ready, failed };
}

console.log(`idle subscribers' memory, ${options.n} subscribers on appealReceived, JVM options ${options['java-opts']}, load ${load()}`);
for (const jar of jars) {
  const app = await startJar(jar, { port: options.port, javaOpts: [...String(options['java-opts']).split(' ').filter(Boolean), '-XX:NativeMemoryTracking=summary'],
    env: { OTKLIK_EMBEDDED_BACKEND: 'memory', OTKLIK_SEED_DEMO: 'false' } });
  try {
    const bearer = await integratorToken(app.base);
    // One subscriber first, so that what every first subscription loads (classes, the shared group) is in the baseline.
    const warm = await connect(app.base, bearer, 1);
    await sleep(2000);
    const rss0 = rssMb(app.pid);
    const heap0 = liveHeapMb(app.pid);
    const direct0 = directMb(app.pid);
    const before = histogram(app.pid);
    const { sockets, ready, failed } = await connect(app.base, bearer, options.n);
    await sleep(Math.max(3000, options.n));
    const rss1 = rssMb(app.pid);
    const heap1 = liveHeapMb(app.pid);
    const direct1 = directMb(app.pid);
    const after = histogram(app.pid);
    const per = (a, b) => ((b - a) * 1024 * 1024 / ready).toFixed(0);
    console.log(`${jar}: ${ready} subscribed, ${failed} failed; per subscriber: RSS ${per(rss0, rss1)} B, live heap ${per(heap0, heap1)} B, `
      + `NMT other (direct) ${per(direct0, direct1)} B; per 1,000: RSS +${((rss1 - rss0) * 1000 / ready).toFixed(1)} MB, `
      + `live heap +${((heap1 - heap0) * 1000 / ready).toFixed(1)} MB`);
    const rows = [];
    let total = 0;
    for (const [name, now] of after) {
      const was = before.get(name) ?? { count: 0, bytes: 0 };
      const bytes = (now.bytes - was.bytes) / ready;
      total += bytes;
      rows.push({ name, bytes, count: (now.count - was.count) / ready });
    }
    rows.sort((a, b) => b.bytes - a.bytes);
    console.log(`  histogram: ${total.toFixed(0)} B per subscriber; the largest classes (bytes, instances per subscriber):`);
    for (const row of rows.slice(0, options.top)) console.log(`  ${row.bytes.toFixed(0).padStart(8)} ${row.count.toFixed(2).padStart(7)}  ${row.name}`);
    for (const socket of [...sockets, ...warm.sockets]) socket.close();
    await sleep(1000);
  } finally {
    await app.stop();
  }
}
console.log(`load at end ${load()}`);
process.exit(0);
