// Curator: the region desk on a phone. Searches appeals by a word, lists the overdue appeals of one
// agency (the same ones the API counts), and opens the agency ranking; a screenshot of each new screen.
import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { gql, ingestAppeal, tokenFromPage } from './support/api.mjs'
import { launchPhone, screenshot } from './support/browser.mjs'
import { USERS } from './support/env.mjs'
import { signIn } from './support/login.mjs'

describe('curator region desk', () => {
  let curator
  let token
  before(async () => (curator = await launchPhone('desk-curator')))
  after(async () => curator?.close())

  it('finds an appeal by a word of its text', async () => {
    const { page } = curator
    await signIn(page, USERS.curator, /\/moderation/)
    token = await tokenFromPage(page)
    // A word no other appeal has, and «скамейка» in another form than the text's: stems must match.
    const word = `метка${Date.now().toString(36)}`
    const appeal = await ingestAppeal({ text: `Сломаны скамейки во дворе, ${word}` })
    await page.getByRole('link', { name: 'Обращения', exact: true }).click()
    await page.getByRole('heading', { name: 'Обращения региона' }).waitFor()
    await page.getByRole('searchbox', { name: 'Поиск по тексту' }).fill(`скамейка ${word}`)
    await page.getByRole('button', { name: 'Найти' }).click()
    await page.waitForURL(/\/appeals\?q=/)
    await page.locator(`[data-appeal-id="${appeal.id}"]`).waitFor()
    assert.equal(await page.locator('[data-appeal-id]').count(), 1)
    await screenshot(page, 'desk-search')
  })

  it('lists the overdue appeals of one agency, as the API counts them', async () => {
    const { page } = curator
    await page.getByRole('link', { name: 'Показатели', exact: true }).click()
    await page.getByRole('heading', { name: 'Показатели региона' }).waitFor()
    await page.locator('[data-figure="overdueNow"]').waitFor()
    await screenshot(page, 'desk-figures')

    const { regionStats } = await gql(
      token,
      `{ regionStats(period: { kind: MONTH }) { byAgency { agency { id name } overdueNow } } }`,
    )
    const agency = regionStats.byAgency.find((row) => row.agency && row.overdueNow > 0)?.agency
    assert.ok(agency, 'the demo region has an agency with overdue appeals')
    const { appeals } = await gql(
      token,
      `query ($agencyId: ID!) { appeals(filter: { agencyId: $agencyId, slaStates: [OVERDUE] }, first: 30) {
        edges { node { id } } } }`,
      { agencyId: agency.id },
    )
    const expected = appeals.edges.map((edge) => edge.node.id).toSorted()

    await page.goto('/appeals')
    await page.getByRole('heading', { name: 'Обращения региона' }).waitFor()
    await page.getByRole('button', { name: 'Просрочено', exact: true }).click()
    await page.waitForURL(/sla=OVERDUE/)
    await page.locator('.desk__filters summary').click()
    await page.getByLabel('Ведомство').selectOption(agency.id)
    await page.waitForURL(new RegExp(`agency=${agency.id}`))
    await page.locator(`[data-appeal-id="${expected[0]}"]`).waitFor()
    const shown = (
      await page
        .locator('[data-appeal-id]')
        .evaluateAll((rows) => rows.map((row) => row.dataset.appealId))
    ).toSorted()
    assert.deepEqual(shown, expected)
    await screenshot(page, 'desk-overdue-agency')

    await page.goto('/dashboard/overdue')
    await page.getByRole('heading', { name: 'Просроченные обращения' }).waitFor()
    await page.locator('.agency-group').first().waitFor()
    await screenshot(page, 'desk-overdue-by-agency')
  })

  it('opens the agency ranking with the period’s dates', async () => {
    const { page } = curator
    await page.goto('/dashboard?period=MONTH')
    await page.getByRole('link', { name: 'Рейтинг ведомств' }).click()
    await page.getByRole('heading', { name: 'Рейтинг ведомств' }).waitFor()
    await page.waitForURL(/period=MONTH/)
    await page.getByText(/Календарный месяц:/).waitFor()
    await page.locator('.ranking li').first().waitFor()
    await screenshot(page, 'desk-ranking')
    assert.deepEqual(curator.problems, [])
  })
})
