import { useQuery } from 'urql'
import { LimitsDocument, type LimitsQuery } from '@/gql/graphql'
import type { Translate } from '@/lib/i18n'

export type Limits = LimitsQuery['limits']

/**
 * The sizes the server accepts (`Query.limits`). Asked once: cache-first, and graphcache keeps the
 * answer on the device, so the limits hold offline too. Null until the first answer ever arrives;
 * then nothing is checked here and the server's TOO_LONG still explains itself.
 */
export function useLimits(): Limits | null {
  const [{ data }] = useQuery({ query: LimitsDocument, requestPolicy: 'cache-first' })
  return data?.limits ?? null
}

export type TextProblem = 'blank' | 'tooLong'

/** Why a required text cannot be sent as it is: blank, or longer than `max` (when known). */
export function textProblem(text: string, max: number | undefined): TextProblem | null {
  const trimmed = text.trim()
  if (!trimmed) return 'blank'
  if (max !== undefined && trimmed.length > max) return 'tooLong'
  return null
}

export function explainTextProblem(
  t: Translate,
  problem: TextProblem,
  text: string,
  max: number | undefined,
): string {
  return problem === 'blank'
    ? t('actions.required')
    : t('actions.tooLong', { max: max ?? 0, count: text.trim().length })
}
