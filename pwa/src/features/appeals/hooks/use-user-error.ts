import type { CombinedError } from '@urql/core'
import { useT, type MessageKey, type Translate } from '@/lib/i18n'
import { TAKEN_BY_OTHER } from '../api/outbox-sender'

const KNOWN = new Set([
  'REQUIRED',
  'INVALID',
  'TOO_LONG',
  'NOT_FOUND',
  'ILLEGAL_TRANSITION',
  'STALE_VERSION',
  'FORBIDDEN',
  'NO_CHANGE',
  'LOW_QUALITY',
])

/** A user error as the user should read it: our explanation first, the server's detail after. */
export function explainError(
  t: Translate,
  error: { code: string; message?: string | null },
): string {
  if (error.code === TAKEN_BY_OTHER) return t('error.takenByOther')
  const ours = KNOWN.has(error.code) ? t(`error.code.${error.code}` as MessageKey) : null
  if (ours && error.message && error.message !== ours) return `${ours} ${error.message}`
  return ours ?? error.message ?? error.code
}

export function explainCombined(t: Translate, error: CombinedError): string {
  if (error.networkError) return t('error.network')
  return error.graphQLErrors[0]?.message ?? error.message
}

export function useExplainError() {
  const t = useT()
  return {
    explain: (error: { code: string; message?: string | null }) => explainError(t, error),
    explainCombined: (error: CombinedError) => explainCombined(t, error),
  }
}
