// Head: the dashboard's figures are the stats API's figures.
import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { gql, me, tokenFromPage } from './support/api.mjs'
import { launchPhone, screenshot } from './support/browser.mjs'
import { USERS } from './support/env.mjs'
import { signIn } from './support/login.mjs'

describe('head dashboard', () => {
  let head
  before(async () => (head = await launchPhone('head')))
  after(async () => head?.close())

  it('shows the same figures as agencyStats', async () => {
    const { page } = head
    await signIn(page, USERS.head, /\/dashboard/)
    await page.getByRole('heading', { name: 'Показатели ведомства' }).waitFor()
    await page.locator('[data-figure="received"]').waitFor()
    await page.getByRole('heading', { name: 'Зоны роста' }).waitFor()
    await screenshot(page, 'dashboard')
    const token = await tokenFromPage(page)
    const agencyId = (await me(token)).agency.id
    const { agencyStats } = await gql(
      token,
      `query ($agencyId: ID!) { agencyStats(agencyId: $agencyId, period: { kind: DAY }) {
        figures { received answered overdueNow redirects returnedForRework } } }`,
      { agencyId },
    )
    const figures = agencyStats.figures
    for (const [figure, value] of [
      ['received', figures.received],
      ['answered', figures.answered],
      ['overdueNow', figures.overdueNow],
      ['redirects', figures.redirects],
      ['returned', figures.returnedForRework],
    ]) {
      assert.equal(
        (await page.locator(`[data-figure="${figure}"] dd`).innerText()).trim(),
        String(value),
        figure,
      )
    }
    await page.locator('[data-figure="overdueNow"] a').click()
    await page.getByRole('heading', { name: 'Просроченные обращения' }).waitFor()
    // Overdue and at-risk sections, grouped by agency (one group for a head), before the picture.
    await page.locator('.overdue-section[data-sla="AT_RISK"]').waitFor()
    await screenshot(page, 'overdue')
  })
})
