// Curator: connects a Telegram bot on «Каналы» and checks it; a citizen's Telegram message becomes an
// appeal, the executor answers and the card shows the reply delivered; an appeal without a channel
// account gets its answer marked published by hand from the card.
// The Bot API is a local fake (support/fake-telegram.mjs) on E2E_FAKE_TELEGRAM_PORT, the port the app's
// OTKLIK_TELEGRAM_API_URL points at (scripts/e2e sets both). Without it only the steps that never call
// the channel run.
import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import {
  assignAppeal,
  gql,
  ingestAppeal,
  me,
  mutate,
  tokenFromPage,
  waitFor,
} from './support/api.mjs'
import { launchPhone, screenshot } from './support/browser.mjs'
import { BASE_URL, USERS } from './support/env.mjs'
import { startFakeTelegram } from './support/fake-telegram.mjs'
import { signIn } from './support/login.mjs'

const FAKE_PORT = process.env.E2E_FAKE_TELEGRAM_PORT
const needsFake = FAKE_PORT ? false : 'E2E_FAKE_TELEGRAM_PORT is not set: no fake Bot API to call'
const RUN = Date.now()
const BOT_TOKEN = `12345:e2e-secret-token-${RUN}`
const ANSWER =
  'Здравствуйте! Спасибо, что написали. Бригада МУП «Водоканал» приедет завтра к 10:00 и устранит течь в подъезде.'

async function executorTakesAndAnswers(token, appealId) {
  await mutate(token, 'takeAppeal', { appealId })
  await mutate(token, 'submitAnswer', { appealId, kind: 'INTERIM', text: ANSWER })
}

describe('channels: connect an account, deliveries on the card', () => {
  let curator
  let executor
  let fake
  let curatorToken
  let executorToken
  let agency
  let account
  const accountName = `Бот ЦУР e2e ${RUN}`

  before(async () => {
    if (FAKE_PORT) fake = await startFakeTelegram(Number(FAKE_PORT))
    curator = await launchPhone('channels-curator')
    executor = await launchPhone('channels-executor')
  })
  after(async () => {
    await curator?.close()
    await executor?.close()
    await fake?.close()
  })

  it('connects a Telegram bot on «Каналы» and lists it, never showing the token back', async () => {
    await signIn(executor.page, USERS.executor, /\/queue/)
    executorToken = await tokenFromPage(executor.page)
    agency = (await me(executorToken)).agency
    assert.ok(agency, 'the demo executor belongs to an agency')

    const { page } = curator
    await signIn(page, USERS.curator, /\/moderation/)
    curatorToken = await tokenFromPage(page)
    await page.getByRole('link', { name: 'Каналы' }).click()
    await page.getByRole('heading', { name: 'Каналы', level: 1 }).waitFor()
    await page.getByRole('button', { name: 'Подключить' }).click()
    const form = page.locator('dialog[open]')
    await form.getByLabel('Канал').selectOption('TELEGRAM')
    await form.getByLabel('Название').fill(accountName)
    await form.getByLabel('Ведомство').selectOption(agency.id)
    await form.getByLabel('Имя бота').fill('otklik_e2e_bot')
    assert.equal(await form.getByLabel('Токен доступа').getAttribute('type'), 'password')
    await form.getByLabel('Токен доступа').fill(BOT_TOKEN)
    await form.getByRole('button', { name: 'Подключить' }).click()
    await form.waitFor({ state: 'detached' }).catch(() => undefined)
    await page.getByRole('status').getByText(`Аккаунт «${accountName}» подключён`).waitFor()

    const card = page
      .getByRole('listitem')
      .filter({ has: page.getByRole('heading', { name: accountName }) })
    await card.getByText('Работает').waitFor()
    await card.getByText(agency.name).waitFor()
    const url = await card.locator('.webhook__url').innerText()
    assert.match(url, new RegExp(`^${BASE_URL}/channels/telegram/[0-9a-f]+$`))
    assert.equal((await page.content()).includes(BOT_TOKEN), false, 'the token is not on the page')

    const listed = await gql(
      curatorToken,
      '{ channelAccounts { id name kind health webhookPath webhookSecret agency { id } } }',
    )
    account = listed.channelAccounts.find((candidate) => candidate.name === accountName)
    assert.equal(account?.kind, 'TELEGRAM')
    assert.equal(account.agency.id, agency.id)
    assert.equal(url, BASE_URL + account.webhookPath)
    await screenshot(page, 'channels')
  })

  it('checks the token with the channel and says it works', { skip: needsFake }, async () => {
    const { page } = curator
    const card = page
      .getByRole('listitem')
      .filter({ has: page.getByRole('heading', { name: accountName }) })
    await card.getByRole('button', { name: 'Проверить' }).click()
    await card.getByText('Канал принял токен: аккаунт работает.').waitFor()
    assert.ok(fake.calls.some((call) => call.method === 'getMe' && call.token === BOT_TOKEN))
  })

  it(
    'turns a Telegram message into an appeal; the answer reaches the chat and the card says so, live',
    { skip: needsFake },
    async () => {
      const chatId = 700000 + (RUN % 100000)
      const text = `E2E ${RUN}: в подъезде на Пролетарской, 12 течёт крыша`
      const followUp = `E2E ${RUN}: вода уже на третьем этаже`
      const post = (updateId, messageId, messageText) =>
        fetch(BASE_URL + account.webhookPath, {
          method: 'POST',
          headers: {
            'Content-Type': 'application/json',
            'X-Telegram-Bot-Api-Secret-Token': account.webhookSecret,
          },
          body: JSON.stringify({
            update_id: updateId,
            message: {
              message_id: messageId,
              date: Math.floor(Date.now() / 1000),
              chat: { id: chatId, type: 'private', first_name: 'Ирина' },
              from: { id: chatId, is_bot: false, first_name: 'Ирина' },
              text: messageText,
            },
          }),
        })
      assert.equal((await post(RUN, 1, text)).status, 200)
      const appealId = await waitFor('the appeal from Telegram', async () => {
        const data = await gql(
          curatorToken,
          `query ($text: String) { appeals(filter: { channel: TELEGRAM, text: $text }, first: 20) { edges { node { id text } } } }`,
          { text: 'крыша' },
        )
        return data.appeals.edges.find((edge) => edge.node.text === text)?.node.id
      })
      assert.equal((await post(RUN + 1, 2, followUp)).status, 200)
      await waitFor('the follow-up in the thread', async () => {
        const data = await gql(
          curatorToken,
          `query ($id: ID!) { appeal(id: $id) { messages { text } } }`,
          {
            id: appealId,
          },
        )
        return data.appeal.messages.some((message) => message.text === followUp)
      })
      await assignAppeal(curatorToken, appealId, agency.id)

      const { page } = executor
      await page.goto(`/appeals/${appealId}`)
      await page.getByText(text).waitFor()
      const source = page.getByLabel('Откуда обращение')
      await source.getByText('Telegram').waitFor()
      await source.getByText(accountName).waitFor()
      await page.getByRole('heading', { name: /Житель написал ещё/ }).waitFor()
      await page.getByText(followUp).waitFor()

      let reloaded = false
      page.once('load', () => (reloaded = true))
      await page.getByRole('button', { name: 'Взять в работу' }).click()
      await page.getByLabel('Текст ответа').fill(ANSWER)
      // An interim answer the coach rates well goes out at once; the editor starts on a final one.
      await page.getByLabel('Промежуточный').check()
      await page.getByRole('button', { name: 'Отправить', exact: true }).click()
      const answer = page.locator('.answer').filter({ hasText: ANSWER })
      await answer.locator('[data-delivery-state="SENT"]').waitFor({ timeout: 20_000 })
      await answer.getByText('опубликован в канале').waitFor()
      assert.equal(reloaded, false, 'the delivery state arrived without a reload')
      // The channel copy ends with the appeal's number, so the citizen can quote it.
      const sent = fake.calls.find(
        (call) => call.method === 'sendMessage' && call.body.text?.startsWith(ANSWER),
      )
      assert.ok(sent, 'the answer was sent to the Bot API')
      assert.match(sent.body.text, /Номер обращения: МАГ-\d{4}-\d{6}$/)
      assert.equal(String(sent.body.chat_id), String(chatId))
      assert.equal(sent.body.reply_parameters?.message_id, 1)
      await screenshot(page, 'appeal-channel-delivery')
    },
  )

  it('marks an answer without a channel account published by hand, with a link', async () => {
    const appeal = await ingestAppeal()
    await assignAppeal(curatorToken, appeal.id, agency.id)
    await executorTakesAndAnswers(executorToken, appeal.id)

    const { page } = curator
    await page.goto(`/appeals/${appeal.id}`)
    const answer = page.locator('.answer').filter({ hasText: ANSWER })
    await answer.getByText('опубликуйте вручную').waitFor({ timeout: 10_000 })
    await page.getByLabel('Откуда обращение').getByText('канал не подключён').waitFor()
    await answer.getByRole('button', { name: 'Скопировать текст' }).waitFor()
    await screenshot(page, 'appeal-manual-delivery')

    const link = `https://vk.com/wall-1_1?reply=${RUN}`
    await answer.getByRole('button', { name: 'Отметить опубликованным' }).click()
    const dialog = page.locator('dialog[open]')
    await dialog.getByLabel('Ссылка на опубликованный ответ').fill(link)
    await dialog.getByRole('button', { name: 'Отметить опубликованным' }).click()
    await answer.getByText('опубликован в канале').waitFor({ timeout: 10_000 })
    const curatorName = (await me(curatorToken)).name
    await answer.getByText(`Опубликовал вручную: ${curatorName}`).waitFor()
    assert.equal(
      await answer.getByRole('link', { name: 'Открыть ответ в канале' }).getAttribute('href'),
      link,
    )
    const stored = await gql(
      curatorToken,
      `query ($id: ID!) { appeal(id: $id) { answers { delivery { state link by { name } } } } }`,
      { id: appeal.id },
    )
    assert.deepEqual(stored.appeal.answers[0].delivery, {
      state: 'SENT',
      link,
      by: { name: curatorName },
    })
    await screenshot(page, 'appeal-manual-published')
    assert.deepEqual([...curator.problems, ...executor.problems], [])
  })
})
