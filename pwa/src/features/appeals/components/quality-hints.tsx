import { useEffect, useState } from 'react'
import { useQuery } from 'urql'
import { useT } from '@/lib/i18n'
import checkAnswerQuality from '../api-pending/quality/check-answer-quality.graphql?raw'
import type { CheckAnswerQualityQuery } from '../api-pending/quality/types'

const DEBOUNCE_MS = 800
const MIN_LENGTH = 20

/** Live hints against the ЦУР's five mistakes, from checkAnswerQuality (quality.graphqls). */
export default function QualityHints({ text, appealId }: { text: string; appealId: string }) {
  const t = useT()
  const [debounced, setDebounced] = useState(text)
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(text), DEBOUNCE_MS)
    return () => clearTimeout(timer)
  }, [text])

  const [{ data, fetching }] = useQuery<CheckAnswerQualityQuery>({
    query: checkAnswerQuality,
    variables: { text: debounced, appealId },
    pause: debounced.trim().length < MIN_LENGTH || !navigator.onLine,
    requestPolicy: 'network-only',
  })
  const report = data?.checkAnswerQuality
  if (!report && !fetching) return null
  return (
    <section className="quality" aria-labelledby="quality-heading" aria-busy={fetching}>
      <h3 id="quality-heading">{t('quality.title')}</h3>
      {fetching && !report && <p role="status">{t('quality.checking')}</p>}
      {report && (
        <>
          <p>
            {t('quality.score', { score: Math.round(report.score) })}
            {report.readability !== null &&
              ` · ${t('quality.readability', { value: report.readability })}`}
          </p>
          {report.findings.length === 0 ? (
            <p>{t('quality.none')}</p>
          ) : (
            <ul>
              {report.findings.map((finding, index) => (
                <li key={`${finding.rule}-${finding.start}-${index}`}>
                  <q>{text.slice(finding.start, finding.end)}</q> — {finding.message}
                  {finding.suggestion && (
                    <span className="muted">
                      {' '}
                      {t('quality.suggestion', { text: finding.suggestion })}
                    </span>
                  )}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  )
}
