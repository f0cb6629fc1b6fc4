// Signs in through the PWA's sign-in page and the identity provider's login form
// (the embedded provider serves Spring Security's default form at /idp/login: username, password).
// A sign-in that does not land says why: the page's text, its console, and every failed or refused
// request on the way, so a failure on a CI machine can be read from the log alone.
export async function signIn(
  page,
  user,
  landing = /\/(queue|moderation|dashboard|review|profile)/,
) {
  const trail = []
  const pending = new Map()
  const onRequest = (request) => pending.set(request, Date.now())
  const onDone = (request) => pending.delete(request)
  const onConsole = (message) => trail.push(`console.${message.type()}: ${message.text()}`)
  const onFailed = (request) => {
    pending.delete(request)
    trail.push(`failed: ${request.method()} ${request.url()} (${request.failure()?.errorText})`)
  }
  const onResponse = (response) => {
    if (response.status() >= 400) {
      trail.push(`${response.status()}: ${response.request().method()} ${response.url()}`)
    }
  }
  page.on('console', onConsole)
  page.on('request', onRequest)
  page.on('requestfinished', onDone)
  page.on('requestfailed', onFailed)
  page.on('response', onResponse)
  try {
    await page.goto('/')
    await page.waitForURL(/\/sign-in/)
    await page.getByRole('button', { name: 'Войти' }).click()
    await page.locator('input[name="username"]').fill(user.username)
    await page.locator('input[name="password"]').fill(user.password)
    await Promise.all([
      page.waitForURL(landing, { timeout: 60_000 }),
      page.locator('input[name="password"]').press('Enter'),
    ])
  } catch (error) {
    const text = await page
      .locator('body')
      .innerText({ timeout: 2_000 })
      .catch(() => '(no page text)')
    const now = Date.now()
    for (const [request, since] of pending) {
      trail.push(`unanswered for ${now - since} ms: ${request.method()} ${request.url()}`)
    }
    error.message += `\nsign-in of ${user.username} stopped at ${page.url()}\npage: ${text}\n${trail.join('\n')}`
    throw error
  } finally {
    page.off('console', onConsole)
    page.off('request', onRequest)
    page.off('requestfinished', onDone)
    page.off('requestfailed', onFailed)
    page.off('response', onResponse)
  }
}
