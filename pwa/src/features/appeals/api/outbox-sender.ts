import type { Client, CombinedError } from '@urql/core'
import { SubmitAnswerDocument, TakeAppealDocument } from '@/gql/graphql'
import type { OutboxEntry, Sender, SendResult } from '@/lib/offline/outbox'

/** Our own code for the conflict the outbox must explain: someone else took the appeal first. */
export const TAKEN_BY_OTHER = 'TAKEN_BY_OTHER'

interface Payload {
  appeal?: { status: string; executor?: { id: string } | null } | null
  errors: { code: string; message: string }[]
}

function classifyError(error: CombinedError, onUnauthorized: () => void): SendResult {
  const status = (error.response as Response | undefined)?.status
  if (status === 401) {
    onUnauthorized()
    return { outcome: 'retry' }
  }
  if (error.networkError || (status !== undefined && status >= 500)) return { outcome: 'retry' }
  const first = error.graphQLErrors[0]
  const classification = String(first?.extensions?.classification ?? '')
  if (classification === 'UNAUTHORIZED') {
    onUnauthorized()
    return { outcome: 'retry' }
  }
  return {
    outcome: 'rejected',
    code: classification || 'ERROR',
    message: first?.message ?? error.message,
  }
}

/** A repeated take of an appeal the caller already holds succeeded the first time. */
function takeOutcome(payload: Payload, subject: string): SendResult {
  if (payload.errors.length === 0) return { outcome: 'sent' }
  const executor = payload.appeal?.executor?.id
  if (executor === subject) return { outcome: 'sent' }
  const error = payload.errors[0]!
  if (error.code === 'ILLEGAL_TRANSITION' && executor) {
    return { outcome: 'rejected', code: TAKEN_BY_OTHER, message: error.message }
  }
  return { outcome: 'rejected', code: error.code, message: error.message }
}

function answerOutcome(payload: Payload): SendResult {
  const error = payload.errors[0]
  return error
    ? { outcome: 'rejected', code: error.code, message: error.message }
    : { outcome: 'sent' }
}

/** Sends outbox entries through the GraphQL client, so the normalised cache sees the result. */
export function createOutboxSender(
  client: Client,
  subject: string,
  onUnauthorized: () => void,
): Sender {
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
      return takeOutcome(result.data!.takeAppeal, subject)
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
    return answerOutcome(result.data!.submitAnswer)
  }
}
