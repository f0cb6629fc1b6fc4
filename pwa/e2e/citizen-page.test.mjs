// Citizen: opens the link of an answered appeal on a phone without signing in, sees the published answer
// and no personal data, rates it; the head of the agency sees the rating and its comment on the dashboard.
import assert from 'node:assert/strict'
import { after, describe, it } from 'node:test'
import { assignAppeal, gql, ingestAppeal, me, tokenFromPage } from './support/api.mjs'
import { launchPhone, screenshot } from './support/browser.mjs'
import { BASE_URL, USERS } from './support/env.mjs'
import { signIn } from './support/login.mjs'

const RUN = Date.now()
const ANSWER =
  'Здравствуйте! Горячую воду в поликлинике на Пролетарской дали сегодня в 15:00, трубу заменили. Телефон регистратуры 8 (4132) 20-00-00.'
const COMMENT = `Воду дали, спасибо (e2e ${RUN})`
const AUTHOR = 'Анна Е2Е-Проверкина'

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

describe('citizen page', () => {
  const phones = []
  const phone = async (name) => {
    const launched = await launchPhone(name)
    phones.push(launched)
    return launched
  }
  after(async () => {
    for (const launched of phones) await launched.close()
  })

  it('opens on a phone, rates the answer, and the head sees the rating', async () => {
    const curator = await phone('citizen-curator')
    await signIn(curator.page, USERS.curator, /\/moderation/)
    const curatorToken = await tokenFromPage(curator.page)
    const executor = await phone('citizen-executor')
    await signIn(executor.page, USERS.executor, /\/queue/)
    const executorToken = await tokenFromPage(executor.page)
    const agencyId = (await me(executorToken)).agency.id

    const { id } = await ingestAppeal({
      authorName: AUTHOR,
      authorProfileUrl: 'https://vk.com/id4242',
    })
    await assignAppeal(curatorToken, id, agencyId)
    await ok(executorToken, 'takeAppeal', { appealId: id })
    await ok(executorToken, 'submitAnswer', { appealId: id, kind: 'FINAL', text: ANSWER })
    const { appeal } = await gql(
      curatorToken,
      `query ($id: ID!) { appeal(id: $id) { answers { id } } }`,
      {
        id,
      },
    )
    await ok(curatorToken, 'approveAnswer', { appealId: id, answerId: appeal.answers.at(-1).id })
    const path = await linkPath(curatorToken, id)

    // The citizen: no sign-in, a phone viewport.
    const { page } = await phone('citizen')
    await page.goto(`${BASE_URL}${path}`)
    await page.getByRole('heading', { name: /Обращение № МАГ-/ }).waitFor()
    const text = await page.locator('main').innerText()
    assert.ok(
      text.includes('Горячую воду в поликлинике на Пролетарской дали'),
      'the published answer',
    )
    assert.ok(!text.includes(AUTHOR) && !text.includes('vk.com/id4242'), 'no personal data')
    assert.ok(!text.includes('нет горячей воды'), "not the appeal's own text")
    await screenshot(page, 'citizen-page')
    await page.getByRole('radio', { name: '4' }).check()
    await page.getByLabel(/Комментарий/).fill(COMMENT)
    await page.getByRole('button', { name: 'Оценить' }).click()
    await page.getByText('Спасибо! Ваша оценка сохранена.').waitFor()
    assert.ok((await page.locator('main').innerText()).includes('Ваша оценка: 4 из 5.'))
    await screenshot(page, 'citizen-rated')

    // The head of the agency: the rating and its comment on the dashboard.
    const head = await phone('citizen-head')
    await signIn(head.page, USERS.head, /\/dashboard/)
    await head.page.getByRole('heading', { name: 'Оценки жителей' }).waitFor()
    const latest = head.page.locator('.satisfaction__latest li[data-score="4"]', {
      hasText: COMMENT,
    })
    await latest.waitFor()
    await latest.scrollIntoViewIfNeeded()
    await screenshot(head.page, 'dashboard-satisfaction')
  })
})
