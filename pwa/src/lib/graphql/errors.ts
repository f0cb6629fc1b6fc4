import type { CombinedError } from '@urql/core'
import { ErrorDetail, UserErrorCode } from '@/gql/enums'
import { useT, type MessageKey, type Translate } from '@/lib/i18n'

/**
 * A refusal as the client keeps it (a payload's user error, or an outbox entry the server turned
 * down): a `UserErrorCode`, or for a top-level error its `ErrorDetail`, and the server's message.
 */
export interface Refusal {
  code: string
  message?: string | null
}

// Both lists come from the schema through codegen (src/gql/enums.ts), never from a hand-kept copy.
const USER_ERROR_CODES: ReadonlySet<string> = new Set(Object.values(UserErrorCode))
const ERROR_DETAILS: ReadonlySet<string> = new Set(Object.values(ErrorDetail))

export function isUserErrorCode(code: string): code is UserErrorCode {
  return USER_ERROR_CODES.has(code)
}

export function isErrorDetail(code: string): code is ErrorDetail {
  return ERROR_DETAILS.has(code)
}

// The return types make a schema value without a message a compile error (after `npm run codegen`).
export const userErrorKey = (code: UserErrorCode): MessageKey => `error.code.${code}`
export const errorDetailKey = (detail: ErrorDetail): MessageKey => `error.detail.${detail}`

/** The `errorDetail` extension of a top-level error, when it is one of ours. */
export function errorDetailOf(error: CombinedError): ErrorDetail | null {
  const detail = error.graphQLErrors[0]?.extensions?.errorDetail
  return typeof detail === 'string' && isErrorDetail(detail) ? detail : null
}

/**
 * Whether a subscription's GraphQL error says its `after` cursor is of no use: refused as malformed or
 * too old, or an error we cannot place. A slow subscriber, an expired token or a server failure
 * keeps the cursor, so the stream resumes without missing events.
 */
export function cursorRefused(error: CombinedError): boolean {
  if (error.graphQLErrors.length === 0) return false
  const detail = errorDetailOf(error)
  return (
    detail === null ||
    detail === 'INVALID_CURSOR' ||
    detail === 'CURSOR_EXPIRED' ||
    detail === 'INVALID_ARGUMENT'
  )
}

/** A refusal as the user should read it: our explanation first, the server's detail after. */
export function explainRefusal(t: Translate, refusal: Refusal): string {
  if (isUserErrorCode(refusal.code)) {
    const ours = t(userErrorKey(refusal.code))
    return refusal.message && refusal.message !== ours ? `${ours} ${refusal.message}` : ours
  }
  if (isErrorDetail(refusal.code)) return t(errorDetailKey(refusal.code))
  return refusal.message ?? refusal.code
}

/** A failed request (no payload): the network, or a top-level error explained by its `errorDetail`. */
export function explainCombined(t: Translate, error: CombinedError): string {
  if (error.networkError) return t('error.network')
  const detail = errorDetailOf(error)
  if (detail) return t(errorDetailKey(detail))
  return error.graphQLErrors[0]?.message ?? error.message
}

export function useExplainError() {
  const t = useT()
  return {
    explain: (refusal: Refusal) => explainRefusal(t, refusal),
    explainCombined: (error: CombinedError) => explainCombined(t, error),
  }
}
