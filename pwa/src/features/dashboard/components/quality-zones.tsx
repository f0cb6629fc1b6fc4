import { useQuery } from 'urql'
import { ErrorState, LoadingState } from '@/components/page-states'
import { AgencyQualityDocument } from '@/gql/graphql'
import { enumKey, useT } from '@/lib/i18n'
import { periodInput, type DashboardPeriod } from '../hooks/periods'
import { topMistakes } from '../hooks/dashboard-figures'

/**
 * Growth zones (qualityStats): which mistakes of the quality coach the agency's answers made in the
 * period, with example fragments, and per executor, so the head knows what the next training covers.
 */
export function QualityZones({ agencyId, period }: { agencyId: string; period: DashboardPeriod }) {
  const t = useT()
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: AgencyQualityDocument,
    variables: { agencyId, period: periodInput(period) },
  })
  const stats = data?.qualityStats
  return (
    <section className="zones" aria-labelledby="zones-heading">
      <h2 id="zones-heading">{t('zones.title')}</h2>
      {fetching && !data ? (
        <LoadingState />
      ) : error && !data ? (
        <ErrorState onRetry={() => reexecute({ requestPolicy: 'network-only' })} />
      ) : !stats || stats.answers === 0 ? (
        <p className="muted">{t('zones.noAnswers')}</p>
      ) : (
        <>
          <p className="muted">
            {t('zones.answers', { count: stats.answers })}
            {stats.averageScore !== null &&
              stats.averageScore !== undefined &&
              ` · ${t('zones.average', { score: Math.round(stats.averageScore) })}`}
          </p>
          <ul className="zones__rules">
            {stats.rules
              .filter((rule) => rule.answers > 0)
              .map((rule) => {
                const percent = Math.round(rule.share * 100)
                return (
                  <li key={rule.rule} data-rule={rule.rule}>
                    <span className="zones__name">{t(enumKey('quality.rule', rule.rule))}</span>
                    <span className="zones__count">
                      {t('zones.share', { count: rule.answers, percent })}
                    </span>
                    <span className="zones__bar" aria-hidden="true">
                      <span style={{ width: `${percent}%` }} />
                    </span>
                    {rule.examples.length > 0 && (
                      <details>
                        <summary>{t('zones.examples')}</summary>
                        <ul>
                          {rule.examples.map((example, index) => (
                            <li key={index}>
                              <q>{example}</q>
                            </li>
                          ))}
                        </ul>
                      </details>
                    )}
                  </li>
                )
              })}
          </ul>
          {/* Answers stored without a report (before the coach) have no score: not «no mistakes». */}
          {stats.rules.every((rule) => rule.answers === 0) && (
            <p>{stats.averageScore === null ? t('zones.noReports') : t('zones.clean')}</p>
          )}
          {stats.executors.length > 0 && (
            <table className="zones__executors">
              <caption>{t('zones.executors')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('zones.executor')}</th>
                  <th scope="col">{t('zones.executorAnswers')}</th>
                  <th scope="col">{t('zones.mistakes')}</th>
                </tr>
              </thead>
              <tbody>
                {stats.executors.map((row) => (
                  <tr key={row.executor.id}>
                    <th scope="row">{row.executor.name}</th>
                    <td>{row.answers}</td>
                    <td>
                      {topMistakes(row)
                        .map((rule) => `${t(enumKey('quality.rule', rule.rule))} (${rule.answers})`)
                        .join(', ') || '—'}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
    </section>
  )
}
