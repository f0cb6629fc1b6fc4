// bench/pwa-bundle-size: the JavaScript a first visit must download before the app can render:
// the entry script in dist/index.html and the chunks it preloads, gzipped (level 9, like a CDN).
// Route chunks, lazy features and the service worker are listed separately for context.
// Usage: npm run build && npm run perf:bundle   (exits 1 above the budget)
import { readFileSync, readdirSync, statSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'

const BUDGET_KB = 150
const dist = join(dirname(fileURLToPath(import.meta.url)), '../dist')
const html = readFileSync(join(dist, 'index.html'), 'utf8')
const initial = [
  ...html.matchAll(/<script[^>]+type="module"[^>]+src="([^"]+)"/g),
  ...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"/g),
].map((match) => match[1].replace(/^\//, ''))

const gz = (file) => gzipSync(readFileSync(join(dist, file)), { level: 9 }).length
const kb = (bytes) => (bytes / 1024).toFixed(1)

let total = 0
console.log('Initial JS (gzipped):')
for (const file of new Set(initial)) {
  const size = gz(file)
  total += size
  console.log(`  ${kb(size).padStart(7)} kB  ${file}`)
}
console.log(`  ${kb(total).padStart(7)} kB  TOTAL (budget ${BUDGET_KB} kB)`)

const lazy = readdirSync(join(dist, 'assets'))
  .filter((name) => name.endsWith('.js') && !initial.includes(`assets/${name}`))
  .map((name) => ({ name, size: gz(`assets/${name}`) }))
  .toSorted((a, b) => b.size - a.size)
const lazyTotal = lazy.reduce((sum, chunk) => sum + chunk.size, 0)
console.log(`Lazy chunks: ${lazy.length}, ${kb(lazyTotal)} kB gzipped; largest:`)
for (const chunk of lazy.slice(0, 5))
  console.log(`  ${kb(chunk.size).padStart(7)} kB  assets/${chunk.name}`)
const css = readdirSync(join(dist, 'assets')).filter((name) => name.endsWith('.css'))
for (const file of css) console.log(`CSS: ${kb(gz(`assets/${file}`))} kB gzipped (assets/${file})`)
console.log(`Service worker: ${kb(statSync(join(dist, 'sw.js')).size)} kB raw`)
console.log(`RESULT initial_js_gzip_kb=${kb(total)}`)
if (total / 1024 > BUDGET_KB) {
  console.error(`Initial JS ${kb(total)} kB exceeds the ${BUDGET_KB} kB budget`)
  process.exit(1)
}
