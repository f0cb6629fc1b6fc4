import type { Client, CombinedError } from '@urql/core'
import {
  SubmitAnswerDocument,
  TakeAppealDocument,
  type UserErrorFieldsFragment,
} from '@/gql/graphql'
import { errorDetailOf } from '@/lib/graphql/errors'
import type { OutboxEntry, Sender, SendResult } from '@/lib/offline/outbox'

function classifyError(error: CombinedError, onUnauthorized: () => void): SendResult {
  const status = (error.response as Response | undefined)?.status
  if (status === 401) {
    onUnauthorized()
    return { outcome: 'retry' }
  }
  if (error.networkError || (status !== undefined && status >= 500)) return { outcome: 'retry' }
  const first = error.graphQLErrors[0]
  const detail = errorDetailOf(error)
  const classification = String(first?.extensions?.classification ?? '')
  if (detail === 'UNAUTHENTICATED' || classification === 'UNAUTHORIZED') {
    onUnauthorized()
    return { outcome: 'retry' }
  }
  return {
    outcome: 'rejected',
    code: detail ?? (classification || 'ERROR'),
    message: first?.message ?? error.message,
  }
}

/**
 * The server's verdict, as it gave it. A repeated take of an appeal the caller already holds, or a
 * repeated answer with the same clientAnswerId, comes back without errors; a colleague who took the
 * appeal first is `TAKEN_BY_OTHER`.
 */
function outcome(errors: readonly UserErrorFieldsFragment[]): SendResult {
  const error = errors[0]
  return error
    ? { outcome: 'rejected', code: error.code, message: error.message }
    : { outcome: 'sent' }
}

/** Sends outbox entries through the GraphQL client, so the normalised cache sees the result. */
export function createOutboxSender(client: Client, onUnauthorized: () => void): Sender {
  return async (entry: OutboxEntry) => {
    const { action } = entry
    if (action.kind === 'take') {
      const result = await client
        .mutation(
          TakeAppealDocument,
          { input: { appealId: action.appealId } },
          { requestPolicy: 'network-only' },
        )
        .toPromise()
      if (result.error && !result.data?.takeAppeal)
        return classifyError(result.error, onUnauthorized)
      return outcome(result.data!.takeAppeal.errors)
    }
    const result = await client
      .mutation(
        SubmitAnswerDocument,
        {
          input: {
            appealId: action.appealId,
            kind: action.answerKind,
            text: action.text,
            clientAnswerId: action.clientAnswerId,
          },
        },
        { requestPolicy: 'network-only' },
      )
      .toPromise()
    if (result.error && !result.data?.submitAnswer)
      return classifyError(result.error, onUnauthorized)
    return outcome(result.data!.submitAnswer.errors)
  }
}
