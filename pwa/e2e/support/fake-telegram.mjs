// A stand-in for the Telegram Bot API on a local port: the app is started with
// OTKLIK_TELEGRAM_API_URL=http://127.0.0.1:<port>, so «Проверить» and answer delivery call this
// instead of api.telegram.org. It answers like the Bot API and records every call.
import { createServer } from 'node:http'

export async function startFakeTelegram(port) {
  const calls = []
  let nextMessageId = 9000
  const server = createServer((request, response) => {
    const reply = (result) => {
      response.writeHead(200, { 'Content-Type': 'application/json' })
      response.end(JSON.stringify({ ok: true, result }))
    }
    let raw = ''
    request.on('data', (chunk) => (raw += chunk))
    request.on('end', () => {
      const [, token, method] = request.url.match(/^\/bot([^/]+)\/(\w+)/) ?? []
      const body = raw ? JSON.parse(raw) : {}
      calls.push({ token, method, body })
      if (method === 'getMe') return reply({ id: 1, is_bot: true, username: 'otklik_e2e_bot' })
      if (method === 'sendMessage')
        return reply({ message_id: (nextMessageId += 1), chat: { id: body.chat_id } })
      // getUpdates (long polling) and anything else: nothing new.
      if (method === 'getUpdates') return setTimeout(() => reply([]), 1000)
      return reply(true)
    })
  })
  await new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, '127.0.0.1', resolve)
  })
  return {
    calls,
    close: () => new Promise((resolve) => server.close(resolve)),
  }
}
