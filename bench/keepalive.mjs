// Loads the PWA the way a browser does, many times over: each round is a fresh pool of at most six
// keep-alive connections (Chromium's limit per host) fetching the shell, its scripts and styles, the
// sign-in settings and a missing favicon at once. Prints how many requests were never answered
// (waited for longer than 5 s) and the slowest answer. Reactor Netty 1.3.6 left dozens unanswered.
//
//   java -jar backend/target/otklik.jar &   then   node bench/keepalive.mjs [baseUrl] [rounds]
import http from 'node:http'

const base = process.argv[2] ?? 'http://localhost:8080'
const rounds = Number(process.argv[3] ?? 100)

// Every file of the shell, as the service worker's precache manifest lists them.
const worker = await (await fetch(`${base}/sw.js`)).text()
const files = [...worker.matchAll(/url:"([^"]+)"/g)].map((m) => `/${m[1]}`)
if (files.length === 0) throw new Error(`No PWA files listed in ${base}/sw.js: build the PWA first`)
const paths = [...new Set(['/', ...files, '/auth/config', '/favicon.ico', '/idp/.well-known/openid-configuration'])]

let unanswered = 0
let slowest = 0
let requests = 0
function get(agent, path) {
  return new Promise((resolve) => {
    const started = performance.now()
    const request = http.get(`${base}${path}`, { agent, headers: { Origin: base } }, (response) => {
      response.resume()
      response.on('end', () => {
        slowest = Math.max(slowest, performance.now() - started)
        resolve()
      })
    })
    request.setTimeout(5_000, () => {
      unanswered++
      request.destroy()
      resolve()
    })
    request.on('error', () => resolve())
    requests++
  })
}

const started = performance.now()
for (let round = 0; round < rounds; round++) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 6 })
  await Promise.all(paths.map((path) => get(agent, path)))
  agent.destroy()
}
console.log(
  `${rounds} page loads, ${requests} requests (${paths.length} paths) in ${((performance.now() - started) / 1000).toFixed(1)} s: ` +
    `${unanswered} unanswered, slowest answer ${slowest.toFixed(0)} ms`,
)
