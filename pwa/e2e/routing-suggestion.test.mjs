// Curator: moderation on a phone shows the router's suggestion for a new appeal (category, place, agency,
// urgency with reasons) and «Принять» assigns it to the suggested agency with one tap, writing the suggested
// category, place and urgency onto the appeal.
import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { gql, ingestAppeal, tokenFromPage } from './support/api.mjs'
import { launchPhone, screenshot } from './support/browser.mjs'
import { USERS } from './support/env.mjs'
import { signIn } from './support/login.mjs'

describe('routing suggestion in moderation', () => {
  let curator
  before(async () => (curator = await launchPhone('routing-curator')))
  after(async () => curator?.close())

  it('shows the suggestion with its reasons and accepts it with one tap', async () => {
    const { page } = curator
    await signIn(page, USERS.curator, /\/moderation/)
    const token = await tokenFromPage(page)
    // Sent without category or place: the router has to find them in the words.
    const appeal = await ingestAppeal({
      text: `В Усть-Омчуге на улице Мира вторые сутки нет отопления, в квартире +12, дети мёрзнут (${Date.now()})`,
      municipality: null,
      category: null,
    })
    const card = page.locator(`[data-appeal-id="${appeal.id}"]`)
    await card.waitFor()
    const suggestion = card.getByRole('region', { name: 'Подсказка маршрутизации' })
    await suggestion
      .getByText(/^Срочно: .*Нет отопления в холодное время года/)
      .first()
      .waitFor()
    await suggestion.getByText(/Место: Тенькинский МО, Усть-Омчуг/).waitFor()
    await card.scrollIntoViewIfNeeded()
    await screenshot(page, 'moderation-routing')

    const { appeal: suggested } = await gql(
      token,
      `query ($id: ID!) { appeal(id: $id) { routing { agency { id } category municipality urgent } } }`,
      { id: appeal.id },
    )
    assert.ok(suggested.routing.agency, 'the rules name an agency for heating in a named okrug')
    await suggestion.getByRole('button', { name: 'Принять' }).click()
    await card.waitFor({ state: 'detached' })
    const { appeal: assigned } = await gql(
      token,
      `query ($id: ID!) { appeal(id: $id) { status agency { id } category municipality urgent } }`,
      { id: appeal.id },
    )
    assert.equal(assigned.status, 'ASSIGNED')
    assert.equal(assigned.agency.id, suggested.routing.agency.id)
    assert.equal(assigned.category, suggested.routing.category)
    assert.equal(assigned.municipality, 'TENKINSKY')
    assert.equal(assigned.urgent, true)
  })
})
