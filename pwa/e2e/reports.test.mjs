// Reports: the head downloads the dashboard's figures as XLSX and the executor the queue as CSV; the
// files are fetched with the user's token and hold what the API shows the same user.
import assert from 'node:assert/strict'
import { readFile } from 'node:fs/promises'
import { after, before, describe, it } from 'node:test'
import { gql, tokenFromPage } from './support/api.mjs'
import { launchPhone } from './support/browser.mjs'
import { USERS } from './support/env.mjs'
import { signIn } from './support/login.mjs'

const OPEN = ['ASSIGNED', 'IN_PROGRESS', 'ON_REVIEW']

/** Every id of the caller's open appeals, page by page, as the API lists them. */
async function openAppealIds(token) {
  const ids = []
  let cursor = null
  for (;;) {
    const { appeals } = await gql(
      token,
      `query ($after: String, $statuses: [AppealStatus!]) {
        appeals(filter: { statuses: $statuses }, orderBy: DUE_ASC, first: 100, after: $after) {
          edges { node { id } } pageInfo { hasNextPage endCursor } } }`,
      { after: cursor, statuses: OPEN },
    )
    ids.push(...appeals.edges.map((edge) => edge.node.id))
    if (!appeals.pageInfo.hasNextPage) return ids
    cursor = appeals.pageInfo.endCursor
  }
}

/** Clicks a format button of the «Скачать» group and returns the saved file. */
async function download(page, group, format) {
  const [file] = await Promise.all([
    page.waitForEvent('download', { timeout: 60_000 }),
    page.getByRole('group', { name: group }).getByRole('button', { name: format }).click(),
  ])
  return { name: file.suggestedFilename(), bytes: await readFile(await file.path()) }
}

describe('report downloads', () => {
  let head
  let executor
  before(async () => {
    head = await launchPhone('report-head')
    executor = await launchPhone('report-executor')
  })
  after(async () => {
    await head?.close()
    await executor?.close()
  })

  it('downloads the dashboard figures as XLSX', async () => {
    const { page } = head
    await signIn(page, USERS.head, /\/dashboard/)
    await page.locator('[data-figure="received"]').waitFor()
    const file = await download(page, 'Скачать', 'XLSX')
    assert.match(file.name, /^otklik-pokazateli-vedomstva-\d{4}-\d{2}-\d{2}\.xlsx$/)
    // An XLSX file is a ZIP archive.
    assert.equal(file.bytes.subarray(0, 4).toString('latin1'), 'PK\u0003\u0004')
  })

  it('downloads the queue as CSV with the appeals the API lists', async () => {
    const { page } = executor
    await signIn(page, USERS.executor, /\/queue/)
    await page.getByRole('heading', { name: 'Моя очередь' }).waitFor()
    const file = await download(page, 'Скачать', 'CSV')
    assert.match(file.name, /\.csv$/)
    const text = file.bytes.toString('utf8')
    assert.ok(text.startsWith('\uFEFFНомер;Поступило;Статус;'), text.slice(0, 80))
    const lines = text.split('\r\n').filter((line) => line.length > 0)
    const ids = lines.slice(1).map((line) => line.split(';')[0])
    const expected = await openAppealIds(await tokenFromPage(page))
    // The demo agency has open appeals, so an empty file cannot pass as an empty queue.
    assert.ok(expected.length > 0)
    assert.deepEqual(ids, expected)
  })
})
