// A phone: Debian's Chromium through playwright-core, 390×844 with touch, a fresh profile per user.
import { mkdirSync, rmSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium } from 'playwright-core'
import { BASE_URL, CHROMIUM } from './env.mjs'

const e2eDir = join(dirname(fileURLToPath(import.meta.url)), '..')
export const SCREENSHOTS = join(e2eDir, 'screenshots')

const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

export async function launchPhone(name) {
  const profile = join(e2eDir, '.profiles', `${name}-${process.pid}`)
  rmSync(profile, { recursive: true, force: true })
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    // E2E_NETLOG=<dir> records Chromium's network log per phone, for diagnosing a stuck request.
    args: process.env.E2E_NETLOG
      ? [...FLAGS, `--log-net-log=${join(process.env.E2E_NETLOG, `${name}.json`)}`]
      : FLAGS,
    baseURL: BASE_URL,
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: 'ru-RU',
    timezoneId: 'Asia/Magadan',
  })
  const page = context.pages()[0] ?? (await context.newPage())
  const problems = []
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`))
  page.on('dialog', (dialog) => {
    problems.push(`dialog: ${dialog.message()}`)
    void dialog.dismiss()
  })
  return {
    context,
    page,
    problems,
    close: async () => {
      await context.close()
      rmSync(profile, { recursive: true, force: true })
    },
  }
}

/** The phones a suite launches, closed together in its `after`. */
export function phoneSet() {
  const launched = []
  return {
    launch: async (name) => {
      const phone = await launchPhone(name)
      launched.push(phone)
      return phone
    },
    closeAll: async () => {
      for (const phone of launched) await phone.close()
    },
  }
}

/**
 * Saves a screenshot into e2e/screenshots/ (committed, so the screens can be seen without running
 * anything): one pixel per CSS pixel keeps the files small; `fullPage: false` takes what is on screen.
 */
export async function screenshot(page, name, { fullPage = true } = {}) {
  mkdirSync(SCREENSHOTS, { recursive: true })
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage, scale: 'css' })
}

/** Waits until the service worker controls the page, so an offline reload is served from its precache. */
export async function waitForServiceWorker(page) {
  await page.evaluate(() => navigator.serviceWorker.ready)
  if (!(await page.evaluate(() => Boolean(navigator.serviceWorker.controller)))) {
    await page.reload()
    await page.waitForFunction(() => Boolean(navigator.serviceWorker.controller))
  }
}

/**
 * Waits until the offline cache in IndexedDB holds the executor's queue listing the appeal: graphcache
 * writes it after a debounce, and a fixed wait before going offline missed it on a loaded machine.
 * Reads graphcache's default storage (stores `entries`, one record per day) in every `otklik-graphcache-*`
 * database, and looks for a stored `appeals(...)` field that links to the appeal.
 */
export async function waitForCachedInQueue(page, appealId, timeout = 15_000) {
  await page.waitForFunction(
    async (id) => {
      // Defined here because this function runs in the page, serialised without its surroundings.
      // oxlint-disable-next-line unicorn/consistent-function-scoping
      const result = (request) =>
        new Promise((resolve, reject) => {
          request.addEventListener('success', () => resolve(request.result))
          request.addEventListener('error', () => reject(request.error))
        })
      const names = (await indexedDB.databases())
        .map((db) => db.name)
        .filter((name) => name?.startsWith('otklik-graphcache-'))
      for (const name of names) {
        const db = await result(indexedDB.open(name))
        try {
          if (!db.objectStoreNames.contains('entries')) continue
          const days = await result(
            db.transaction('entries', 'readonly').objectStore('entries').getAll(),
          )
          for (const day of days) {
            for (const [key, value] of Object.entries(day ?? {})) {
              if (key.includes('appeals(') && JSON.stringify(value).includes(`Appeal:${id}`)) {
                return true
              }
            }
          }
        } finally {
          db.close()
        }
      }
      return false
    },
    appealId,
    { polling: 250, timeout },
  )
}
