// Curator: a citizen rates an answer 2 of 5 on the public page; the task appears under «Низкие оценки» on
// the review screen with the comment and the appeal's number, and the curator closes it with a note.
import assert from 'node:assert/strict'
import { after, describe, it } from 'node:test'
import { phoneSet, screenshot } from './support/browser.mjs'
import { answeredAppealWithLink } from './support/citizen.mjs'
import { BASE_URL } from './support/env.mjs'

const RUN = Date.now()
const ANSWER =
  'Здравствуйте! Горячую воду в поликлинике на Пролетарской дадут сегодня в 18:00, трубу меняют. Телефон регистратуры 8 (4132) 20-00-00.'
const COMMENT = `Воды так и нет (e2e ${RUN})`

describe('rating tasks', () => {
  const phones = phoneSet()
  after(() => phones.closeAll())

  it('a low rating becomes a curator task that is closed from the review screen', async () => {
    const { curator, number, path } = await answeredAppealWithLink(phones, 'rating', {
      answer: ANSWER,
    })

    const { page } = await phones.launch('rating-citizen')
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
    assert.ok(await task.getByRole('link', { name: number }).isVisible())
    await task.scrollIntoViewIfNeeded()
    await screenshot(curator.page, 'rating-tasks')
    await task.getByLabel('Что сделано (необязательно)').fill('Попросили повторить ремонт')
    await task.getByRole('button', { name: 'Закрыть задачу' }).click()
    await section.getByText('Задача закрыта.').waitFor()
    await section.locator('li', { hasText: COMMENT }).waitFor({ state: 'detached' })
  })
})
