import { useEffect, useState } from 'react'
import { useQuery } from 'urql'
import { CheckAnswerQualityDocument, type QualityReportFieldsFragment } from '@/gql/graphql'
import { useOnline } from '@/hooks/use-online'

export const QUALITY_DEBOUNCE_MS = 800
/** Shorter drafts are not worth a round trip: the coach would only say that something is missing. */
export const QUALITY_MIN_LENGTH = 20

export interface AnswerQuality {
  report: QualityReportFieldsFragment | null
  /** The report is for the text as it is now, so its offsets can be drawn on it. */
  current: boolean
  checking: boolean
}

/** The text once the user has stopped typing for `delay` ms. */
export function useDebounced<T>(value: T, delay: number): T {
  const [debounced, setDebounced] = useState(value)
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), delay)
    return () => clearTimeout(timer)
  }, [value, delay])
  return debounced
}

/**
 * Live hints from the quality coach (checkAnswerQuality): asked when typing pauses, online only,
 * never for very short or over-long drafts. The last report stays visible while the next is on its
 * way, but its fragments are underlined only while the text is the one that was checked.
 */
export function useAnswerQuality(
  text: string,
  appealId: string,
  maxLength: number,
  delay = QUALITY_DEBOUNCE_MS,
): AnswerQuality {
  const online = useOnline()
  const debounced = useDebounced(text, delay)
  const checkable =
    debounced.trim().length >= QUALITY_MIN_LENGTH && debounced.length <= maxLength && online
  const [{ data, fetching, operation }] = useQuery({
    query: CheckAnswerQualityDocument,
    variables: { text: debounced, appealId },
    pause: !checkable,
    requestPolicy: 'network-only',
  })
  const report = checkable || fetching ? (data?.checkAnswerQuality ?? null) : null
  const checkedText = (operation?.variables as { text?: string } | undefined)?.text
  return {
    report,
    current: report !== null && checkedText === text,
    checking: fetching || (text !== debounced && text.trim().length >= QUALITY_MIN_LENGTH),
  }
}
