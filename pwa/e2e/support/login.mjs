// Signs in through the PWA's sign-in page and the identity provider's login form
// (the embedded provider serves Spring Security's default form at /idp/login: username, password).
export async function signIn(
  page,
  user,
  landing = /\/(queue|moderation|dashboard|review|profile)/,
) {
  await page.goto('/')
  await page.waitForURL(/\/sign-in/)
  await page.getByRole('button', { name: 'Войти' }).click()
  await page.locator('input[name="username"]').fill(user.username)
  await page.locator('input[name="password"]').fill(user.password)
  await Promise.all([
    page.waitForURL(landing, { timeout: 60_000 }),
    page.locator('input[name="password"]').press('Enter'),
  ])
}
