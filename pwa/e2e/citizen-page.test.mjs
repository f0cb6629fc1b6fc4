// Citizen: opens the link of an answered appeal on a phone without signing in, sees the published answer
// and no personal data, rates it; the head of the agency sees the rating and its comment on the dashboard.
import assert from 'node:assert/strict'
import { after, describe, it } from 'node:test'
import { phoneSet, screenshot } from './support/browser.mjs'
import { answeredAppealWithLink } from './support/citizen.mjs'
import { BASE_URL, USERS } from './support/env.mjs'
import { signIn } from './support/login.mjs'

const RUN = Date.now()
const ANSWER =
  'Здравствуйте! Горячую воду в поликлинике на Пролетарской дали сегодня в 15:00, трубу заменили. Телефон регистратуры 8 (4132) 20-00-00.'
const COMMENT = `Воду дали, спасибо (e2e ${RUN})`
const AUTHOR = 'Анна Е2Е-Проверкина'

describe('citizen page', () => {
  const phones = phoneSet()
  after(() => phones.closeAll())

  it('opens on a phone, rates the answer, and the head sees the rating', async () => {
    const { path } = await answeredAppealWithLink(phones, 'citizen', {
      appeal: { authorName: AUTHOR, authorProfileUrl: 'https://vk.com/id4242' },
      answer: ANSWER,
    })

    // The citizen: no sign-in, a phone viewport.
    const { page } = await phones.launch('citizen')
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
    const head = await phones.launch('citizen-head')
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
