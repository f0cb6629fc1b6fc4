// A local push service for the push spec: records every POST (path, headers, body size) and answers
// 201 Created, as FCM or Mozilla's autopush would. Never a real push service.
import { createServer } from 'node:http'

export async function startFakePush() {
  const calls = []
  const server = createServer((request, response) => {
    const chunks = []
    request.on('data', (chunk) => chunks.push(chunk))
    request.on('end', () => {
      calls.push({
        method: request.method,
        path: request.url,
        headers: request.headers,
        body: Buffer.concat(chunks),
      })
      response.writeHead(201).end()
    })
  })
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve))
  const origin = `http://127.0.0.1:${server.address().port}`
  return {
    origin,
    calls,
    close: () => new Promise((resolve) => server.close(resolve)),
  }
}
