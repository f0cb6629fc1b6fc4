import type { QualityFindingFieldsLike } from '../hooks/quality-marks'
import type { QualityReportFieldsFragment } from '@/gql/graphql'
import { enumKey, useT } from '@/lib/i18n'

interface Props {
  report: QualityReportFieldsFragment
  /** The text the report's offsets refer to; fragments are quoted from it. */
  text: string
  /** Whether `text` is still the checked one (live hints); stale offsets quote nothing. */
  current?: boolean
  heading: string
  /** Live hints: selecting a fragment puts the caret on it in the editor. */
  onSelect?: (finding: QualityFindingFieldsLike) => void
  busy?: boolean
}

/**
 * The quality coach's verdict: score, readability band and each finding with its fragment, what is
 * wrong and a rewrite hint. Used live under the answer editor and, stored, in the curator's review.
 */
export function QualityReport({ report, text, current = true, heading, onSelect, busy }: Props) {
  const t = useT()
  return (
    <section className="quality" aria-label={heading} aria-busy={busy || undefined}>
      <p className="quality__summary">
        <strong>{heading}</strong>
        {' · '}
        <span data-quality-score={report.score}>{t('quality.score', { score: report.score })}</span>
        {' · '}
        {t('quality.readability', {
          level: t(enumKey('quality.level', report.readability.level)),
        })}
      </p>
      {report.findings.length === 0 ? (
        <p>{t('quality.none')}</p>
      ) : (
        <ul className="quality__findings">
          {report.findings.map((finding, index) => {
            const located =
              current &&
              finding.start !== null &&
              finding.end !== null &&
              finding.end > finding.start
            const fragment = located ? text.slice(finding.start!, finding.end!) : null
            return (
              <li
                key={`${finding.rule}-${finding.start ?? 'all'}-${index}`}
                data-rule={finding.rule}
              >
                <span className="quality__rule">{t(enumKey('quality.rule', finding.rule))}</span>
                {fragment !== null &&
                  (onSelect ? (
                    <button
                      type="button"
                      className="quality__fragment"
                      onClick={() => onSelect(finding)}
                      aria-label={t('quality.showFragment', { text: fragment })}
                    >
                      «{fragment}»
                    </button>
                  ) : (
                    <q className="quality__fragment">{fragment}</q>
                  ))}
                <span> {finding.message}</span>
                {finding.suggestion && (
                  <span className="muted">
                    {' '}
                    {t('quality.suggestion', { text: finding.suggestion })}
                  </span>
                )}
              </li>
            )
          })}
        </ul>
      )}
    </section>
  )
}
