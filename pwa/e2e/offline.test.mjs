// Offline: the cached queue and card open with no network, taking and answering are queued
// («ожидает отправки») and delivered exactly once when the connection returns.
import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { assignAppeal, ingestAppeal, me, readAppeal, tokenFromPage } from './support/api.mjs'
import {
  launchPhone,
  screenshot,
  waitForCachedInQueue,
  waitForServiceWorker,
} from './support/browser.mjs'
import { USERS } from './support/env.mjs'
import { signIn } from './support/login.mjs'

describe('offline executor', () => {
  let executor
  let curator
  before(async () => {
    executor = await launchPhone('offline-executor')
    curator = await launchPhone('offline-curator')
  })
  after(async () => {
    await executor?.close()
    await curator?.close()
  })

  it('works offline and delivers the answer exactly once', async () => {
    const { page, context } = executor
    await signIn(curator.page, USERS.curator, /\/moderation/)
    await signIn(page, USERS.executor, /\/queue/)
    const token = await tokenFromPage(page)
    const agencyId = (await me(token)).agency.id
    const appeal = await ingestAppeal({
      text: `Офлайн ${Date.now()}: в Сусумане не работает фельдшерский пункт`,
    })
    await assignAppeal(await tokenFromPage(curator.page), appeal.id, agencyId)

    await waitForServiceWorker(page)
    // Seen once online: the queue and the card are now in the device's cache.
    await page.locator(`[data-appeal-id="${appeal.id}"] a`).click()
    await page.getByText(appeal.text).waitFor()
    await page.goto('/queue')
    await page.locator(`[data-appeal-id="${appeal.id}"]`).waitFor()
    await waitForCachedInQueue(page, appeal.id)

    await context.setOffline(true)
    await page.reload()
    await page.locator(`[data-appeal-id="${appeal.id}"]`).waitFor({ timeout: 10_000 })
    await page.getByText('Нет связи').first().waitFor()
    await screenshot(page, 'offline-queue')

    await page.locator(`[data-appeal-id="${appeal.id}"] a`).click()
    await page.getByText(appeal.text).waitFor()
    await page.getByRole('button', { name: 'Взять в работу' }).click()
    // An interim answer the coach rates well, so the region's review settings publish it at once; the
    // editor starts on a final answer since interim ones may skip review.
    const answerText = `Здравствуйте! Спасибо, что написали. Фельдшерский пункт в Сусумане откроется в понедельник, фельдшер принимает с 9:00 до 17:00. Ответ ${Date.now()}.`
    await page.getByLabel('Промежуточный').check()
    await page.getByLabel('Текст ответа').fill(answerText)
    await page.getByRole('button', { name: 'Отправить', exact: true }).click()
    await page.getByText('ожидает отправки').first().waitFor()
    await screenshot(page, 'offline-pending')

    await context.setOffline(false)
    await page.evaluate(() => window.dispatchEvent(new Event('online')))
    await page.locator('.answer--pending').waitFor({ state: 'detached', timeout: 30_000 })

    const stored = await readAppeal(token, appeal.id)
    assert.equal(stored.status, 'IN_PROGRESS')
    assert.equal(
      stored.answers.filter((answer) => answer.text === answerText).length,
      1,
      'exactly one answer',
    )
  })
})
