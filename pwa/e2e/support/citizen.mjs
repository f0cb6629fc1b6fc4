// What the citizen-page specs share: an appeal that a curator assigned, an executor answered and the
// curator approved, so that it has a citizen link.
import {
  assignAppeal,
  citizenLinkPath,
  gql,
  ingestAppeal,
  me,
  mutate,
  tokenFromPage,
} from './api.mjs'
import { USERS } from './env.mjs'
import { signIn } from './login.mjs'

/**
 * Signs in a curator and an executor on phones named `<prefix>-curator` and `<prefix>-executor`, walks a
 * fresh appeal (ingested with `appeal` overrides) to an approved final `answer`, and waits for its link.
 */
export async function answeredAppealWithLink(phones, prefix, { appeal: overrides = {}, answer }) {
  const curator = await phones.launch(`${prefix}-curator`)
  await signIn(curator.page, USERS.curator, /\/moderation/)
  const curatorToken = await tokenFromPage(curator.page)
  const executor = await phones.launch(`${prefix}-executor`)
  await signIn(executor.page, USERS.executor, /\/queue/)
  const executorToken = await tokenFromPage(executor.page)
  const agencyId = (await me(executorToken)).agency.id

  const { id } = await ingestAppeal(overrides)
  await assignAppeal(curatorToken, id, agencyId)
  await mutate(executorToken, 'takeAppeal', { appealId: id })
  await mutate(executorToken, 'submitAnswer', { appealId: id, kind: 'FINAL', text: answer })
  const { appeal } = await gql(
    curatorToken,
    `query ($id: ID!) { appeal(id: $id) { number answers { id } } }`,
    { id },
  )
  await mutate(curatorToken, 'approveAnswer', { appealId: id, answerId: appeal.answers.at(-1).id })
  const path = await citizenLinkPath(curatorToken, id)
  return { curator, executor, id, number: appeal.number, path }
}
