// Lighthouse (mobile emulation) for the queue screen: prints the performance and accessibility scores.
// The queue needs a signed-in executor, so by default this signs in through the login page
// (E2E_BASE_URL, default http://localhost:8080; exec.health / demo) in the same Chromium first.
// LIGHTHOUSE_URL overrides the page (e.g. a `vite preview` of the sign-in screen without a backend).
// Usage: CHROME_PATH=/usr/bin/chromium npm run perf:lighthouse
import lighthouse from 'lighthouse'
import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium } from 'playwright-core'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const base = process.env.E2E_BASE_URL ?? 'http://localhost:8080'
const chromePath = process.env.CHROME_PATH ?? '/usr/bin/chromium'
const port = 9333
const flags = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  `--remote-debugging-port=${port}`,
]

const profile = join(root, 'e2e/.profiles/lighthouse')
const context = await chromium.launchPersistentContext(profile, {
  executablePath: chromePath,
  headless: true,
  args: flags,
  viewport: { width: 390, height: 844 },
})
try {
  let url = process.env.LIGHTHOUSE_URL
  if (!url) {
    const page = context.pages()[0] ?? (await context.newPage())
    await page.goto(base + '/')
    // The profile is kept between runs: a second run is already signed in and lands on the queue.
    await page.waitForURL(/\/(sign-in|queue)/, { timeout: 30_000 })
    if (page.url().includes('/sign-in')) {
      await page.getByRole('button', { name: /Войти|Sign in/ }).click()
      await page.locator('input[name="username"]').fill(process.env.LH_USER ?? 'exec.health')
      await page.locator('input[name="password"]').fill(process.env.LH_PASSWORD ?? 'demo')
      await page.locator('input[name="password"]').press('Enter')
      await page.waitForURL(/\/queue/, { timeout: 30_000 })
    }
    url = base + '/queue'
  }
  const result = await lighthouse(url, {
    port,
    output: 'html',
    onlyCategories: ['performance', 'accessibility', 'best-practices'],
    formFactor: 'mobile',
    screenEmulation: {
      mobile: true,
      width: 390,
      height: 844,
      deviceScaleFactor: 3,
      disabled: false,
    },
    // Keep the signed-in session (localStorage, IndexedDB) that the queue needs.
    disableStorageReset: true,
  })
  if (!result) throw new Error('Lighthouse returned nothing')
  const { categories, audits } = result.lhr
  mkdirSync(join(root, '.lighthouse'), { recursive: true })
  writeFileSync(join(root, '.lighthouse/queue.html'), String(result.report))
  const score = (key) => Math.round((categories[key]?.score ?? 0) * 100)
  console.log(`URL ${url}`)
  console.log(
    `performance=${score('performance')} accessibility=${score('accessibility')} best-practices=${score('best-practices')}`,
  )
  for (const id of [
    'first-contentful-paint',
    'largest-contentful-paint',
    'total-blocking-time',
    'cumulative-layout-shift',
  ]) {
    console.log(`  ${audits[id]?.title}: ${audits[id]?.displayValue}`)
  }
  const failing = Object.values(audits).filter(
    (audit) =>
      audit.scoreDisplayMode === 'binary' &&
      audit.score === 0 &&
      categories.accessibility.auditRefs.some((ref) => ref.id === audit.id),
  )
  for (const audit of failing) console.log(`  a11y: ${audit.id} — ${audit.title}`)
  console.log('Report: .lighthouse/queue.html')
} finally {
  await context.close()
}
