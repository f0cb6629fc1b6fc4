// An appeal's text is data: markup in it is shown literally and never runs.
import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { assignAppeal, ingestAppeal, me, tokenFromPage } from './support/api.mjs'
import { launchPhone, screenshot } from './support/browser.mjs'
import { USERS } from './support/env.mjs'
import { signIn } from './support/login.mjs'

describe('appeal text', () => {
  let executor
  let curator
  before(async () => {
    executor = await launchPhone('xss-executor')
    curator = await launchPhone('xss-curator')
  })
  after(async () => {
    await executor?.close()
    await curator?.close()
  })

  it('shows <script> and <img onerror> literally and runs nothing', async () => {
    const { page } = executor
    await signIn(curator.page, USERS.curator, /\/moderation/)
    await signIn(page, USERS.executor, /\/queue/)
    const agencyId = (await me(await tokenFromPage(page))).agency.id
    const payload = `Проверка ${Date.now()} <script>window.xss = 'script'</script> <img src=x onerror="window.xss = 'img'">`
    // A javascript: link is refused by the API itself (AppealIngestIntegrationTests); the text is not.
    const appeal = await ingestAppeal({ text: payload })
    await assignAppeal(await tokenFromPage(curator.page), appeal.id, agencyId)

    await page.goto(`/appeals/${appeal.id}`)
    const text = page.locator('.card--text .appeal-text')
    await text.waitFor()
    assert.equal(await text.innerText(), payload)
    assert.equal(await page.locator('.card--text script, .card--text img').count(), 0)
    await page.waitForTimeout(500)
    assert.equal(await page.evaluate(() => window.xss), undefined)
    await screenshot(page, 'literal-text')
    assert.deepEqual(executor.problems, [])
  })
})
