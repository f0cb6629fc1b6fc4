// Curator: a citizen rates an answer 2 of 5 on the public page; the task appears under «Низкие оценки» on
// the review screen with the comment and the appeal's number, and the curator closes it with a note.
import assert from 'node:assert/strict'
import { after, describe, it } from 'node:test'
import { assignAppeal, gql, ingestAppeal, me, tokenFromPage } from './support/api.mjs'
import { launchPhone, screenshot } from './support/browser.mjs'
import { BASE_URL, USERS } from './support/env.mjs'
import { signIn } from './support/login.mjs'

const RUN = Date.now()
const ANSWER =
  'Здравствуйте! Горячую воду в поликлинике на Пролетарской дадут сегодня в 18:00, трубу меняют. Телефон регистратуры 8 (4132) 20-00-00.'
const COMMENT = `Воды так и нет (e2e ${RUN})`

async function ok(token, mutation, input) {
  const type = mutation[0].toUpperCase() + mutation.slice(1) + 'Input'
  const data = await gql(
    token,
    `mutation ($input: ${type}!) { ${mutation}(input: $input) { errors { code message } } }`,
    { input },
  )
  assert.deepEqual(data[mutation].errors, [], mutation)
}

async function linkPath(token, appealId) {
  const until = Date.now() + 15_000
  for (;;) {
    const { appeal } = await gql(
      token,
      `query ($id: ID!) { appeal(id: $id) { citizenLink { path } } }`,
      { id: appealId },
    )
    if (appeal.citizenLink) return appeal.citizenLink.path
    if (Date.now() > until) throw new Error('no citizen link was issued')
    await new Promise((resolve) => setTimeout(resolve, 300))
  }
}

describe('rating tasks', () => {
  const phones = []
  const phone = async (name) => {
    const launched = await launchPhone(name)
    phones.push(launched)
    return launched
  }
  after(async () => {
    for (const launched of phones) await launched.close()
  })

  it('a low rating becomes a curator task that is closed from the review screen', async () => {
    const curator = await phone('rating-curator')
    await signIn(curator.page, USERS.curator, /\/moderation/)
    const curatorToken = await tokenFromPage(curator.page)
    const executor = await phone('rating-executor')
    await signIn(executor.page, USERS.executor, /\/queue/)
    const executorToken = await tokenFromPage(executor.page)
    const agencyId = (await me(executorToken)).agency.id

    const { id } = await ingestAppeal({})
    await assignAppeal(curatorToken, id, agencyId)
    await ok(executorToken, 'takeAppeal', { appealId: id })
    await ok(executorToken, 'submitAnswer', { appealId: id, kind: 'FINAL', text: ANSWER })
    const { appeal } = await gql(
      curatorToken,
      `query ($id: ID!) { appeal(id: $id) { number answers { id } } }`,
      { id },
    )
    await ok(curatorToken, 'approveAnswer', { appealId: id, answerId: appeal.answers.at(-1).id })
    const path = await linkPath(curatorToken, id)

    const { page } = await phone('rating-citizen')
    await page.goto(`${BASE_URL}${path}`)
    await page.getByRole('radio', { name: '2' }).check()
    await page.getByLabel(/Комментарий/).fill(COMMENT)
    await page.getByRole('button', { name: 'Оценить' }).click()
    await page.getByText('Спасибо! Ваша оценка сохранена.').waitFor()

    await curator.page.goto(`${BASE_URL}/review`)
    const section = curator.page.getByTestId('rating-tasks')
    await section.getByRole('heading', { name: 'Низкие оценки' }).waitFor()
    const task = section.locator('li', { hasText: COMMENT })
    await task.waitFor()
    assert.ok((await task.innerText()).includes('Оценка 2 из 5'))
    assert.ok(await task.getByRole('link', { name: appeal.number }).isVisible())
    await task.scrollIntoViewIfNeeded()
    await screenshot(curator.page, 'rating-tasks')
    await task.getByLabel('Что сделано (необязательно)').fill('Попросили повторить ремонт')
    await task.getByRole('button', { name: 'Закрыть задачу' }).click()
    await section.getByText('Задача закрыта.').waitFor()
    await section.locator('li', { hasText: COMMENT }).waitFor({ state: 'detached' })
  })
})
